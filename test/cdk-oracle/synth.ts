// Regenerates expected.json: every oracle shape synthesized with aws-cdk-lib.
// Run: node --import tsx test/cdk-oracle/synth.ts   (or UPDATE_CDK_ORACLE=1 with the oracle test)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORACLE_SHAPES, type OracleShape } from './shapes';
import { synthShape } from './synthShape';
import type { ObservedLayout } from './observed';

export const EXPECTED_PATH = join(__dirname, 'expected.json');

export interface OracleExpectation {
  name: string;
  shape: OracleShape;
  synthesized: ObservedLayout;
}

export function synthesizeAll(): OracleExpectation[] {
  return ORACLE_SHAPES.map((shape) => ({ name: shape.name, shape, synthesized: synthShape(shape) }));
}

export function writeExpected(): number {
  const expectations = synthesizeAll();
  const version = (require('aws-cdk-lib/package.json') as { version: string }).version;
  writeFileSync(EXPECTED_PATH, `${formatJson({ awsCdkLib: version, shapes: expectations }, '')}\n`);
  return expectations.length;
}

/** JSON with each flat object or array (a subnet, a route) on one line, so diffs read per subnet. */
function formatJson(value: unknown, indent: string): string {
  const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;
  if (!isContainer(value)) return JSON.stringify(value);
  const entries = Array.isArray(value) ? value.map((v) => [undefined, v] as const) : Object.entries(value);
  if (entries.every(([, v]) => !isContainer(v))) return JSON.stringify(value);
  const inner = `${indent}  `;
  const lines = entries.map(([key, v]) => `${inner}${key === undefined ? '' : `${JSON.stringify(key)}: `}${formatJson(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}

if (require.main === module) {
  const started = Date.now();
  const count = writeExpected();
  console.log(`wrote ${count} shapes to ${EXPECTED_PATH} in ${Date.now() - started} ms`);
}
