import type { Span } from '../../../text/span';
import type { Value } from '../../../values/value';
import type { TNode } from '../syntax/templateTree';

/**
 * The CloudFormation evaluator's output: one entry per resource that exists (a resource whose `Condition` is
 * false is left out), with every property evaluated. The model mapping (`toModel/`) reads only this.
 */
export interface CfnResource {
  /** Model element id, unique in the workspace: `<template URI>::<logical id>`. */
  readonly elementId: string;
  readonly logicalId: string;
  readonly templateUri: string;
  /** `AWS::EC2::Subnet`. */
  readonly type: string;
  /** The whole entry, from the logical id to the end of its definition. */
  readonly span: Span;
  /** The logical id key. */
  readonly nameSpan: Span;
  /**
   * The evaluated `Properties` (a map; `AWS::NoValue` already removed) and the node it was written as, so
   * the mapping can point at a nested property's own text. Undefined when the resource has no properties.
   */
  readonly properties: Value | undefined;
  readonly propertiesNode: TNode | undefined;
  /** `Metadata: {"aws:cdk:path": ...}` of a template CDK synthesized. */
  readonly cdkPath?: string;
}
