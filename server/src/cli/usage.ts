import type { CommandName } from './args';

/** One usage line per command: printed after a usage error and at the top of each help page. */
export const USAGE_LINES: Record<CommandName, string> = {
  check:
    'vpc-lens check [PATH...] [--format text|json|sarif] [--config FILE] [--var-file F.tfvars]... [--parameters TEMPLATE=FILE]... [--region REGION] [--fail-on error|warning|info|never]',
  topology: 'vpc-lens topology [PATH...] [--format json|svg|html] [-o FILE] [--config FILE] [--var-file F.tfvars]...',
  cidr: 'vpc-lens cidr CIDR... [--format text|json]',
  rules: 'vpc-lens rules [--format text|json]',
};

export function usageLine(command: CommandName | undefined): string {
  if (command) return `usage: ${USAGE_LINES[command]}`;
  return 'usage: vpc-lens <check|topology|cidr|rules|help> [options]   (vpc-lens --help for more)';
}

const GENERAL_HELP = `VPC Lens: AWS network analysis for Terraform, CloudFormation and CDK (CIDR math, network rules, topology).

Usage:
  ${USAGE_LINES.check}
  ${USAGE_LINES.topology}
  ${USAGE_LINES.cidr}
  ${USAGE_LINES.rules}
  vpc-lens help [COMMAND]
  vpc-lens --help | --version

Commands:
  check      Analyse files and folders and report findings (exit code for CI)
  topology   The network as a graph (JSON) or a diagram (SVG, self-contained HTML page)
  cidr       AWS-aware CIDR math: addresses, the 5 reserved ones, usable range
  rules      List the rule catalog: id, severity, title, docs link

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage error or unreadable path.
Run 'vpc-lens help COMMAND' for the options of one command.
`;

const COMMAND_HELP: Record<CommandName, string> = {
  check: `Analyse AWS network definitions and report findings.

Usage:
  ${USAGE_LINES.check}

Arguments:
  PATH                Files or folders (default: the current folder). Folders are searched for Terraform
                      (*.tf, *.tfvars, *.tf.json, plan JSON), CloudFormation (*.json, *.yaml, *.yml, *.template)
                      and CDK files; node_modules, .git and .terraform are skipped unless named as a PATH.

Options:
  --format FORMAT     text (default, for people), json (one object, 0-based lines) or sarif (SARIF 2.1.0)
  --config FILE       Project settings (default: .vpc-lens.json in the current folder, when present):
                      {"rules": {"<rule id>": "error|warning|info|hint|off"}, "exclude": ["<glob>", ...],
                       "terraform": {"varFiles": ["prod.tfvars"]}, "cloudformation": {"parameterFiles":
                       {"network.yaml": "params/prod.json"}, "region": "eu-west-1"}}; paths are relative to its folder
  --var-file FILE     A Terraform variable file to apply after terraform.tfvars and *.auto.tfvars;
                      repeatable, applied in order
  --parameters TEMPLATE=FILE
                      The CloudFormation parameter file for TEMPLATE ([{"ParameterKey", "ParameterValue"}]
                      or {"Parameters": {...}}), whatever its name; repeatable, one per template. Without
                      it, NAME.parameters.json, NAME-parameters.json or parameters/NAME.json next to the
                      template is used when present
  --region REGION     The region CloudFormation's AWS::Region resolves to (default: unknown)
  --fail-on LEVEL     error (default), warning, info or never: exit 1 when a finding is at or above LEVEL

Exit codes:
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage error, a PATH, --var-file or --parameters file that does not exist, or a file that could
     not be read (the report of everything else is still printed)
`,
  topology: `The network drawn as AWS draws it: region > VPC > AZ > subnet > resources, gateways on the VPC,
peering, transit gateways, VPN and Direct Connect outside.

Usage:
  ${USAGE_LINES.topology}

Arguments:
  PATH                Files or folders (default: the current folder), as for check.

Options:
  --format FORMAT     json (default): {"version":1,"nodes":[{"id","kind","label","parent","file","range",
                      "cidr"?,"az"?,"public"?,"findings"?,"details"?}],"edges":[{"from","to","kind","label"?}]}
                      with files relative to the current folder and 0-based ranges;
                      svg: the diagram alone; html: a self-contained page (no network access)
  -o, --output FILE   Write to FILE instead of stdout
  --config FILE       Project settings, as for check (rule severities change the finding counts)
  --var-file FILE     A Terraform variable file, as for check; repeatable

Exit codes:
  0  the graph was written (findings do not change the exit code: use check for that)
  2  usage error, a PATH or --var-file that does not exist, a file that could not be read, or an
     output file that could not be written
`,
  cidr: `AWS-aware CIDR math for one or more blocks: network, netmask, first and last address, total addresses,
the 5 addresses AWS reserves in every subnet, usable count (total - 5) and usable range.

Usage:
  ${USAGE_LINES.cidr}

Options:
  --format FORMAT     text (default) or json (one object for one block, an array for several)

Exit codes:
  0  every block was valid
  2  usage error, or at least one block was invalid: its error goes to stderr, the other blocks are
     still printed
`,
  rules: `List the rule catalog: id, default severity, title and docs link.

Usage:
  ${USAGE_LINES.rules}

Options:
  --format FORMAT     text (default, a table) or json (an array of {id, category, severity, title,
                      docsUrl, implemented})
`,
};

export function helpText(topic: CommandName | undefined): string {
  return topic ? COMMAND_HELP[topic] : GENERAL_HELP;
}
