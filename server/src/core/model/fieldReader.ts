import type { Span } from '../text/span';
import type { Value } from '../values/value';
import type { Field } from './field';
import {
  boolField,
  enumField,
  idField,
  idListField,
  numberField,
  protocolField,
  type RefToId,
  stringField,
  stringListField,
} from './fields';
import type { ElementId } from './types';

/**
 * Typed access to one evaluated properties map, shared by the front-ends' model mappings. A front-end says
 * where a property's value is (`value`), where a finding about it is reported (`span`) and what a reference
 * stands for (`refToId`); every getter returns a model field per the conventions of `fields.ts`.
 */
export abstract class FieldReader {
  abstract value(name: string): Value | undefined;
  abstract span(name: string): Span;
  protected abstract readonly refToId: RefToId;

  str(name: string): Field<string> | undefined {
    return stringField(this.value(name), this.span(name));
  }
  num(name: string): Field<number> | undefined {
    return numberField(this.value(name), this.span(name));
  }
  bool(name: string): Field<boolean> | undefined {
    return boolField(this.value(name), this.span(name));
  }
  protocol(name: string): Field<string> | undefined {
    return protocolField(this.value(name), this.span(name));
  }
  oneOf<T extends string>(name: string, allowed: readonly T[]): Field<T> | undefined {
    return enumField(this.value(name), this.span(name), allowed);
  }
  id(name: string): Field<ElementId> | undefined {
    return idField(this.value(name), this.span(name), this.refToId);
  }
  ids(name: string): Field<ElementId>[] {
    return idListField(this.value(name), this.span(name), this.refToId);
  }
  strs(name: string): Field<string>[] {
    return stringListField(this.value(name), this.span(name));
  }
  /** Upper-cased string (listener and target group protocols: `HTTPS`, `TCP_UDP`). */
  upper(name: string): Field<string> | undefined {
    const f = this.str(name);
    return f && f.known ? { ...f, value: f.value.toUpperCase() } : f;
  }
}
