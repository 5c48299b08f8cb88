// Modules `terraform init` installed (registry and git sources): read through the root's module manifest
// (.terraform/modules/modules.json), analysed with the caller's arguments, and their findings shown at the
// user's `module` block.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, type Analysis } from '../../../server/src/core/analysis/workspace';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { parseModuleManifest } from '../../../server/src/core/frontends/terraform/installedModules';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { INITIALISED as WITH_MANIFEST, MANIFEST, ROOT } from '../../fixtures/installedModule';
import { offsetOf, WS } from './helpers';

const MANIFEST_URI = `${WS}/live/.terraform/modules/modules.json`;

async function analysed(files: Record<string, string>, settings: AnalysisSettings = DEFAULT_SETTINGS): Promise<{ ws: Workspace; analysis: Analysis }> {
  const ws = await createWorkspace();
  for (const [path, text] of Object.entries(files)) ws.setFile(`${WS}/${path}`, text);
  return { ws, analysis: ws.analyze(settings) };
}

function diagnosticsOf(a: Analysis, path: string) {
  return a.diagnostics.get(`${WS}/${path}`) ?? [];
}

describe('modules installed by terraform init', () => {
  test('the manifest maps each module key to its folder, without the root and whatever Terraform wrote it with', () => {
    const { installed, problems } = parseModuleManifest(MANIFEST_URI, MANIFEST);
    assert.deepEqual([...installed], [
      ['vpc', `${WS}/live/.terraform/modules/vpc`],
      ['vpc.sg', `${WS}/live/.terraform/modules/vpc/modules/sg`],
    ]);
    assert.deepEqual(problems, []);
    const windows = parseModuleManifest(MANIFEST_URI, '{"Modules":[{"Key":"vpc","Source":"x","Dir":".terraform\\\\modules\\\\vpc"}]}');
    assert.deepEqual([...windows.installed], [['vpc', `${WS}/live/.terraform/modules/vpc`]]);
  });

  test('a manifest that is not one says so, and follows nothing', () => {
    for (const text of ['{"Modules": [', '{"modules": {}}']) {
      const { installed, problems } = parseModuleManifest(MANIFEST_URI, text);
      assert.equal(installed.size, 0);
      assert.equal(problems.length, 1, text);
      assert.match(problems[0]!.message, /^Terraform's module manifest cannot be read \(.+\): the modules terraform init installed are not followed$/);
    }
  });

  test("a value the user passes in is checked where the user wrote it; the module's own finding is shown at the module block", async () => {
    const { analysis } = await analysed(WITH_MANIFEST);
    const root = diagnosticsOf(analysis, 'live/main.tf');
    const outside = root.find((d) => d.ruleId === 'subnet-outside-vpc');
    assert.ok(outside, JSON.stringify(root));
    assert.equal(outside.span.start, offsetOf(ROOT, '"10.9.2.0/24"'));
    assert.match(outside.message, /^Subnet 10\.9\.2\.0\/24 is outside VPC module\.vpc\.aws_vpc\.this \(10\.0\.0\.0\/16\)/);

    const ssh = root.find((d) => d.ruleId === 'sg-world-admin-port');
    assert.ok(ssh, JSON.stringify(root));
    // On the name label of `module "vpc"`, naming the module; the place in its code comes first among the related.
    assert.deepEqual([ssh.span.start, ssh.span.end], [offsetOf(ROOT, '"vpc"'), offsetOf(ROOT, '"vpc"') + 5]);
    assert.equal(ssh.message, 'Security group rule opens SSH (22) to 0.0.0.0/0: the whole internet (TCP port 22) (in module.vpc ("acme/vpc/aws"), installed by terraform init)');
    assert.equal(ssh.related?.[0]?.span.file, `${WS}/live/.terraform/modules/vpc/modules/sg/main.tf`);
    assert.equal(ssh.related?.[0]?.message, 'In the installed module: module.vpc.module.sg.aws_security_group.bastion.ingress[0]');
    assert.equal(ssh.fixes, undefined);

    // Nothing is reported in the installed code itself, and the installed folders are not roots of their own.
    for (const [uri, list] of analysis.diagnostics) if (uri.includes('/.terraform/')) assert.deepEqual(list, [], uri);
    assert.equal(analysis.resources, 5);
  });

  test('a suppression comment on the module block silences a finding in the installed code', async () => {
    const suppressed = ROOT.replace('module "vpc" {', '# vpc-lens-ignore-next-line sg-world-admin-port\nmodule "vpc" {');
    const { analysis } = await analysed({ ...WITH_MANIFEST, 'live/main.tf': suppressed });
    const codes = diagnosticsOf(analysis, 'live/main.tf').map((d) => d.ruleId);
    assert.ok(codes.includes('subnet-outside-vpc'));
    assert.ok(!codes.includes('sg-world-admin-port'), codes.join(', '));
  });

  test("a registry call inside a local module is found through the root's manifest (key net.vpc)", async () => {
    const manifest = JSON.stringify({
      Modules: [
        { Key: '', Source: '', Dir: '.' },
        { Key: 'net', Source: './modules/net', Dir: 'modules/net' },
        { Key: 'net.vpc', Source: 'registry.terraform.io/acme/vpc/aws', Version: '1.2.0', Dir: '.terraform/modules/net.vpc' },
      ],
    });
    const net = ROOT.replace(/\n\nresource[\s\S]*$/, '\n');
    const installed = Object.fromEntries(
      Object.entries(WITH_MANIFEST)
        .filter(([path]) => path.startsWith('live/.terraform/modules/vpc/'))
        .map(([path, text]) => [path.replace('/modules/vpc/', '/modules/net.vpc/'), text]),
    );
    const root = 'module "net" {\n  source = "./modules/net"\n}\n';
    const { ws, analysis } = await analysed({
      'live/main.tf': root,
      'live/modules/net/main.tf': net,
      'live/.terraform/modules/modules.json': manifest,
      ...installed,
    });
    assert.ok(ws.referencedFolders().includes(`${WS}/live/.terraform/modules`));
    const inNet = diagnosticsOf(analysis, 'live/modules/net/main.tf');
    // Shown at the local module's block that calls the registry module, where the wrong subnet is written too.
    assert.deepEqual(
      inNet.map((d) => [d.ruleId, d.span.start]).filter(([id]) => id === 'sg-world-admin-port' || id === 'subnet-outside-vpc'),
      [
        ['sg-world-admin-port', offsetOf(net, '"vpc"')],
        ['subnet-outside-vpc', offsetOf(net, '"10.9.2.0/24"')],
      ],
    );
    assert.match(inNet.find((d) => d.ruleId === 'sg-world-admin-port')!.message, /\(in module\.net\.module\.vpc \("acme\/vpc\/aws"\), installed by terraform init\)$/);
  });

  test('what VPC Lens cannot evaluate in installed code is said at the module block, as information', async () => {
    const broken = {
      ...WITH_MANIFEST,
      'live/.terraform/modules/vpc/extra.tf': 'module "gone" {\n  source = "./gone"\n}\n',
    };
    const { analysis } = await analysed(broken);
    const problems = diagnosticsOf(analysis, 'live/main.tf').filter((d) => d.ruleId === 'evaluation');
    assert.deepEqual(
      problems.map((d) => [d.span.start, d.severity, d.message]),
      [[offsetOf(ROOT, '"vpc"'), 'info', 'In module.vpc ("acme/vpc/aws"), installed by terraform init: Module source "./gone" not found: no .tf files were read from that folder']],
    );
    // The related location leads to the place in the installed code.
    const extra = broken['live/.terraform/modules/vpc/extra.tf'];
    assert.deepEqual(
      problems[0]!.related?.map((r) => [r.span.file, r.span.start, r.message]),
      [[`${WS}/live/.terraform/modules/vpc/extra.tf`, offsetOf(extra, '"./gone"'), 'In the installed module']],
    );
  });

  test('a one-shot check (vpc-lens check) finds the same', async () => {
    const kept = (await analysed(WITH_MANIFEST)).analysis;
    const oneShot = (await analysed(WITH_MANIFEST, { ...DEFAULT_SETTINGS, retainUnits: false, recordTraces: false })).analysis;
    const shown = (a: Analysis) => [...a.diagnostics].flatMap(([uri, list]) => list.map((d) => `${uri}@${d.span.start} ${d.ruleId} ${d.message}`)).sort();
    assert.deepEqual(shown(oneShot), shown(kept));
    assert.equal(oneShot.resources, kept.resources);
  });

  test('without terraform init, the call is not followed, and the unknown outputs say why', async () => {
    const { analysis } = await analysed({ 'live/main.tf': ROOT });
    assert.deepEqual(diagnosticsOf(analysis, 'live/main.tf'), []);
    const table = [...analysis.model.all()].find((e) => e.kind === 'route-table');
    assert.ok(table && table.kind === 'route-table');
    assert.equal(table.vpc.known, false);
    assert.match(
      table.vpc.known ? '' : (table.vpc.why ?? ''),
      /^module\.vpc comes from "acme\/vpc\/aws", which VPC Lens reads once terraform init has installed it/,
    );
  });

  test('the root asks for its manifest folder, and the manifest for the folders it lists', async () => {
    const ws = await createWorkspace();
    ws.setFile(`${WS}/live/main.tf`, ROOT);
    assert.deepEqual(ws.referencedFolders(), [`${WS}/live/.terraform/modules`]);
    ws.setFile(MANIFEST_URI, MANIFEST);
    assert.deepEqual(ws.referencedFolders(), [
      `${WS}/live/.terraform/modules`,
      `${WS}/live/.terraform/modules/vpc`,
      `${WS}/live/.terraform/modules/vpc/modules/sg`,
    ]);
  });

  test('a manifest entry whose folder was not read is reported on the source', async () => {
    const { analysis } = await analysed({ 'live/main.tf': ROOT, 'live/.terraform/modules/modules.json': MANIFEST });
    const problems = diagnosticsOf(analysis, 'live/main.tf').filter((d) => d.ruleId === 'evaluation');
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0]!.span.start, offsetOf(ROOT, '"acme/vpc/aws"'));
    assert.equal(problems[0]!.message, 'Module "vpc" was installed by terraform init, but no .tf files were read from its folder (.terraform/modules/vpc): run terraform init again');
  });
});
