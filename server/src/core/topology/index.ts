// The topology graph: what the diagram draws and `vpc-lens topology --format json` prints.
export type * from './types';
export { buildTopology, type Locate, type TopologyOptions, INTERNET_NODE_ID, ONPREM_NODE_ID, regionNodeId, azNodeId } from './buildTopology';
export { elementAt } from './elementAt';
