// STUB: replaced by the model linker.
import type { NetworkElement } from './types';

/** Fills back-references (VPC blocks from associations, routes into tables, ...). */
export function linkModel(elements: readonly NetworkElement[]): NetworkElement[] {
  return [...elements];
}
