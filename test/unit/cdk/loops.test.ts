// CDK apps make subnets, routes and rules in loops: `for`, `for...of`, `for...in`, `while`, `do...while`, `forEach` / `map` /
// `filter` with arrow functions, over arrays, `.entries()` and `Object.entries(...)`. Each iteration's
// constructs are in the model; a loop over a value VPC Lens does not know is not run, and no loop hangs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Subnet } from '../../../server/src/core/model/types';
import { analyse, stack, valueOf } from './helpers';

/** `address cidr az` of the subnets whose block is known. */
function subnets(r: Awaited<ReturnType<typeof analyse>>): string[] {
  return r.ofKind('subnet').filter((s: Subnet) => s.cidr?.known).map((s: Subnet) => `${s.address} ${valueOf(s.cidr)} ${valueOf(s.availabilityZone)}`);
}

const VPC = `    const vpc = new ec2.CfnVPC(this, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    const azs = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];\n`;

describe('CDK loops', () => {
  test('for, for...of over entries(), and forEach make one subnet per iteration', async () => {
    const r = await analyse({
      'stack.ts': stack(`${VPC}
    for (let i = 0; i < azs.length; i++) {
      new ec2.CfnSubnet(this, \`Private\${i}\`, { vpcId: vpc.ref, cidrBlock: \`10.0.\${i}.0/24\`, availabilityZone: azs[i] });
    }
    for (const [i, az] of azs.entries()) new ec2.CfnSubnet(this, \`Data\${i}\`, { vpcId: vpc.ref, cidrBlock: \`10.0.\${10 + i}.0/24\`, availabilityZone: az });
    azs.forEach((az, i) => {
      new ec2.CfnSubnet(this, 'Public' + i, { vpcId: vpc.ref, cidrBlock: \`10.0.\${20 + i}.0/24\`, availabilityZone: az });
    });`),
    });
    assert.deepEqual(subnets(r), [
      'S/Private0 10.0.0.0/24 eu-west-1a', 'S/Private1 10.0.1.0/24 eu-west-1b', 'S/Private2 10.0.2.0/24 eu-west-1c',
      'S/Data0 10.0.10.0/24 eu-west-1a', 'S/Data1 10.0.11.0/24 eu-west-1b', 'S/Data2 10.0.12.0/24 eu-west-1c',
      'S/Public0 10.0.20.0/24 eu-west-1a', 'S/Public1 10.0.21.0/24 eu-west-1b', 'S/Public2 10.0.22.0/24 eu-west-1c',
    ]);
  });

  test('a config map: Object.entries with a destructured arrow parameter, for...in, map and filter', async () => {
    const r = await analyse({
      'stack.ts': stack(`${VPC}
    const tiers: Record<string, string> = { app: '10.0.1.0/24', db: '10.0.2.0/24', cache: '10.0.3.0/24' };
    Object.entries(tiers).forEach(([name, cidr]) => new ec2.CfnSubnet(this, name, { vpcId: vpc.ref, cidrBlock: cidr, availabilityZone: azs[0] }));
    for (const name in tiers) {
      if (name === 'db') continue;
      new ec2.CfnSubnet(this, \`\${name}-b\`, { vpcId: vpc.ref, cidrBlock: tiers[name].replace('.0/24', '.128/25'), availabilityZone: azs[1] });
    }
    const edge = azs.filter((az) => az !== 'eu-west-1b').map((az, i) => new ec2.CfnSubnet(this, \`Edge\${i}\`, { vpcId: vpc.ref, cidrBlock: \`10.0.\${30 + i}.0/24\`, availabilityZone: az }));
    new ec2.CfnRouteTable(this, 'Rt', { vpcId: vpc.ref });
    for (const s of edge) {
      new ec2.CfnSubnetRouteTableAssociation(this, \`Assoc\${s.node.id}\`, { subnetId: s.ref, routeTableId: 'rtb-1' });
      break;
    }`),
    });
    const names = subnets(r);
    assert.deepEqual(names.slice(0, 3), ['S/app 10.0.1.0/24 eu-west-1a', 'S/db 10.0.2.0/24 eu-west-1a', 'S/cache 10.0.3.0/24 eu-west-1a']);
    // for...in skips db (continue); the blocks come from a string replace().
    assert.deepEqual(r.ofKind('subnet').filter((s) => s.address.endsWith('-b')).map((s) => `${s.address} ${valueOf(s.cidr)}`), ['S/app-b 10.0.1.128/25', 'S/cache-b 10.0.3.128/25']);
    assert.deepEqual(names.slice(-2), ['S/Edge0 10.0.30.0/24 eu-west-1a', 'S/Edge1 10.0.31.0/24 eu-west-1c']);
    // break after the first association; its id reads `node.id`, which is not known: one association all the same.
    assert.equal(r.ofKind('route-table-association').length, 1);
  });

  test('for loops of every shape: an assignment or two declarations as init, sequences as update, no test, no update', async () => {
    const r = await analyse({
      'stack.ts': stack(`${VPC}
    let i;
    for (i = 0; i < 2; i++) new ec2.CfnSubnet(this, 'A' + i, { vpcId: vpc.ref, cidrBlock: \`10.0.\${i}.0/24\`, availabilityZone: azs[i] });
    for (let j = 0, k = 10; j < 2; j += 1, k++) new ec2.CfnSubnet(this, 'B' + j, { vpcId: vpc.ref, cidrBlock: \`10.0.\${k}.0/24\`, availabilityZone: azs[j] });
    for (;;) { new ec2.CfnSubnet(this, 'C', { vpcId: vpc.ref, cidrBlock: '10.0.20.0/24', availabilityZone: azs[0] }); break; }
    let n = 2;
    for (; n > 0; ) { n--; new ec2.CfnSubnet(this, 'D' + n, { vpcId: vpc.ref, cidrBlock: \`10.0.\${30 + n}.0/24\`, availabilityZone: azs[n] }); }
    for (const { cidr, name } of [{ cidr: '10.0.40.0/24', name: 'E' }]) new ec2.CfnSubnet(this, name, { vpcId: vpc.ref, cidrBlock: cidr, availabilityZone: azs[2] });
    // An update VPC Lens cannot evaluate ends the loop after its first iteration, instead of repeating it.
    for (let q = 0; q < 3; q = nextOf(q)) new ec2.CfnSubnet(this, 'G' + q, { vpcId: vpc.ref, cidrBlock: '10.0.60.0/24', availabilityZone: azs[0] });`),
    });
    assert.deepEqual(subnets(r), [
      'S/A0 10.0.0.0/24 eu-west-1a', 'S/A1 10.0.1.0/24 eu-west-1b', 'S/B0 10.0.10.0/24 eu-west-1a', 'S/B1 10.0.11.0/24 eu-west-1b',
      'S/C 10.0.20.0/24 eu-west-1a', 'S/D1 10.0.31.0/24 eu-west-1b', 'S/D0 10.0.30.0/24 eu-west-1a', 'S/E 10.0.40.0/24 eu-west-1c',
      'S/G0 10.0.60.0/24 eu-west-1a',
    ]);
  });

  test('while and do...while loops, a labelled loop, and a while over a value not known here', async () => {
    const r = await analyse({
      'stack.ts': stack(`${VPC}
    let i = 0;
    while (i < 2) {
      new ec2.CfnSubnet(this, \`W\${i}\`, { vpcId: vpc.ref, cidrBlock: \`10.0.\${i}.0/24\`, availabilityZone: azs[i] });
      i++;
    }
    let k = 5;
    do new ec2.CfnSubnet(this, 'D' + k, { vpcId: vpc.ref, cidrBlock: \`10.0.\${10 + k}.0/24\`, availabilityZone: azs[0] }); while (k++ < 6);
    do { new ec2.CfnSubnet(this, 'Once', { vpcId: vpc.ref, cidrBlock: '10.0.20.0/24', availabilityZone: azs[1] }); } while (false);
    outer: for (const az of azs) {
      new ec2.CfnSubnet(this, \`L-\${az}\`, { vpcId: vpc.ref, cidrBlock: '10.0.30.0/24', availabilityZone: az });
      break outer;
    }
    while (props.more) new ec2.CfnSubnet(this, 'Never', { vpcId: vpc.ref, cidrBlock: '10.0.40.0/24', availabilityZone: azs[0] });
    while (true) { i++; }`),
    });
    assert.deepEqual(subnets(r), [
      'S/W0 10.0.0.0/24 eu-west-1a', 'S/W1 10.0.1.0/24 eu-west-1b', 'S/D5 10.0.15.0/24 eu-west-1a', 'S/D6 10.0.16.0/24 eu-west-1a',
      'S/Once 10.0.20.0/24 eu-west-1b', 'S/L-eu-west-1a 10.0.30.0/24 eu-west-1a',
    ]);
  });

  test('subnets collected with push in one loop are associated in another', async () => {
    const r = await analyse({
      'stack.ts': stack(`${VPC}
    const rt = new ec2.CfnRouteTable(this, 'Rt', { vpcId: vpc.ref });
    const made: ec2.CfnSubnet[] = [];
    for (const [i, az] of azs.entries()) made.push(new ec2.CfnSubnet(this, \`App\${i}\`, { vpcId: vpc.ref, cidrBlock: \`10.0.\${i}.0/24\`, availabilityZone: az }));
    made.concat([]).forEach((s, i) => new ec2.CfnSubnetRouteTableAssociation(this, \`Assoc\${i}\`, { subnetId: s.ref, routeTableId: rt.ref }));`),
    });
    assert.equal(r.ofKind('subnet').length, 3);
    const tables = r.ofKind('subnet').map((s) => r.analysis.facts.routeTableOf(s));
    assert.deepEqual(tables.map((t) => `${t.how} ${t.how === 'explicit' ? t.table.address : ''}`), ['explicit S/Rt', 'explicit S/Rt', 'explicit S/Rt']);
  });

  test("an L2 Vpc's subnets, iterated while the app runs: peering routes per private route table, NACL associations", async () => {
    const r = await analyse({
      'stack.ts': stack(`    const a = new ec2.Vpc(this, 'A', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), maxAzs: 2 });
    const b = new ec2.Vpc(this, 'B', { ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'), maxAzs: 2 });
    const pcx = new ec2.CfnVPCPeeringConnection(this, 'Pcx', { vpcId: a.vpcId, peerVpcId: b.vpcId });
    a.privateSubnets.forEach((subnet, i) => {
      new ec2.CfnRoute(this, \`AtoB\${i}\`, { routeTableId: subnet.routeTable.routeTableId, destinationCidrBlock: '10.1.0.0/16', vpcPeeringConnectionId: pcx.ref });
    });
    for (const [i, subnet] of b.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnets.entries()) {
      new ec2.CfnRoute(this, \`BtoC\${i}\`, { routeTableId: subnet.routeTable.routeTableId, destinationCidrBlock: '10.2.0.0/16', vpcPeeringConnectionId: pcx.ref });
    }
    const acl = new ec2.CfnNetworkAcl(this, 'Acl', { vpcId: a.vpcId });
    for (let i = 0; i < a.publicSubnets.length; i++) new ec2.CfnSubnetNetworkAclAssociation(this, \`Assoc\${i}\`, { subnetId: a.publicSubnets[i].subnetId, networkAclId: acl.ref });
    new ec2.CfnSubnet(this, 'Extra', { vpcId: a.vpcId, cidrBlock: a.publicSubnets[0].ipv4CidrBlock, availabilityZone: a.publicSubnets[0].availabilityZone });`),
    });
    // aws-cdk-lib names them P/A/PrivateSubnet1/RouteTable ...: the routes land in those tables.
    const routesTo = (dest: string) =>
      r.ofKind('route').filter((x) => x.destination?.known && x.destination.value === dest).map((x) => valueOf(x.routeTable).replace(/^.*::/, '')).sort();
    assert.deepEqual(routesTo('10.1.0.0/16'), ['S/A/PrivateSubnet1/RouteTable', 'S/A/PrivateSubnet2/RouteTable']);
    assert.deepEqual(routesTo('10.2.0.0/16'), ['S/B/PrivateSubnet1/RouteTable', 'S/B/PrivateSubnet2/RouteTable']);
    // B's routes to 10.2.0.0/16 through the peering go nowhere: the peer (A) does not hold them. The two
    // iterations' findings say the same at the same place: reported once.
    assert.deepEqual(r.findings('stack.ts').filter((f) => f.startsWith('peering-')).map((f) => f.replace(/@[^@]*@/, '@')), ['peering-transitive-route@14']);
    const acl = r.byPath('S/Acl');
    assert.deepEqual(r.ofKind('nacl').filter((n) => n.id === acl.id).flatMap((n) => n.subnets.map(valueOf)).map((id) => id.replace(/^.*::/, '')), ['S/A/PublicSubnet1', 'S/A/PublicSubnet2']);
    // A subnet's planned block and AZ are known while the app runs: the extra subnet overlaps PublicSubnet1.
    assert.ok(r.findings('stack.ts').includes('subnet-overlap@a.publicSubnets[0].ipv4CidrBlock@18'), r.findings('stack.ts').join(', '));
  });

  test('NACLs associated per planned subnet (SubnetNetworkAclAssociation, associateWithSubnet), ids from subnet.node.id', async () => {
    const r = await analyse({
      'stack.ts': stack(`    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    const privateAcl = new ec2.NetworkAcl(this, 'PrivateAcl', { vpc });
    vpc.privateSubnets.forEach((subnet) => {
      new ec2.SubnetNetworkAclAssociation(this, \`Assoc-\${subnet.node.id}\`, { networkAcl: privateAcl, subnet });
    });
    const publicAcl = new ec2.NetworkAcl(this, 'PublicAcl', { vpc });
    publicAcl.associateWithSubnet('Public', { subnetType: ec2.SubnetType.PUBLIC });`),
    });
    const subnetsOf = (path: string) => r.ofKind('nacl').filter((n) => n.id === r.byPath(path).id).flatMap((n) => n.subnets.map((f) => valueOf(f).replace(/^.*::/, '')));
    assert.deepEqual(subnetsOf('S/PrivateAcl'), ['S/Vpc/PrivateSubnet1', 'S/Vpc/PrivateSubnet2']);
    assert.deepEqual(subnetsOf('S/PublicAcl'), ['S/Vpc/PublicSubnet1', 'S/Vpc/PublicSubnet2']);
    assert.ok(r.byPath('S/Assoc-PrivateSubnet1'), 'named by the subnet construct id');
  });

  test("nested loops stop after 5,000 iterations in all, with a warning where they stopped", async () => {
    const r = await analyse({
      'stack.ts': stack(`${VPC}
    for (let i = 0; i < 100; i++) {
      for (let j = 0; j < 100; j++) new ec2.CfnSubnet(this, \`S\${i}x\${j}\`, { vpcId: vpc.ref, cidrBlock: props.cidr });
    }`),
    });
    // Each outer iteration counts too: 50 outer and 4,950 inner iterations fit the budget.
    assert.equal(r.ofKind('subnet').length, 4950);
    const warnings = r.diagnostics('stack.ts').filter((d) => d.ruleId === 'evaluation');
    assert.deepEqual(warnings.map((d) => `${d.severity} ${d.message}`), [
      "warning this app's loops run more than 5,000 times in all: VPC Lens stopped here, and what later iterations make is not analysed",
    ]);
    assert.match(r.textAt(warnings[0]!.span), /^for \(let j = 0/);
  });

  test('findings inside a loop are reported per iteration on the expression, and its hover lists every value', async () => {
    const r = await analyse({
      'stack.ts': stack(`${VPC}
    for (let i = 0; i < 2; i++) new ec2.CfnSubnet(this, \`S\${i}\`, { vpcId: vpc.ref, cidrBlock: \`10.1.\${i}.0/24\`, availabilityZone: azs[i] });`),
    });
    assert.deepEqual(r.findings('stack.ts').filter((f) => f.startsWith('subnet-outside-vpc')), [
      'subnet-outside-vpc@`10.1.${i}.0/24`@10',
      'subnet-outside-vpc@`10.1.${i}.0/24`@10',
    ]);
    const hover = r.hover('stack.ts', '`10.1.');
    assert.match(hover!, /10\.1\.0\.0\/24/);
    assert.match(hover!, /10\.1\.1\.0\/24/);
  });

  test('a loop over a value not known here is not run; runaway loops and stray jumps end without a hang or a crash', async () => {
    const r = await analyse({
      'stack.ts': stack(`${VPC}
    for (const az of props.azs) new ec2.CfnSubnet(this, az, { vpcId: vpc.ref, cidrBlock: '10.0.9.0/24' });
    unknownList.forEach((az) => new ec2.CfnSubnet(this, az, { vpcId: vpc.ref, cidrBlock: '10.0.8.0/24' }));
    let n = 0;
    for (;;) { n++; }
    for (let i = 0; i < 1e9; i++) { n += i; }
    for (let i = 0; i < 5000; i++) new ec2.CfnSubnet(this, \`Many\${i}\`, { vpcId: vpc.ref, cidrBlock: props.cidr, availabilityZone: azs[0] });
    break;
    new ec2.CfnSubnet(this, 'After', { vpcId: vpc.ref, cidrBlock: '10.0.6.0/24', availabilityZone: azs[0] });`),
    });
    const made = r.ofKind('subnet').map((s) => s.address);
    assert.ok(!r.ofKind('subnet').some((s) => s.cidr?.known), 'no subnet of an unknown loop');
    // A loop stops after 1000 iterations; the stray break ends the constructor, as a return would.
    assert.equal(made.filter((a) => a.startsWith('S/Many')).length, 1000);
    assert.ok(!made.includes('S/After'));
  });
});
