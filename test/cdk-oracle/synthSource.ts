// Runs a CDK app's source for real with aws-cdk-lib (a dev dependency) and returns the templates it
// synthesizes: the oracle for what VPC Lens reads statically from the same text. Test-only.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- CloudFormation template JSON

/** Inside the repository (an ignored folder), so the app's `import 'aws-cdk-lib'` resolves. */
const SCRATCH = join(__dirname, '..', '..', '.cache', 'cdk-oracle');

/**
 * Path metadata, as the CDK CLI asks for, names each resource's construct (`aws:cdk:path`). The feature flags
 * `cdk init` sets that change the network VPC Lens reads are set as a new project has them.
 */
const APP_PROPS = {
  builtinCloudFormationValidation: false,
  context: { 'aws:cdk:enable-path-metadata': true, '@aws-cdk/aws-ec2:requirePrivateSubnetsForEgressOnlyInternetGateway': true },
};

/**
 * Writes `files` ({ 'stack.ts': text }) to a scratch folder and runs `entry` with tsx. The app must make its
 * `App` as `const app = new cdk.App()`: the oracle adds `app.synth()`, asks for path metadata, and turns off
 * the built-in template validation, which takes seconds and checks nothing read here. Returns each stack's template by name.
 */
export function synthSource(files: Readonly<Record<string, string>>, entry: string): Map<string, Json> {
  mkdirSync(SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH, 'app-'));
  try {
    // The CDK CLI passes a project's context (cdk.json's, and the lookups cdk.context.json keeps) to the app;
    // running the app directly, the oracle does.
    const projectContext = {
      ...(files['cdk.context.json'] ? (JSON.parse(files['cdk.context.json']) as object) : {}),
      ...(files['cdk.json'] ? (JSON.parse(files['cdk.json']) as { context?: object }).context : {}),
    };
    const appProps = JSON.stringify({ ...APP_PROPS, context: { ...APP_PROPS.context, ...projectContext } });
    for (const [name, text] of Object.entries(files)) {
      const runnable = name === entry ? `${text.replace('new cdk.App()', `new cdk.App(${appProps})`)}\napp.synth();\n` : text;
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), runnable);
    }
    const outdir = join(dir, 'cdk.out');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, entry)], { env: { ...process.env, CDK_OUTDIR: outdir }, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the app failed under aws-cdk-lib: ${run.stderr}`);
    const templates = new Map<string, Json>();
    for (const file of readdirSync(outdir)) {
      if (file.endsWith('.template.json')) templates.set(file.replace(/\.template\.json$/, ''), JSON.parse(readFileSync(join(outdir, file), 'utf8')));
    }
    return templates;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SynthesizedSubnet {
  readonly cidr?: string;
  /** A literal AZ name; an environment-agnostic stack's `Fn::Select` of `Fn::GetAZs` is left out. */
  readonly az?: string;
  readonly mapPublicIpOnLaunch?: boolean;
}

/** The subnets of a template by construct path (`S/Vpc/publicSubnet1`), with the properties the model reads. */
export function synthesizedSubnets(template: Json): Map<string, SynthesizedSubnet> {
  const out = new Map<string, SynthesizedSubnet>();
  for (const r of Object.values<Json>(template.Resources ?? {})) {
    if (r.Type !== 'AWS::EC2::Subnet') continue;
    const path = String(r.Metadata?.['aws:cdk:path'] ?? '').replace(/\/(Subnet|Resource)$/, '');
    const p = r.Properties ?? {};
    out.set(path, {
      ...(p.CidrBlock !== undefined ? { cidr: p.CidrBlock } : {}),
      ...(typeof p.AvailabilityZone === 'string' ? { az: p.AvailabilityZone } : {}),
      ...(p.MapPublicIpOnLaunch !== undefined ? { mapPublicIpOnLaunch: p.MapPublicIpOnLaunch } : {}),
    });
  }
  return out;
}
