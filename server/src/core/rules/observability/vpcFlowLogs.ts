import { defineRule } from '../catalog';
import type { SourceFormat } from '../../model/types';
import type { Finding } from '../types';

/** How a flow log on the VPC is written, in the language of the VPC's own source. */
const HOW_TO_ADD: Record<SourceFormat, string> = {
  terraform: 'an aws_flow_log with vpc_id',
  cloudformation: 'an AWS::EC2::FlowLog with ResourceType: VPC',
  cdk: 'vpc.addFlowLog(...), or an ec2.FlowLog with resourceType: ec2.FlowLogResourceType.fromVpc(vpc)',
};

/**
 * `vpc-flow-logs`: a VPC has no flow log. Without one there is no record of accepted or rejected traffic for
 * troubleshooting or incident response. Only a flow log on the VPC itself counts (subnet and interface flow
 * logs cover part of it). A flow log whose resource cannot be resolved might be on any VPC of the analysis
 * unit, so then no VPC of it is reported. Reported on the VPC's name. No quick fix: where the logs go (CloudWatch
 * Logs, S3, Firehose) and with which role is the user's choice.
 */
export const vpcFlowLogs = defineRule('vpc-flow-logs', function* (ctx): Iterable<Finding> {
  const logged = new Set<string>();
  for (const log of ctx.model.ofKind('flow-log')) {
    if (!log.resource.known) return;
    logged.add(log.resource.value);
  }
  for (const vpc of ctx.model.ofKind('vpc')) {
    if (logged.has(vpc.id)) continue;
    yield {
      ruleId: 'vpc-flow-logs',
      message: `VPC ${vpc.address} has no flow log; without one there is no record of the traffic it accepts and rejects (add ${HOW_TO_ADD[vpc.format]})`,
      span: vpc.nameSpan,
    };
  }
});
