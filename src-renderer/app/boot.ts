import { useEffect, useState } from 'react';
import { connectApi } from '../api/connect-api';
import { loadInitialFlow } from '../files/file-actions';
import { loadSettings } from '../settings/environment-actions';
import { errorText, setConnectedApi } from './api-holder';

export type BootState = { phase: 'connecting' } | { phase: 'ready' } | { phase: 'error'; message: string };

// Boot runs once per page, even when React mounts the app twice (StrictMode in development).
let booting: Promise<void> | null = null;

async function bootOnce(): Promise<void> {
  const api = await connectApi();
  const info = await api['app.info']({});
  setConnectedApi(api, info);
  await loadSettings();
  await loadInitialFlow();
}

/** Connects to the engine and loads the first flow; the workbench renders once this is done. */
export function useBoot(): BootState {
  const [state, setState] = useState<BootState>({ phase: 'connecting' });
  useEffect(() => {
    let live = true;
    booting ??= bootOnce();
    booting.then(
      () => live && setState({ phase: 'ready' }),
      (err: unknown) => {
        document.documentElement.dataset.appState = 'error';
        if (live) setState({ phase: 'error', message: errorText(err) });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
