import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { isGateway } from './support';

/**
 * `endpoint-gateway-no-route-table`: a Gateway endpoint works only through the routes AWS adds to its route
 * tables; with none (not inline, not by association resource) nothing reaches it. A list that could not be
 * resolved counts as "maybe some": silent.
 */
export const endpointGatewayNoRouteTable = defineRule('endpoint-gateway-no-route-table', function* (ctx): Iterable<Finding> {
  for (const endpoint of ctx.model.ofKind('endpoint')) {
    if (!isGateway(endpoint) || endpoint.routeTables.length > 0) continue;
    yield {
      ruleId: 'endpoint-gateway-no-route-table',
      message: `Gateway endpoint ${endpoint.address} is associated with no route table: no traffic reaches it`,
      span: endpoint.nameSpan,
    };
  }
});
