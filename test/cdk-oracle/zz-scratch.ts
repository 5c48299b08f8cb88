import { createRequire } from 'node:module';
const req = createRequire(__filename);
const cdk = req('aws-cdk-lib');
const ec2 = req('aws-cdk-lib/aws-ec2');
const before = new Set(Object.keys(req.cache));
const t1 = Date.now();
const app = new cdk.App({ outdir: `/tmp/cdktry/outx` });
const s = new cdk.Stack(app, 'S');
new ec2.Vpc(s, 'Vpc', { maxAzs: 3 });
const mid = new Set(Object.keys(req.cache));
console.log('vpc', Date.now() - t1, mid.size - before.size);
app.synth();
const after = Object.keys(req.cache).filter((k) => !mid.has(k));
console.log('synth', Date.now() - t1, after.length);
const byPkg: Record<string, number> = {};
for (const k of after) { const m = k.replace(/.*node_modules\//, '').split('/').slice(0, 2).join('/'); byPkg[m] = (byPkg[m] ?? 0) + 1; }
console.log(byPkg);
