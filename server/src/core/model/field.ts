import type { Span } from '../text/span';

/**
 * An attribute of a model element. Three states matter to rules:
 * - absent: the property is `undefined` (not written; AWS's default applies),
 * - unknown: written but not resolvable here (`known: false`): a rule never fires on it,
 * - known: `value` with `span`, the place a finding about it is reported (where the value is written:
 *   for a module input, the literal at the call site; for a computed value, the expression).
 * `at` is the attribute's own expression in the resource when that differs from `span` (hover/inlay use it).
 */
export type Field<T> = Known<T> | UnknownField;

export interface Known<T> {
  readonly known: true;
  readonly value: T;
  readonly span: Span;
  readonly at?: Span;
}

export interface UnknownField {
  readonly known: false;
  readonly span?: Span;
  readonly why?: string;
  /** As for a known field: the attribute's own expression when `span` (where the unknown came from) is elsewhere. */
  readonly at?: Span;
}

export function known<T>(value: T, span: Span, at?: Span): Known<T> {
  return at ? { known: true, value, span, at } : { known: true, value, span };
}

export function unknownField(span?: Span, why?: string, at?: Span): UnknownField {
  return at ? { known: false, span, why, at } : { known: false, span, why };
}

/** The value when known, else undefined (absent and unknown alike). */
export function valueOf<T>(f: Field<T> | undefined): T | undefined {
  return f && f.known ? f.value : undefined;
}

export function isKnownField<T>(f: Field<T> | undefined): f is Known<T> {
  return f !== undefined && f.known;
}
