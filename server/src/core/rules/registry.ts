// STUB: replaced by the rule catalog.
import type { Rule } from './types';

export const RULES: readonly Rule[] = [];
