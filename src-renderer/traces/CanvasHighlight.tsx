import { useMemo, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { edgesForHops, traceHops } from '@shared/trace/path-edges';
import { useFlowStore } from '../canvas/flow-store';
import { usePlaybackStore } from '../runs/playback-store';
import { useRunPanelStore } from '../run/run-panel-store';
import { useTraceStore } from './trace-store';

const sel = (kind: 'node' | 'edge', id: string): string =>
  `.react-flow__${kind}[data-id="${CSS.escape(id)}"]`;

/**
 * Paints a trace's path, or the run being played back, on the canvas with one generated
 * style sheet: no node or edge component re-renders, so it costs the same on a big flow.
 * Playback: lit edges and each node's counts at the moment shown (a CSS `content` badge).
 */
export function CanvasHighlight(): ReactElement | null {
  const tab = useRunPanelStore((s) => s.tab);
  const { events, show } = useTraceStore(useShallow((s) => ({ events: s.events, show: s.showOnCanvas })));
  const edges = useFlowStore((s) => s.edges);
  const playback = usePlaybackStore(
    useShallow((s) => ({ lit: s.litHops, counts: s.counts, active: s.active })),
  );
  const css = useMemo(() => {
    if (tab === 'trace' && show && events.length > 0) {
      const hops = traceHops(events);
      const nodes = new Set(events.map((e) => e.nodeId));
      const lit = edgesForHops(edges, hops);
      for (const e of edges) {
        if (!lit.has(e.id)) continue;
        nodes.add(e.source);
        nodes.add(e.target);
      }
      return traceRules([...nodes], [...lit]);
    }
    if (tab === 'runs' && playback.active)
      return playbackRules(edgesForHops(edges, playback.lit), playback.counts);
    return '';
  }, [tab, show, events, edges, playback]);
  if (!css) return null;
  return <style data-testid="canvas-highlight">{css}</style>;
}

function traceRules(nodes: string[], edges: string[]): string {
  const rules: string[] = [];
  if (nodes.length > 0)
    rules.push(
      `${nodes.map((n) => sel('node', n)).join(',')}{outline:2px solid var(--fb-accent);outline-offset:3px;border-radius:8px}`,
    );
  if (edges.length > 0)
    rules.push(
      `${edges.map((e) => `${sel('edge', e)} path.react-flow__edge-path`).join(',')}{stroke:var(--fb-accent);stroke-width:3;stroke-dasharray:8 6;animation:fb-trace-flow .8s linear infinite}`,
    );
  return rules.join('\n');
}

/** A node's counts at the moment shown: a small badge under it (only while playing back). */
const BADGE =
  'position:absolute;left:50%;top:100%;transform:translate(-50%,4px);padding:0 6px;border-radius:8px;' +
  'background:var(--fb-success-soft);color:var(--fb-success);font:11px var(--fb-mono);white-space:nowrap;pointer-events:none';

function playbackRules(lit: Set<string>, counts: Record<string, string>): string {
  const rules: string[] = [`.react-flow__node::after{${BADGE}}`];
  if (lit.size > 0)
    rules.push(
      `${[...lit].map((e) => `${sel('edge', e)} path.react-flow__edge-path`).join(',')}{stroke:var(--fb-success);stroke-width:3.5}`,
    );
  for (const [node, text] of Object.entries(counts))
    rules.push(`${sel('node', node)}::after{content:${JSON.stringify(text)}}`);
  return rules.join('\n');
}
