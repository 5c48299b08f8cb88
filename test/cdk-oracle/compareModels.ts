// What VPC Lens reads from a CDK app's source against what it reads from the templates aws-cdk-lib synthesizes
// from that source (through the CloudFormation front-end): the same network, element by element. Test-only.
import { DEFAULT_SETTINGS } from '../../server/src/core/config/settings';
import type { Field } from '../../server/src/core/model/field';
import type { NetworkElement, SecurityGroupRule } from '../../server/src/core/model/types';
import { createWorkspace } from '../../server/src/host/createWorkspace';
import { analyse } from '../unit/cdk/helpers';
import { synthSource } from './synthSource';

export interface ModelComparison {
  /** Lines only the synthesized templates' model has. */
  readonly onlySynthesized: string[];
  /** Lines only the source's model has. */
  readonly onlySource: string[];
  /** Rule ids of the findings, sorted, per side (messages name elements differently: logical ids vs paths). */
  readonly synthesizedFindings: string[];
  readonly sourceFindings: string[];
}

/**
 * Synthesizes `files` (entry `entry`, see synthSource) and compares the two models. An element is named by its
 * construct path (the template's `aws:cdk:path` without CDK's `/Resource` or `/Subnet` leaf), and described by
 * the fields the rules read. Security group rules are compared per group, by what they allow: CDK writes
 * some inline in the group and names the others after their peer. Elements whose construct path CDK makes
 * up (associations, flow logs, implicit rules) are compared by what they link, not by name.
 */
export async function compareModels(files: Readonly<Record<string, string>>, entry: string): Promise<ModelComparison> {
  const ws = await createWorkspace();
  for (const [name, template] of synthSource(files, entry)) ws.setFile(`file:///synth/cdk.out/${name}.template.json`, JSON.stringify(template, null, 1));
  const synthesized = ws.analyze(DEFAULT_SETTINGS);
  const source = await analyse(files);
  const synthesizedLines = describeModel([...synthesized.model.all()], (e) => leafless(e.cdkPath ?? `?${e.address}`));
  const sourceLines = describeModel(source.elements(), (e) => e.address);
  const findings = (diagnostics: ReadonlyMap<string, readonly { ruleId: string }[]>) =>
    [...diagnostics.values()].flat().map((d) => d.ruleId).filter((id) => id !== 'evaluation').sort();
  return {
    onlySynthesized: synthesizedLines.filter((l) => !sourceLines.includes(l)),
    onlySource: sourceLines.filter((l) => !synthesizedLines.includes(l)),
    synthesizedFindings: findings(synthesized.diagnostics),
    sourceFindings: findings(source.analysis.diagnostics),
  };
}

/**
 * CDK's stand-in for "no egress" on a group with `allowAllOutbound: false` and no egress rule: ICMP 252-86 to
 * 255.255.255.255/32, which matches nothing. A group without egress rules allows none either.
 */
function isNoEgressMarker(e: SecurityGroupRule): boolean {
  const peer = e.peers[0];
  return e.direction === 'egress' && show(e.fromPort) === '252' && show(e.toPort) === '86' && peer?.kind === 'cidr' && show(peer.cidr) === '255.255.255.255/32';
}

function leafless(path: string): string {
  return path.replace(/\/(Resource|Subnet)$/, '');
}

const show = (f: Field<unknown> | undefined): string => (f === undefined ? '-' : f.known ? String(f.value) : '?');

function describeModel(elements: readonly NetworkElement[], nameOf: (e: NetworkElement) => string): string[] {
  const names = new Map(elements.map((e) => [e.id, nameOf(e)]));
  const named = (f: Field<string> | undefined) => (f === undefined ? '-' : f.known ? (names.get(f.value) ?? `?${f.value}`) : '?');
  const lines: string[] = [];
  for (const e of elements) {
    switch (e.kind) {
      case 'vpc':
        lines.push(`vpc ${nameOf(e)} ${e.cidrBlocks.map((b) => show(b.cidr)).join(',')} dns-hostnames=${show(e.enableDnsHostnames)}`);
        break;
      case 'subnet':
        lines.push(`subnet ${nameOf(e)} ${show(e.cidr)} ${show(e.availabilityZone)} map-public-ip=${show(e.mapPublicIpOnLaunch)} in ${named(e.vpc)}`);
        break;
      case 'route':
        lines.push(`route ${nameOf(e)} in ${named(e.routeTable)} ${show(e.destination)} -> ${e.target ? `${e.target.kind} ${named(e.target.ref)}` : '-'}`);
        break;
      case 'sg-rule':
        if (isNoEgressMarker(e)) break;
        lines.push(
          `rule of ${named(e.group)}: ${e.direction} ${show(e.protocol)} ${show(e.fromPort)}-${show(e.toPort)} ` +
            e.peers.map((p) => (p.kind === 'cidr' ? show(p.cidr) : p.kind === 'sg' ? `group ${named(p.group)}` : p.kind === 'self' ? 'self' : show(p.prefixList))).join(','),
        );
        break;
      case 'nacl-association':
        lines.push(`nacl-association ${named(e.nacl)} - ${named(e.subnet)}`);
        break;
      case 'nacl-entry':
        lines.push(`nacl-entry ${nameOf(e)} ${e.egress ? 'out' : 'in'} ${show(e.ruleNumber)} ${show(e.protocol)} ${show(e.action)} ${show(e.cidr)} ${show(e.fromPort)}-${show(e.toPort)}`);
        break;
      case 'instance':
        lines.push(`instance ${nameOf(e)} in ${named(e.subnet)} groups ${e.securityGroups.map(named).sort().join(',')} public-ip=${show(e.associatePublicIp)}`);
        break;
      case 'endpoint':
        lines.push(`endpoint ${nameOf(e)} ${show(e.endpointType)} subnets ${e.subnets.map(named).sort().join(',')} groups ${e.securityGroups.map(named).sort().join(',')}`);
        break;
      case 'flow-log':
        lines.push(`flow-log of ${named(e.resource)}`);
        break;
      case 'gateway-attachment':
      case 'route-table-association':
        break;
      default:
        lines.push(`${e.kind} ${nameOf(e)}`);
    }
  }
  return lines.sort();
}
