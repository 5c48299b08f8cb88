import { sameSpan } from '../../text/span';
import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { isGateway } from './support';

/**
 * Gateway endpoint services: S3, DynamoDB and S3 Express One Zone (`s3express`), named
 * `com.amazonaws.<region>.<service>` (`cn.com.amazonaws.` in the China regions).
 */
const GATEWAY_SERVICE = /^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\.(?:s3|dynamodb|s3express)$/;

/**
 * `endpoint-gateway-service`: a Gateway endpoint (also by default: Terraform and CloudFormation create a
 * Gateway endpoint when no type is given) names another service. A service name that is not known as a whole
 * (`com.amazonaws.${var.region}.s3` with an unknown region) never fires.
 */
export const endpointGatewayService = defineRule('endpoint-gateway-service', function* (ctx): Iterable<Finding> {
  for (const endpoint of ctx.model.ofKind('endpoint')) {
    if (!isGateway(endpoint) || !endpoint.serviceName.known) continue;
    const name = endpoint.serviceName.value.trim();
    if (GATEWAY_SERVICE.test(name)) continue;
    yield {
      ruleId: 'endpoint-gateway-service',
      message: `Gateway endpoint ${endpoint.address} names ${name}: gateway endpoints exist only for S3 and DynamoDB; other services need an Interface endpoint`,
      span: endpoint.serviceName.span,
      ...(endpoint.endpointType.known && !sameSpan(endpoint.endpointType.span, endpoint.nameSpan)
        ? { related: [{ span: endpoint.endpointType.span, message: 'Endpoint type Gateway' }] }
        : {}),
    };
  }
});
