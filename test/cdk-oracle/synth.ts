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
  writeFileSync(EXPECTED_PATH, `${JSON.stringify({ awsCdkLib: version, shapes: expectations }, null, 1)}\n`);
  return expectations.length;
}

if (require.main === module) {
  const started = Date.now();
  const count = writeExpected();
  console.log(`wrote ${count} shapes to ${EXPECTED_PATH} in ${Date.now() - started} ms`);
}
