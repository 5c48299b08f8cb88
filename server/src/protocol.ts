// The typed messages between the VS Code client and the language server beyond standard LSP. Imported by
// both sides, so it depends on nothing but the JSON-RPC message types.
import { NotificationType } from 'vscode-jsonrpc';

export type AnalysisState = 'indexing' | 'analyzing' | 'idle';

export interface StatusParams {
  readonly state: AnalysisState;
  /** Files a front-end analyses. */
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}

/** Server -> client: what the server is doing, for the status bar. */
export const StatusNotification = new NotificationType<StatusParams>('vpcLens/status');

/** The settings section the server reads (`vpcLens.*`). */
export const CONFIGURATION_SECTION = 'vpcLens';
