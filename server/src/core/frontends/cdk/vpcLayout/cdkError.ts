/**
 * Where aws-cdk-lib throws while constructing a Vpc, the reproduction throws this with CDK's own message;
 * allocateCdkVpc catches it, so it never leaves core. Throwing keeps the steps in CDK's own order,
 * which decides which of several problems CDK reports.
 */
export class CdkVpcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CdkVpcError';
  }
}
