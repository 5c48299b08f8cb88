import { type UnknownValue, unknownReason, type Value } from '../../../values/value';

/**
 * `Ref: AWS::NoValue`: the property (or list item) it stands in for is removed. Identified by identity, so it
 * can never be confused with a real unknown; the evaluator drops it wherever a property or item holds it.
 */
export const NO_VALUE: UnknownValue = Object.freeze({ k: 'unknown', why: 'AWS::NoValue' });

export function isNoValue(v: Value): boolean {
  return v === NO_VALUE;
}

/** The text CloudFormation would use for a scalar (numbers and booleans are strings to it). */
export function scalarText(v: Value): string | undefined {
  return v.k === 'string' || v.k === 'number' || v.k === 'bool' ? String(v.v) : undefined;
}

/** A whole number written as a number or as numeric text. */
export function integerOf(v: Value): number | undefined {
  const n = v.k === 'number' ? v.v : v.k === 'string' && /^\s*-?\d+\s*$/.test(v.v) ? Number(v.v) : undefined;
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** Why a value is not usable as a scalar: its own reason, or what it is. */
export function whyNotKnown(v: Value): string {
  if (v.k === 'unknown') return v.why ?? 'unknown';
  // A reference's reason names the resource by its address (`Vpc.CidrBlock`), not by its element id.
  if (v.k === 'ref') return unknownReason(v)!;
  return `a ${v.k} is not a scalar`;
}
