// allocateCdkVpc: CDK's error messages and the facts the oracle cannot observe in a template.
// (Messages below were taken from aws-cdk-lib 2.276 by constructing the same Vpc.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateCdkVpc, type CdkVpcLayout, type CdkVpcProps } from '../../../server/src/core/frontends/cdk/vpcLayout';

const US_EAST_1 = { region: 'us-east-1', stackAvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'] };

function layoutOf(props: CdkVpcProps): Extract<CdkVpcLayout, { ok: true }> {
  const layout = allocateCdkVpc(props);
  assert.ok(layout.ok, `expected a layout, got: ${layout.ok ? '' : layout.message}`);
  return layout;
}

function errorOf(props: CdkVpcProps): string {
  const layout = allocateCdkVpc(props);
  assert.ok(!layout.ok, `expected CDK to refuse ${JSON.stringify(props)}`);
  return layout.message;
}

const MASK_MESSAGE = (mask: string) =>
  `x.x.x.x/${mask} is not a valid VPC CIDR range. VPCs must be between /16 and /28 and the minimum subnet size is /28.`;

describe('allocateCdkVpc: where CDK throws, its message', () => {
  test('a prefix too small for the requested masks', () => {
    assert.equal(
      errorOf({ cidr: '10.0.0.0/24', subnetConfiguration: [{ name: 'Public', subnetType: 'PUBLIC', cidrMask: 24 }] }),
      '1 of /24 exceeds remaining space of 10.0.0.0/24',
    );
  });

  test('a prefix too small for the even split of the rest (/26 over 3 AZs x 2 groups gives /29)', () => {
    assert.equal(errorOf({ cidr: '10.0.0.0/26', ...US_EAST_1 }), MASK_MESSAGE('29'));
  });

  test('no room at all left for unsized groups', () => {
    assert.equal(
      errorOf({
        cidr: '10.0.0.0/24',
        subnetConfiguration: [
          { name: 'A', subnetType: 'PUBLIC', cidrMask: 25 },
          { name: 'B', subnetType: 'PRIVATE_WITH_EGRESS' },
        ],
      }),
      MASK_MESSAGE('Infinity'),
    );
  });

  test('cidrMask outside /16../28', () => {
    assert.equal(errorOf({ subnetConfiguration: [{ name: 'P', subnetType: 'PUBLIC', cidrMask: 29 }] }), MASK_MESSAGE('29'));
    assert.equal(errorOf({ subnetConfiguration: [{ name: 'P', subnetType: 'PUBLIC', cidrMask: 15 }] }), MASK_MESSAGE('15'));
  });

  test('a fractional cidrMask is refused (CDK itself would write a malformed block)', () => {
    assert.match(errorOf({ subnetConfiguration: [{ name: 'P', subnetType: 'PUBLIC', cidrMask: 24.5 }] }), /cidrMask 24\.5 is not a whole number/);
  });

  test('maxAzs together with availabilityZones', () => {
    assert.equal(errorOf({ maxAzs: 2, availabilityZones: ['us-east-1a'] }), "Vpc supports 'availabilityZones' or 'maxAzs', but not both.");
  });

  test('availabilityZones outside the stack AZs known from context', () => {
    assert.equal(
      errorOf({ ...US_EAST_1, availabilityZones: ['us-east-1a', 'eu-west-1a'] }),
      "Given VPC 'availabilityZones' us-east-1a,eu-west-1a must be a subset of the stack's availability zones us-east-1a,us-east-1b,us-east-1c,us-east-1d",
    );
  });

  test('natGateways: 0 with PRIVATE_WITH_NAT subnets', () => {
    assert.equal(
      errorOf({ natGateways: 0, subnetConfiguration: [{ name: 'P', subnetType: 'PUBLIC' }, { name: 'N', subnetType: 'PRIVATE_WITH_NAT' }] }),
      "If you do not want NAT gateways (natGateways=0), make sure you don't configure any PRIVATE(_WITH_NAT) subnets in 'subnetConfiguration' (make them PUBLIC or ISOLATED instead)",
    );
  });

  test('NAT gateways without a public group to hold them', () => {
    assert.equal(
      errorOf({ natGateways: 1, subnetConfiguration: [{ name: 'Data', subnetType: 'PRIVATE_ISOLATED', cidrMask: 24 }] }),
      `If you configure PRIVATE subnets in 'subnetConfiguration', you must also configure PUBLIC subnets to put the NAT gateways into (got [{"name":"Data","subnetType":"Isolated","cidrMask":24}].`,
    );
  });

  test('natGatewaySubnets with both a type and a group name', () => {
    assert.equal(
      errorOf({ natGatewaySubnets: { subnetType: 'PUBLIC', subnetGroupName: 'Public' } }),
      "Only one of 'subnetType,subnetGroupName' can be supplied to subnet selection.",
    );
  });

  test('natGatewaySubnets that selects private subnets names the first one by construct path', () => {
    assert.equal(
      errorOf({ natGatewaySubnets: { subnetGroupName: 'Private' }, constructPath: 'Network/MainVpc' }),
      'natGatewayPlacement [object Object] contains non public subnet Network/MainVpc/PrivateSubnet1',
    );
  });

  test('mapPublicIpOnLaunch on an isolated group, even false', () => {
    assert.equal(
      errorOf({ subnetConfiguration: [{ name: 'Data', subnetType: 'PRIVATE_ISOLATED', mapPublicIpOnLaunch: false }] }),
      'Isolated subnet cannot include mapPublicIpOnLaunch parameter',
    );
  });

  test('malformed VPC blocks', () => {
    assert.equal(errorOf({ cidr: 'abc' }), 'abc is not valid');
    assert.equal(errorOf({ cidr: '10.0.300.0/16' }), '10.0.300.0 is not valid');
    assert.equal(errorOf({ cidr: '10.0.0.0' }), 'NaN.NaN.NaN.NaN is not a valid IP Address');
    assert.equal(errorOf({ cidr: '255.255.0.1/16' }), '256.0.0.0 is not a valid IP Address');
  });
});

describe('allocateCdkVpc: layout facts beyond the template', () => {
  test('leading zeros are read as decimal, as CDK does', () => {
    assert.equal(layoutOf({ cidr: '010.0.0.0/16' }).cidr, '10.0.0.0/16');
  });

  test('CDK sets no AZ limit: 7 explicit AZs give 14 subnets of /20 and 7 NAT gateways', () => {
    const azs = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((l) => `us-east-1${l}`);
    const layout = layoutOf({ availabilityZones: azs });
    assert.equal(layout.subnets.length, 14);
    assert.ok(layout.subnets.every((s) => s.cidr.endsWith('/20')));
    assert.equal(layout.natGateways.length, 7);
    assert.deepEqual(layout.azs, azs);
  });

  test('reserved groups and reserved AZs keep their blocks, listed in `reserved`', () => {
    const layout = layoutOf({
      reservedAzs: 1,
      subnetConfiguration: [
        { name: 'Public', subnetType: 'PUBLIC', cidrMask: 24 },
        { name: 'Later', subnetType: 'PRIVATE_ISOLATED', cidrMask: 24, reserved: true },
      ],
    });
    assert.deepEqual(layout.subnets.map((s) => `${s.logicalName} ${s.az} ${s.cidr}`), ['PublicSubnet1 az#0 10.0.0.0/24', 'PublicSubnet2 az#1 10.0.1.0/24']);
    assert.deepEqual(layout.reserved, [
      { group: 'Public', azIndex: 2, cidr: '10.0.2.0/24' },
      { group: 'Later', azIndex: 0, cidr: '10.0.3.0/24' },
      { group: 'Later', azIndex: 1, cidr: '10.0.4.0/24' },
      { group: 'Later', azIndex: 2, cidr: '10.0.5.0/24' },
    ]);
    assert.deepEqual(layout.azs, ['az#0', 'az#1']);
  });

  test('a concrete region without context: symbolic AZs, maxAzs of them (default 3)', () => {
    assert.deepEqual(layoutOf({ region: 'eu-west-1' }).azs, ['az#0', 'az#1', 'az#2']);
    assert.deepEqual(layoutOf({ region: 'eu-west-1', maxAzs: 4 }).azs, ['az#0', 'az#1', 'az#2', 'az#3']);
  });

  test('a region without an account is still agnostic when the front-end says so: 2 AZs', () => {
    assert.deepEqual(layoutOf({ region: 'eu-west-1', envAgnostic: true }).azs, ['az#0', 'az#1']);
  });

  test('an agnostic stack with the AZ fallback context uses its names', () => {
    assert.deepEqual(layoutOf({ stackAvailabilityZones: ['x-1a', 'x-1b', 'x-1c'] }).azs, ['x-1a', 'x-1b', 'x-1c']);
  });

  test('isolated-only VPC: no internet gateway, no NAT, no default routes', () => {
    const layout = layoutOf({ subnetConfiguration: [{ name: 'Data', subnetType: 'PRIVATE_ISOLATED' }] });
    assert.equal(layout.internetGateway, false);
    assert.deepEqual(layout.natGateways, []);
    assert.deepEqual(layout.privateRoutes, [{ subnetIndex: 0 }, { subnetIndex: 1 }]);
  });

  test('each private subnet routes to the NAT gateway of its AZ', () => {
    const layout = layoutOf({ ...US_EAST_1 });
    for (const route of layout.privateRoutes) {
      const nat = layout.natGateways[route.natIndex ?? -1];
      assert.equal(nat?.az, layout.subnets[route.subnetIndex]?.az);
    }
  });
});

describe('allocateCdkVpc: bad input never throws or hangs', () => {
  // [props, expected: a message pattern, or the subnet count of the layout]
  const cases: [CdkVpcProps, RegExp | number][] = [
    [{ cidr: '' }, /^ is not valid$/],
    [{ cidr: '::/0' }, /^:: is not valid$/],
    [{ cidr: '10.0.0.0/33' }, /prefix \/33 is longer than 32/],
    [{ cidr: '10.0.0.0/x' }, /^NaN\.NaN\.NaN\.NaN is not a valid IP Address$/],
    [{ maxAzs: Number.NaN }, 0],
    [{ maxAzs: -1 }, 2], // CDK's slice(0, -1) of the two agnostic AZs
    [{ maxAzs: 1e9, region: 'us-east-1' }, 128],
    [{ reservedAzs: 1e9 }, /reservedAzs 1000000000 is more than the 64 AZs VPC Lens reproduces/],
    [{ natGateways: -3 }, 4],
    [{ natGateways: Number.NaN }, 4],
    [{ subnetConfiguration: [{ name: 'X', subnetType: 'BOGUS' as never }] }, /^Unrecognized subnet type: BOGUS$/],
    [{ subnetConfiguration: [{ name: 'X', subnetType: 'PUBLIC', cidrMask: Number.NaN }] }, /x\.x\.x\.x\/NaN is not a valid VPC CIDR range/],
    [{ availabilityZones: [] }, 0],
  ];
  for (const [props, expected] of cases) {
    test(JSON.stringify(props), () => {
      const layout = allocateCdkVpc(props);
      if (typeof expected === 'number') {
        assert.ok(layout.ok, layout.ok ? '' : layout.message);
        assert.equal(layout.subnets.length, expected);
        // A NAT count CDK cannot make sense of (negative, NaN) means no NAT and no private default route.
        if (props.natGateways !== undefined) assert.ok(layout.privateRoutes.every((r) => r.natIndex === undefined));
      } else {
        assert.ok(!layout.ok);
        assert.match(layout.message, expected);
      }
    });
  }
});
