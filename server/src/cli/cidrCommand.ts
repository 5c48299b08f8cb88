import { awsCidrMath, describeCidrJson, describeCidrText, parseCidr } from '../core/cidr';
import type { CidrCommand } from './args';
import type { CliIo } from './io';

/**
 * `vpc-lens cidr CIDR...`. An invalid block does not stop the others: its error goes to stderr, the valid
 * blocks are printed, and the exit code is 2 so scripts notice.
 */
export function runCidr(command: CidrCommand, io: CliIo): number {
  const texts: string[] = [];
  const objects: object[] = [];
  let invalid = 0;
  for (const block of command.blocks) {
    const parsed = parseCidr(block);
    if (!parsed.ok) {
      io.err(`vpc-lens: invalid CIDR block '${block}': ${parsed.message}\n`);
      invalid++;
      continue;
    }
    const math = awsCidrMath(parsed.cidr);
    if (command.format === 'json') objects.push(describeCidrJson(math));
    else texts.push(describeCidrText(math));
  }
  if (command.format === 'json') {
    // One block gives one object (`jq .usable` works); several give an array in argument order.
    const single = command.blocks.length === 1;
    if (!single || objects.length === 1) io.out(`${JSON.stringify(single ? objects[0] : objects, null, 2)}\n`);
  } else if (texts.length > 0) {
    io.out(`${texts.join('\n\n')}\n`);
  }
  return invalid > 0 ? 2 : 0;
}
