import type { NetworkAcl } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, Fix } from '../types';
import { type DirectionEntries, type NaclView, type ShapedEntry, allowedPart, directionName, evaluate, naclViews } from './naclEntries';
import { describePorts, hasPorts } from './portSets';
import { type TrafficBox, addressCover, coversInterval, interval } from './trafficSets';

/** Clients pick their source port from here (Linux 32768-60999, Windows 49152-65535, ELB/NAT 1024-65535). */
const EPHEMERAL = interval(1024, 65535);
/**
 * A TCP/UDP allow whose range stays below this is a service entry (443, 5432, 8080-8090) that needs return
 * traffic; ranges reaching above it are themselves return entries (1024-65535, 32768-65535) or catch-alls.
 */
const SERVICE_BELOW = 32768n;
const LAST_RULE_NUMBER = 32766;

/**
 * `nacl-ephemeral-return`: NACLs are stateless, so a TCP/UDP service entry (inbound to a service port, or
 * outbound to a remote service) needs the other direction to let the replies through to the client's
 * ephemeral ports 1024-65535. The replies are run through the other direction's entries as AWS evaluates
 * them (a deny before the allow blocks them). It fires when some client addresses get no ephemeral port
 * back at all, so a deliberate narrower range (32768-65535) is fine. It never decides with an unknown entry
 * in the NACL, or with an entry whose NACL is unknown somewhere in the model (it might be this NACL's).
 */
export const naclEphemeralReturn = defineRule('nacl-ephemeral-return', function* (ctx): Iterable<Finding> {
  if (ctx.model.ofKind('nacl-entry').some((e) => !e.nacl.known)) return;
  const addresses = new Set(ctx.model.ofKind('nacl-entry').map((e) => e.address));
  for (const view of naclViews(ctx)) {
    if (view.ingress.undecidable.length > 0 || view.egress.undecidable.length > 0) continue;
    for (const [request, reply] of [
      [view.ingress, view.egress],
      [view.egress, view.ingress],
    ] as const) {
      let fixIndex = 0;
      for (const e of request.shaped) {
        const finding = check(view, request, reply, e, () => ++fixIndex, addresses);
        if (finding) yield finding;
      }
    }
  }
});

function check(
  view: NaclView,
  request: DirectionEntries,
  reply: DirectionEntries,
  e: ShapedEntry,
  nextFix: () => number,
  addresses: ReadonlySet<string>,
): Finding | undefined {
  if (e.action !== 'allow' || !hasPorts(e.selection.protocol) || e.selection.ports.hi >= SERVICE_BELOW) return undefined;
  // Only the traffic this entry actually lets through needs replies; what lower entries decide is theirs.
  const effective = evaluate(request.shaped, e.boxes, e.number).rest;
  if (effective.length === 0) return undefined;
  const replies: TrafficBox[] = effective.map((b) => ({ ...b, ports: EPHEMERAL }));
  const ev = evaluate(reply.shaped, replies);
  const cover = addressCover(allowedPart(ev));
  const blocked = replies.filter((q) => !coversInterval(cover.get(q.version), q.addresses));
  if (blocked.length === 0) return undefined;

  const egress = e.entry.egress;
  const replyDir = directionName(!egress);
  const deniers = ev.decided.filter((d) => d.entry.action === 'deny').map((d) => d.entry);
  const nothingBack = cover.size === 0;
  const peer = `${egress ? 'to' : 'from'} ${e.cidrText}`;
  const why = deniers.length > 0 ? `: ${deniers.map((d) => `rule ${d.number}`).join(', ')} ${deniers.length === 1 ? 'denies' : 'deny'} them first` : '';
  const message =
    `${capital(directionName(egress))} rule ${e.number} allows ${describePorts(e.selection)} ${peer}, but ` +
    (nothingBack
      ? `no ${replyDir} entry lets the replies through to ephemeral ports 1024-65535${why}`
      : `${replyDir} entries let the replies through to ephemeral ports 1024-65535 for only part of ${e.cidrText}${why}`);
  const fix = nothingBack && deniers.length === 0 ? returnEntryFix(view.nacl, reply, e, nextFix, addresses) : undefined;
  return {
    ruleId: 'nacl-ephemeral-return',
    message,
    span: e.entry.ruleNumber.known ? e.entry.ruleNumber.span : e.entry.nameSpan,
    related: deniers.map((d) => ({ span: d.entry.ruleNumber.known ? d.entry.ruleNumber.span : d.entry.nameSpan, message: `${capital(replyDir)} rule ${d.number} denies the replies` })),
    ...(fix ? { fixes: [fix] } : {}),
  };
}

const PLAIN_NACL = /^aws_network_acl\.([A-Za-z_][A-Za-z0-9_-]*)$/;

/**
 * A new `aws_network_acl_rule` after the NACL resource, when that is certainly right: Terraform, a root
 * `aws_network_acl` (not the default NACL, not counted, not in a module) whose entries are all standalone
 * resources (mixing them with inline blocks makes Terraform fight itself), and nothing in the reply direction
 * matching the replies at all, so any free number after the existing ones works.
 */
function returnEntryFix(nacl: NetworkAcl, reply: DirectionEntries, e: ShapedEntry, nextFix: () => number, addresses: ReadonlySet<string>): Fix | undefined {
  if (nacl.format !== 'terraform') return undefined;
  const m = PLAIN_NACL.exec(nacl.address);
  if (!m || e.entry.inline || reply.shaped.some((r) => r.entry.inline)) return undefined;
  const highest = reply.shaped.reduce((max, r) => Math.max(max, r.number), 0);
  // After the highest existing entry (AWS's examples start at 100), 10 apart: room to insert later.
  const ruleNumber = (highest === 0 ? 90 : Math.floor(highest / 10) * 10) + nextFix() * 10;
  if (ruleNumber > LAST_RULE_NUMBER) return undefined;
  const egress = !e.entry.egress;
  const name = `${m[1]}_${egress ? 'out' : 'in'}_return_${e.number}`;
  if (addresses.has(`aws_network_acl_rule.${name}`)) return undefined;
  const text = [
    '',
    '',
    `resource "aws_network_acl_rule" "${name}" {`,
    `  network_acl_id  = ${nacl.address}.id`,
    `  rule_number     = ${ruleNumber}`,
    `  egress          = ${egress}`,
    `  protocol        = "${e.selection.protocol}"`,
    `  rule_action     = "allow"`,
    `  ${e.ipv6 ? 'ipv6_cidr_block' : 'cidr_block     '} = "${e.cidrText}"`,
    `  from_port       = 1024`,
    `  to_port         = 65535`,
    '}',
  ].join('\n');
  const at = { file: nacl.span.file, start: nacl.span.end, end: nacl.span.end };
  return { title: `Add ${directionName(egress)} rule ${ruleNumber} allowing the replies ${egress ? 'to' : 'from'} ${e.cidrText} on ports 1024-65535`, edits: [{ span: at, newText: text }] };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
