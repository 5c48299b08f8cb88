// Where the webview runs: inside VS Code (acquireVsCodeApi: messages and state go to the extension host) or
// as the standalone HTML export (the graph is embedded in the page; exports download as files).
import type { HostToWebviewMessage, WebviewState, WebviewToHostMessage } from '../messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
  readonly inEditor: boolean;
  post(message: WebviewToHostMessage): void;
  getState(): WebviewState;
  setState(state: WebviewState): void;
  onMessage(listener: (message: HostToWebviewMessage) => void): void;
  save(format: 'svg' | 'png', data: string): void;
}

export function connectHost(): Host {
  if (typeof acquireVsCodeApi === 'function') {
    const api = acquireVsCodeApi();
    return {
      inEditor: true,
      post: (m) => api.postMessage(m),
      getState: () => (api.getState() as WebviewState | undefined) ?? {},
      setState: (s) => api.setState(s),
      onMessage: (listener) => window.addEventListener('message', (e: MessageEvent) => {
        if (typeof e.data === 'object' && e.data !== null && typeof (e.data as { type?: unknown }).type === 'string') listener(e.data as HostToWebviewMessage);
      }),
      save: (format, data) => api.postMessage({ type: 'save', format, data } satisfies WebviewToHostMessage),
    };
  }
  let state: WebviewState = {};
  return {
    inEditor: false,
    post: () => undefined,
    getState: () => state,
    setState: (s) => { state = s; },
    onMessage: () => undefined,
    save: (format, data) => download(format, data),
  };
}

function download(format: 'svg' | 'png', data: string): void {
  const blob = format === 'svg'
    ? new Blob([data], { type: 'image/svg+xml' })
    : new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: 'image/png' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `vpc-topology.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
