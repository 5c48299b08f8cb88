import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { attrName, protocolOf } from './support';

const SECURE = new Set(['HTTPS', 'TLS']);

/**
 * `lb-https-certificate`: an HTTPS or TLS listener has no certificate. AWS requires exactly one default
 * certificate for a secure listener and rejects the listener without it. Only an absent certificate counts:
 * one that is written but unknown (a variable, an import) is trusted. Reported on the protocol value.
 */
export const lbHttpsCertificate = defineRule('lb-https-certificate', function* (ctx): Iterable<Finding> {
  for (const listener of ctx.model.ofKind('listener')) {
    const protocol = protocolOf(listener);
    if (!protocol || !SECURE.has(protocol) || listener.certificate !== undefined || !listener.protocol?.known) continue;
    yield {
      ruleId: 'lb-https-certificate',
      message:
        `${protocol} listener ${listener.address} has no certificate ` +
        `(${attrName(listener, 'certificate_arn', 'Certificates')}); AWS requires a default server certificate for ${protocol} listeners`,
      span: listener.protocol.span,
    };
  }
});
