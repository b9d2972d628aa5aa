import { ReactFlowProvider } from '@xyflow/react';
import type { ReactElement } from 'react';
import { useBoot } from './boot';
import { Workbench } from './Workbench';
import './app.css';

/** Connects to the engine, then shows the workbench (or why it could not connect). */
export function App(): ReactElement {
  const boot = useBoot();
  if (boot.phase === 'connecting') {
    return (
      <div className="fb-splash" role="status">
        Connecting to the Flowbench engine…
      </div>
    );
  }
  if (boot.phase === 'error') {
    return (
      <div className="fb-splash fb-splash--error" role="alert">
        <h1>Flowbench could not connect to its engine</h1>
        <p className="fb-splash__message">{boot.message}</p>
        <p>Reload the page to try again. In browser mode, open the exact address the server printed.</p>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <Workbench />
    </ReactFlowProvider>
  );
}
