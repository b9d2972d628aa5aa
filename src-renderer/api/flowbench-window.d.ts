import type { FlowbenchApi } from '@shared/api/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode, where `connectApi` uses a WebSocket. */
    flowbench?: FlowbenchApi;
  }
}

export {};
