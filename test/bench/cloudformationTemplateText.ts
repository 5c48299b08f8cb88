// Writes a template object (intrinsics in their long JSON form: { Ref }, { 'Fn::Select': [...] }) as JSON, or
// as YAML with the short-form tags people write by hand (!Ref, !Sub, !Select, !Cidr, !GetAtt A.B, ...).
import { Document, Pair, YAMLMap, YAMLSeq, type Node } from 'yaml';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function templateJson(template: Json): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

export function templateYaml(template: Json): string {
  const doc = new Document();
  doc.contents = toNode(doc, template) as typeof doc.contents;
  // Unquoted, 2010-09-09 is a timestamp to YAML 1.1 parsers (CloudFormation's included).
  return doc.toString({ lineWidth: 0 }).replace(/^AWSTemplateFormatVersion: (\d{4}-\d{2}-\d{2})$/m, 'AWSTemplateFormatVersion: "$1"');
}

function intrinsicOf(value: Json): [string, Json] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key.startsWith('Fn::') ? [key, value[key]!] : undefined;
}

function toNode(doc: Document, value: Json): Node {
  const intrinsic = intrinsicOf(value);
  if (intrinsic) {
    const [key, arg] = intrinsic;
    // YAML gives a node one tag: `!ImportValue !Sub ...` cannot be written, so such a call keeps its long form.
    if (intrinsicOf(arg) === undefined) {
      if (key === 'Fn::GetAtt' && Array.isArray(arg)) return tagged(doc.createNode(arg.join('.')), '!GetAtt');
      return tagged(toNode(doc, arg), key === 'Ref' ? '!Ref' : `!${key.slice('Fn::'.length)}`);
    }
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq<Node>();
    for (const item of value) seq.items.push(toNode(doc, item));
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const map = new YAMLMap<string, Node>();
    for (const [k, v] of Object.entries(value)) map.items.push(new Pair(k, toNode(doc, v)));
    return map;
  }
  return doc.createNode(value);
}

function tagged(node: Node, tag: string): Node {
  node.tag = tag;
  return node;
}
