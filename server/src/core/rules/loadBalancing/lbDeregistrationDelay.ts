import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { attrName } from './support';

const MIN_SECONDS = 0;
const MAX_SECONDS = 3600;

/**
 * `lb-deregistration-delay`: a target group's deregistration delay is outside 0..3600 seconds (AWS rejects
 * it). Reported on the value. No quick fix: whether the intent was the maximum or something shorter is the
 * user's call.
 */
export const lbDeregistrationDelay = defineRule('lb-deregistration-delay', function* (ctx): Iterable<Finding> {
  for (const group of ctx.model.ofKind('target-group')) {
    const delay = group.deregistrationDelay;
    if (!delay?.known || typeof delay.value !== 'number' || Number.isNaN(delay.value)) continue;
    if (delay.value >= MIN_SECONDS && delay.value <= MAX_SECONDS) continue;
    yield {
      ruleId: 'lb-deregistration-delay',
      message:
        `Deregistration delay of target group ${group.address} is ${delay.value} s, outside ${MIN_SECONDS}..${MAX_SECONDS} seconds ` +
        `(${attrName(group, 'deregistration_delay', 'deregistration_delay.timeout_seconds')}); AWS rejects it`,
      span: delay.span,
    };
  }
});
