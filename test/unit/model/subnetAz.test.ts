// One AZ key for every rule that compares subnets' AZs (nat-cross-az, tgw-attachment-az, lb-single-az,
// endpoint-interface-single-az): they used to read the AZ each their own way and disagreed on a blank name.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { known, unknownField, type Field } from '../../../server/src/core/model/field';
import { subnetAz } from '../../../server/src/core/model/subnetAz';
import type { Subnet } from '../../../server/src/core/model/types';

const at = { file: 'file:///w/subnets.tf', start: 10, end: 22 };

function subnet(availabilityZone?: Field<string>, availabilityZoneId?: Field<string>): Subnet {
  return { availabilityZone, availabilityZoneId } as unknown as Subnet;
}

describe('a subnet AZ as rules compare it', () => {
  test('a name, an id and a symbolic AZ are keys of three kinds, named for messages', () => {
    assert.deepEqual(subnetAz(subnet(known('eu-west-1a', at))), { key: 'name:eu-west-1a', kind: 'name', text: 'eu-west-1a', span: at });
    assert.deepEqual(subnetAz(subnet(undefined, known('euw1-az1', at))), { key: 'id:euw1-az1', kind: 'id', text: 'euw1-az1', span: at });
    assert.deepEqual(subnetAz(subnet(known('az#1', at))), { key: 'symbolic:az#1', kind: 'symbolic', text: "the region's 2nd AZ", span: at });
  });

  test('blanks around a name are not part of it; a blank name is unset, so the id decides', () => {
    assert.equal(subnetAz(subnet(known(' eu-west-1b ', at)))?.key, 'name:eu-west-1b');
    assert.equal(subnetAz(subnet(known('', at), known('euw1-az2', at)))?.key, 'id:euw1-az2');
    assert.equal(subnetAz(subnet(known('  ', at)))?.key, undefined);
  });

  test('a name written but unknown gives no AZ, even with an id: the id would be a guess about the same AZ', () => {
    assert.equal(subnetAz(subnet(unknownField(at, 'var.az has no value'), known('euw1-az1', at))), undefined);
    assert.equal(subnetAz(subnet()), undefined);
  });
});
