import { bool, num, ref, str, unknown, type Value } from '../../../values/value';
import { VPN_GATEWAY_PART } from '../eval/constructMembers';
import { type Construct, isAbsentV, prop } from '../eval/values';
import { partElementId, type ResourceSink } from './sink';
import { refTo, toValue } from './values';


/**
 * Whether an L2 Vpc has a VPN gateway: `vpnGateway: true`, `vpnConnections` or `vpnGatewayAsn`, an
 * `enableVpnGateway(...)` call, or a VPN connection made in it (CDK enables the gateway for it).
 */
export function hasVpnGateway(vpc: Construct, connections: readonly Construct[]): boolean {
  const p = vpc.props;
  const gateway = prop(p, 'vpnGateway');
  if (gateway?.t === 'prim' && gateway.v === false) return false;
  if (gateway?.t === 'prim' && gateway.v === true) return true;
  if (['vpnConnections', 'vpnGatewayAsn'].some((name) => !isAbsentV(prop(p, name)))) return true;
  if (vpc.calls.some((call) => call.method === 'enableVpnGateway')) return true;
  return connections.some((c) => {
    const of = prop(c.props, 'vpc');
    return of?.t === 'construct' && of.c === vpc;
  });
}

/** The Vpc's VPN gateway (`ipsec.1`, `vpnGatewayAsn` / the enabling call's `amazonSideAsn`) and its attachment. */
export function expandVpnGateway(vpc: Construct, sink: ResourceSink): void {
  const enable = vpc.calls.find((call) => call.method === 'enableVpnGateway');
  const asn = prop(vpc.props, 'vpnGatewayAsn') ?? prop(enable?.args[0], 'amazonSideAsn');
  const props = new Map<string, Value>([['Type', str('ipsec.1', vpc.idSpan)]]);
  if (asn && !isAbsentV(asn)) props.set('AmazonSideAsn', toValue(asn));
  const gateway = sink.add(vpc, 'AWS::EC2::VPNGateway', props, { part: VPN_GATEWAY_PART, nativeType: 'ec2.Vpc (VPN gateway)' });
  sink.add(vpc, 'AWS::EC2::VPCGatewayAttachment', new Map([['VpcId', refTo(vpc, 'Ref', vpc.idSpan)], ['VpnGatewayId', ref(gateway, 'Ref', vpc.idSpan)]]), {
    part: 'VPCVPNGW',
    nativeType: 'ec2.Vpc (VPN gateway attachment)',
  });
}

/**
 * `vpc.addVpnConnection(id, {...})` / `new ec2.VpnConnection(...)`: the customer gateway (`ip`, `asn` default
 * 65000) and the connection to the Vpc's VPN gateway, static routes only when `staticRoutes` is given.
 */
export function expandVpnConnection(c: Construct, sink: ResourceSink): void {
  const p = c.props;
  const asn = prop(p, 'asn');
  const ip = prop(p, 'ip');
  const customerGateway = sink.add(
    c,
    'AWS::EC2::CustomerGateway',
    new Map<string, Value>([
      ['BgpAsn', asn && !isAbsentV(asn) ? toValue(asn) : num(65000, c.idSpan)],
      ['IpAddress', ip && !isAbsentV(ip) ? toValue(ip) : unknown('ip is not set', c.idSpan)],
      ['Type', str('ipsec.1', c.idSpan)],
    ]),
    { part: 'CustomerGateway', nativeType: 'ec2.VpnConnection (customer gateway)' },
  );
  const vpc = prop(p, 'vpc');
  const staticRoutes = prop(p, 'staticRoutes');
  sink.add(
    c,
    'AWS::EC2::VPNConnection',
    new Map<string, Value>([
      ['Type', str('ipsec.1', c.idSpan)],
      ['CustomerGatewayId', ref(customerGateway, 'Ref', c.idSpan)],
      ['VpnGatewayId', vpc?.t === 'construct' && vpc.c.type === 'ec2.Vpc' ? ref(partElementId(vpc.c, VPN_GATEWAY_PART), 'Ref', c.idSpan) : unknown('the VPN gateway is not known here', c.idSpan)],
      ['StaticRoutesOnly', bool(staticRoutes !== undefined && !isAbsentV(staticRoutes), c.idSpan)],
    ]),
  );
}
