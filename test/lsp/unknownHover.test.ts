// A user hovers a VPC block set from a variable nobody gave a value: the hover says so (instead of showing
// nothing). Once terraform.tfvars gives it one, the same hover shows the block's math and the finding the
// value brings shows up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { hoverText, positionOf, serveFolder } from './helpers/lspClient';

const MAIN_TF = `variable "vpc_cidr" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = var.vpc_cidr
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.9.0.0/24"
}
`;

describe('hover on a block whose value is not known, over stdio', () => {
  const served = serveFolder({ 'main.tf': MAIN_TF });

  test('says which variable has no value, then shows the math once terraform.tfvars sets it', async () => {
    const { client, ws } = served;
    const uri = ws.uri('main.tf');
    await client.open(uri, MAIN_TF);
    const before = hoverText(await client.hover(uri, positionOf(MAIN_TF, 'var.vpc_cidr', 4)));
    assert.match(before, /IPv4 block\*\* · VPC `aws_vpc.main`/);
    assert.match(before, /Not known: var\.vpc\\_cidr has no value \(no default, and no variable file sets it\)/);

    ws.write('terraform.tfvars', 'vpc_cidr = "10.0.0.0/16"\n');
    await client.filesChanged([{ uri: ws.uri('terraform.tfvars'), type: FileChangeType.Created }]);
    // The value makes the subnet's block checkable: it lies outside the VPC.
    await client.waitForDiagnostics(uri, 'subnet-outside-vpc', (ds) => ds.some((d) => d.code === 'subnet-outside-vpc'));
    const after = hoverText(await client.hover(uri, positionOf(MAIN_TF, 'var.vpc_cidr', 4)));
    assert.match(after, /10\.0\.0\.0\/16/);
    assert.match(after, /65,531 usable/);
    assert.doesNotMatch(after, /Not known/);
  });
});
