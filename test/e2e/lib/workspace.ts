// The folder the editor opens: a COPY of examples/ (the demo network with its deliberate mistakes, listed in
// examples/README.md), so the editor never writes into the repo. Until examples/README.md lists the
// `subnet-outside-vpc` mistake, a two-resource workspace with the same mistake stands in.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

export interface Scenario {
  /** Folder opened in the editor. */
  folder: string;
  /** File (relative to folder) with a `subnet-outside-vpc` mistake. */
  file: string;
  /** 1-based line of the mistake. */
  line: number;
  /** The CIDR literal on that line, without quotes. */
  cidr: string;
  /** The rule id the Problems panel must list. */
  ruleCode: string;
  /** Where the scenario came from, for the test log. */
  source: string;
}

const RULE = 'subnet-outside-vpc';
const examplesDir = path.join(repoRoot, 'examples');

/** Reads `| \`subnet-outside-vpc\` | \`subnets.tf:52\` (\`"10.1.5.0/24"\`...` from the examples' table of mistakes. */
export function mistakeFromExamplesReadme(readme: string): { file: string; line: number; cidr: string } | undefined {
  const row = readme.split('\n').find((l) => l.replace(/\s+/g, ' ').startsWith(`| \`${RULE}\` |`));
  const match = row?.match(/`([^`:]+):(\d+)`\s*\(`"([0-9a-fA-F.:]+\/\d+)"`/);
  if (!match) return undefined;
  return { file: match[1]!, line: Number(match[2]), cidr: match[3]! };
}

const fallbackMainTf = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "outside" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.1.0.0/24"
}
`;

export function prepareWorkspace(root: string): Scenario {
  const folder = path.join(root, 'workspace');
  const readmePath = path.join(examplesDir, 'README.md');
  const mistake = fs.existsSync(readmePath) ? mistakeFromExamplesReadme(fs.readFileSync(readmePath, 'utf8')) : undefined;
  if (mistake && fs.existsSync(path.join(examplesDir, mistake.file))) {
    fs.cpSync(examplesDir, folder, {
      recursive: true,
      filter: (src) => !['.terraform', 'node_modules', '.git'].includes(path.basename(src)),
    });
    const lineText = fs.readFileSync(path.join(folder, mistake.file), 'utf8').split('\n')[mistake.line - 1] ?? '';
    if (lineText.includes(mistake.cidr)) {
      return { folder, ...mistake, ruleCode: RULE, source: 'copy of examples/ (mistake listed in examples/README.md)' };
    }
    fs.rmSync(folder, { recursive: true, force: true });
  }
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'main.tf'), fallbackMainTf);
  return {
    folder,
    file: 'main.tf',
    line: 7,
    cidr: '10.1.0.0/24',
    ruleCode: RULE,
    source: 'fallback workspace (examples/README.md does not list a usable subnet-outside-vpc mistake)',
  };
}
