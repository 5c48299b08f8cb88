import type { VpcEndpoint } from '../../model/types';

export function isGateway(e: VpcEndpoint): boolean {
  return e.endpointType.known && e.endpointType.value === 'Gateway';
}

export function isInterface(e: VpcEndpoint): boolean {
  return e.endpointType.known && e.endpointType.value === 'Interface';
}
