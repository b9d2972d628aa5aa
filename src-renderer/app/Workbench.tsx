import { useEffect, type CSSProperties, type ReactElement } from 'react';
import { Canvas } from '../canvas/Canvas';
import { CanvasHighlight } from '../traces/CanvasHighlight';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
import { BottomDock } from '../run/BottomDock';
import { RunProblems } from '../run/RunProblems';
import { RecoveryPrompt } from '../files/RecoveryPrompt';
import { ExplanationPanel } from '../templates/ExplanationPanel';
import { ValidationPanel } from '../validation/ValidationPanel';
import { useRunEvents } from '../run/useRunEvents';
import { useSeriesSampler } from '../run/useSeriesSampler';
import { useLiveFaults } from '../faults/useLiveFaults';
import { DialogHost } from './DialogHost';
import { Notices } from './Notices';
import { Toolbar } from './Toolbar';
import { useCommandSources } from './useCommandSources';
import { useResizableHeight } from './useResizableHeight';
import { useWindowTitle } from './useWindowTitle';

/** The main window: toolbar, palette, canvas, inspector and the bottom dock (messages, run). */
export function Workbench(): ReactElement {
  useRunEvents();
  useSeriesSampler();
  useLiveFaults();
  useCommandSources();
  useWindowTitle();
  const panel = useResizableHeight(250, 120, 0.7);

  // Declared after the subscriptions above, so "ready" means events are already flowing.
  useEffect(() => {
    document.documentElement.dataset.appState = 'ready';
  }, []);

  return (
    <div className="fb-app" style={{ '--fb-messages-h': `${panel.height}px` } as CSSProperties}>
      <Toolbar />
      <Palette />
      <main className="fb-main">
        <Canvas />
        <CanvasHighlight />
        <RunProblems />
        <ExplanationPanel />
      </main>
      <Inspector />
      <div
        className="fb-resizer"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the messages panel"
        aria-valuenow={panel.height}
        tabIndex={0}
        onPointerDown={panel.onPointerDown}
        onKeyDown={panel.onKeyDown}
      />
      <div className="fb-bottom">
        <BottomDock />
        <ValidationPanel />
      </div>
      <DialogHost />
      <RecoveryPrompt />
      <Notices />
    </div>
  );
}
