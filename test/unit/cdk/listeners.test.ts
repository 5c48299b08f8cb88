import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Listener } from '../../../server/src/core/model/types';
import { analyse, HEADER, stack, valueOf } from './helpers';

const ELB_HEADER = `${HEADER}import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\n`;

/** A stack with a VPC and an internet-facing ALB `alb` (or an NLB `nlb`), then `body`. */
function lbStack(body: string, internetFacing = true): string {
  return stack(
    `    const vpc = new ec2.Vpc(this, 'Vpc');
    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc, internetFacing: ${internetFacing} });
    const nlb = new elbv2.NetworkLoadBalancer(this, 'Nlb', { vpc, internetFacing: ${internetFacing} });
${body}`,
    ELB_HEADER,
  );
}

async function lbFindings(body: string, internetFacing = true): Promise<string[]> {
  const r = await analyse({ 'stack.ts': lbStack(body, internetFacing) });
  return r.findings('stack.ts').filter((f) => f.startsWith('lb-https-certificate') || f.startsWith('lb-http-listener'));
}

describe('CDK listeners', () => {
  test('alb.addListener is a listener of that load balancer; the protocol follows from the port', async () => {
    const r = await analyse({ 'stack.ts': lbStack(`    alb.addListener('Web', { port: 443, certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:acm:eu-west-1:1:certificate/x')], defaultAction: elbv2.ListenerAction.fixedResponse(200) });`) });
    const listener = r.byPath('S/Alb/Web') as Listener;
    assert.equal(listener.kind, 'listener');
    assert.equal(listener.format, 'cdk');
    assert.equal(valueOf(listener.loadBalancer), r.byPath('S/Alb').id);
    assert.equal(valueOf(listener.protocol), 'HTTPS');
    assert.equal(valueOf(listener.port), 443);
    assert.equal(valueOf(listener.certificate), 'arn:aws:acm:eu-west-1:1:certificate/x');
    assert.equal(valueOf(listener.defaultActions[0]?.type), 'fixed-response');
  });

  test('an HTTPS listener without certificates: lb-https-certificate on what makes it HTTPS', async () => {
    assert.deepEqual(await lbFindings(`    alb.addListener('Web', { port: 443, defaultAction: elbv2.ListenerAction.fixedResponse(200) });`), ['lb-https-certificate@443@11']);
    assert.deepEqual(
      await lbFindings(`    new elbv2.ApplicationListener(this, 'Web', { loadBalancer: alb, protocol: elbv2.ApplicationProtocol.HTTPS, defaultAction: elbv2.ListenerAction.fixedResponse(200) });`),
      ['lb-https-certificate@elbv2.ApplicationProtocol.HTTPS@11'],
    );
  });

  test('certificates given in props, by addCertificates, or not known here keep it silent', async () => {
    assert.deepEqual(await lbFindings(`    const l = alb.addListener('Web', { port: 443, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
    l.addCertificates('More', [elbv2.ListenerCertificate.fromArn('arn:aws:acm:eu-west-1:1:certificate/x')]);`), []);
    assert.deepEqual(await lbFindings(`    alb.addListener('Web', { port: 443, certificates: [props.cert], defaultAction: elbv2.ListenerAction.fixedResponse(200) });`), []);
    assert.deepEqual(await lbFindings(`    alb.addListener('Web', { port: 443, certificates: certs, defaultAction: elbv2.ListenerAction.fixedResponse(200) });`), []);
  });

  test('plain HTTP on an internet-facing ALB: lb-http-listener on the port that makes it HTTP', async () => {
    assert.deepEqual(await lbFindings(`    alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) });`), ['lb-http-listener@80@11']);
    // Internal load balancers are not on the internet.
    assert.deepEqual(await lbFindings(`    alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) });`, false), []);
  });

  test('a redirect to HTTPS, addRedirect, or an HTTPS listener beside it keeps HTTP silent', async () => {
    assert.deepEqual(await lbFindings(`    alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443' }) });`), []);
    assert.deepEqual(await lbFindings(`    alb.addRedirect();`), []);
    assert.deepEqual(
      await lbFindings(`    alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
    alb.addListener('Https', { port: 443, certificates: [cert], defaultAction: elbv2.ListenerAction.fixedResponse(200) });`),
      [],
    );
    // A redirect that keeps the protocol is still plain HTTP.
    assert.deepEqual(await lbFindings(`    alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.redirect({ host: 'example.com' }) });`), ['lb-http-listener@80@11']);
  });

  test('alb.addRedirect makes the listener CDK makes: Redirect80To443, HTTP redirecting to HTTPS', async () => {
    const r = await analyse({ 'stack.ts': lbStack(`    alb.addRedirect();`) });
    const listener = r.byPath('S/Alb/Redirect80To443') as Listener;
    assert.equal(valueOf(listener.protocol), 'HTTP');
    assert.equal(valueOf(listener.port), 80);
    assert.equal(valueOf(listener.defaultActions[0]?.type), 'redirect');
    assert.equal(valueOf(listener.defaultActions[0]?.redirectProtocol), 'HTTPS');
  });

  test('default actions from addTargets / addAction without conditions; actions with conditions are not defaults', async () => {
    assert.deepEqual(await lbFindings(`    const l = alb.addListener('Http', { port: 80 });
    l.addAction('Default', { action: elbv2.ListenerAction.redirect({ protocol: 'HTTPS' }) });`), []);
    assert.deepEqual(await lbFindings(`    const l = alb.addListener('Http', { port: 80 });
    l.addTargets('App', { port: 8080, targets: [] });`), ['lb-http-listener@80@11']);
    assert.deepEqual(await lbFindings(`    const l = alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
    l.addAction('Secure', { priority: 10, conditions: [], action: elbv2.ListenerAction.redirect({ protocol: 'HTTPS' }) });`), ['lb-http-listener@80@11']);
  });

  test('NLB listeners: TCP by default, TLS with certificates, TLS without certificates is reported', async () => {
    const r = await analyse({ 'stack.ts': lbStack(`    nlb.addListener('Tcp', { port: 5432 });
    nlb.addListener('Tls', { port: 443, certificates: [cert] });`) });
    assert.equal(valueOf((r.byPath('S/Nlb/Tcp') as Listener).protocol), 'TCP');
    assert.equal(valueOf((r.byPath('S/Nlb/Tls') as Listener).protocol), 'TLS');
    assert.deepEqual(await lbFindings(`    nlb.addListener('Tls', { port: 443, protocol: elbv2.Protocol.TLS });`), ['lb-https-certificate@elbv2.Protocol.TLS@11']);
  });
});
