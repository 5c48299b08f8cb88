import { REGION_NAME } from '../core/config/projectConfig';

/**
 * Command-line parsing: argv in, a typed command out, or a UsageError with a one-line message. Hand-written
 * because the grammar is tiny and every mistake must become a clear usage error, never a guess.
 */

export class UsageError extends Error {
  /** The command whose usage line to print with the message (undefined: the general one). */
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

export type CommandName = 'check' | 'topology' | 'cidr' | 'rules';
export const COMMAND_NAMES: readonly CommandName[] = ['check', 'topology', 'cidr', 'rules'];

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'never'] as const;
export const LIST_FORMATS = ['text', 'json'] as const;
export const TOPOLOGY_FORMATS = ['json', 'svg', 'html'] as const;

export type CheckFormat = (typeof CHECK_FORMATS)[number];
export type FailOn = (typeof FAIL_ON_LEVELS)[number];
export type ListFormat = (typeof LIST_FORMATS)[number];
export type TopologyFormat = (typeof TOPOLOGY_FORMATS)[number];

export interface CheckCommand {
  readonly kind: 'check';
  readonly paths: readonly string[];
  readonly format: CheckFormat;
  readonly config: string | undefined;
  readonly varFiles: readonly string[];
  readonly failOn: FailOn;
  /** `--parameters TEMPLATE=FILE`, as typed (paths relative to the current folder); absent when not given. */
  readonly parameterFiles?: readonly { readonly template: string; readonly parameters: string }[];
  /** `--region`: what CloudFormation's `AWS::Region` resolves to; absent when not given. */
  readonly region?: string;
}

export interface TopologyCommand {
  readonly kind: 'topology';
  readonly paths: readonly string[];
  readonly format: TopologyFormat;
  /** Where to write the output; undefined: stdout. */
  readonly output: string | undefined;
  readonly config: string | undefined;
  readonly varFiles: readonly string[];
}

export interface CidrCommand {
  readonly kind: 'cidr';
  readonly blocks: readonly string[];
  readonly format: ListFormat;
}

export interface RulesCommand {
  readonly kind: 'rules';
  readonly format: ListFormat;
}

export interface HelpCommand {
  readonly kind: 'help';
  /** Undefined: the general help. */
  readonly topic: CommandName | undefined;
}

export interface VersionCommand {
  readonly kind: 'version';
}

export type Command = CheckCommand | TopologyCommand | CidrCommand | RulesCommand | HelpCommand | VersionCommand;

interface FlagSpec {
  /** Takes a value (`--format json` or `--format=json`). */
  readonly value: boolean;
  /** Allowed values, when the value is an enum. */
  readonly choices?: readonly string[];
  /** May be given more than once. */
  readonly repeatable?: boolean;
}

const FLAGS: Record<CommandName, Record<string, FlagSpec>> = {
  check: {
    '--format': { value: true, choices: CHECK_FORMATS },
    '--config': { value: true },
    '--var-file': { value: true, repeatable: true },
    '--fail-on': { value: true, choices: FAIL_ON_LEVELS },
    '--parameters': { value: true, repeatable: true },
    '--region': { value: true },
  },
  topology: {
    '--format': { value: true, choices: TOPOLOGY_FORMATS },
    '-o': { value: true },
    '--output': { value: true },
    '--config': { value: true },
    '--var-file': { value: true, repeatable: true },
  },
  cidr: { '--format': { value: true, choices: LIST_FORMATS } },
  rules: { '--format': { value: true, choices: LIST_FORMATS } },
};

function isCommandName(s: string | undefined): s is CommandName {
  return s !== undefined && (COMMAND_NAMES as readonly string[]).includes(s);
}

export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first === '--help' || first === '-h') return { kind: 'help', topic: undefined };
  if (first === '--version' || first === '-V') return { kind: 'version' };
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { kind: 'help', topic: undefined };
    if (!isCommandName(topic)) throw new UsageError(`unknown command '${topic}'`);
    if (rest.length > 1) throw new UsageError(`unexpected argument '${rest[1]}'`);
    return { kind: 'help', topic };
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`);
  if (!isCommandName(first)) throw new UsageError(`unknown command '${first}'`);

  const { positionals, flags, help } = splitArgs(first, rest);
  if (help) return { kind: 'help', topic: first };
  const single = (name: string): string | undefined => flags.get(name)?.at(-1);

  switch (first) {
    case 'check': {
      const parameterFiles = (flags.get('--parameters') ?? []).map(parameterFileArg);
      const region = single('--region');
      if (region !== undefined && !REGION_NAME.test(region)) throw new UsageError(`invalid value '${region}' for --region (a region name like eu-west-1)`, 'check');
      return {
        kind: 'check',
        paths: positionals.length > 0 ? positionals : ['.'],
        format: (single('--format') ?? 'text') as CheckFormat,
        config: single('--config'),
        varFiles: flags.get('--var-file') ?? [],
        failOn: (single('--fail-on') ?? 'error') as FailOn,
        ...(parameterFiles.length > 0 ? { parameterFiles } : {}),
        ...(region !== undefined ? { region } : {}),
      };
    }
    case 'topology': {
      const output = [single('-o'), single('--output')].filter((o) => o !== undefined);
      if (output.length > 1) throw new UsageError("give -o or --output, not both", 'topology');
      return {
        kind: 'topology',
        paths: positionals.length > 0 ? positionals : ['.'],
        format: (single('--format') ?? 'json') as TopologyFormat,
        output: output[0],
        config: single('--config'),
        varFiles: flags.get('--var-file') ?? [],
      };
    }
    case 'cidr':
      if (positionals.length === 0) throw new UsageError('missing CIDR block (e.g. vpc-lens cidr 10.0.0.0/24)', 'cidr');
      return { kind: 'cidr', blocks: positionals, format: (single('--format') ?? 'text') as ListFormat };
    case 'rules':
      if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`, 'rules');
      return { kind: 'rules', format: (single('--format') ?? 'text') as ListFormat };
  }
}

/** `TEMPLATE=FILE`: a template and the CloudFormation parameter file for it. */
function parameterFileArg(value: string): { template: string; parameters: string } {
  const eq = value.indexOf('=');
  const template = value.slice(0, Math.max(eq, 0));
  const parameters = value.slice(eq + 1);
  if (eq <= 0 || parameters === '') {
    throw new UsageError(`invalid value '${value}' for --parameters (expected TEMPLATE=FILE, e.g. network.yaml=params/prod.json)`, 'check');
  }
  return { template, parameters };
}

function splitArgs(
  command: CommandName,
  args: readonly string[],
): { positionals: string[]; flags: Map<string, string[]>; help: boolean } {
  const specs = FLAGS[command];
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    // A lone `-` or a negative-looking value is not a flag; anything else starting with `-` must be known.
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown option '${name}'`, command);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (spec.value) {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`option '${name}' needs a value`, command);
      }
      value = next;
      i++;
    }
    if (value === undefined) value = '';
    if (spec.value && value === '') throw new UsageError(`option '${name}' needs a value`, command);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`invalid value '${value}' for ${name} (expected ${spec.choices.join(', ')})`, command);
    }
    const list = flags.get(name) ?? [];
    if (list.length > 0 && !spec.repeatable) throw new UsageError(`option '${name}' given more than once`, command);
    list.push(value);
    flags.set(name, list);
  }
  return { positionals, flags, help };
}
