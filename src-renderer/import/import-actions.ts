import type { ImportResult } from '@shared/api/import-requests';
import { parseFlowText } from '@shared/flow/parse';
import { api } from '../app/api-holder';
import { showNotice } from '../app/notice-store';
import { toCanvas } from '../canvas/flow-convert';
import { useFlowStore } from '../canvas/flow-store';
import { confirmDiscard, markChanged } from '../files/file-actions';
import { mergeImported } from './merge-imported';

/** Asks the engine to turn a document into a flow (it parses, maps, lays out and validates). */
export function importDocumentText(text: string, fileName: string): Promise<ImportResult> {
  return api()['import.document']({ text, fileName });
}

/** Opens the imported flow as a new, unsaved flow (after confirming unsaved changes). */
export async function openImported(text: string): Promise<boolean> {
  const parsed = parseFlowText(text);
  if (!parsed.ok) return false;
  if (!(await confirmDiscard())) return false;
  useFlowStore.getState().load(parsed.flow, null);
  markChanged();
  showNotice(`Imported "${parsed.flow.name}" as a new flow: save it to keep it.`, { ms: 6000 });
  return true;
}

/** Adds the imported nodes and edges beside the current flow, as one undoable edit. */
export function addImported(text: string): boolean {
  const parsed = parseFlowText(text);
  if (!parsed.ok) return false;
  const store = useFlowStore.getState();
  const current = store.toDocument();
  const merged = mergeImported(current, parsed.flow);
  // Only the added part becomes new canvas nodes; what is on the canvas stays as it is.
  const added = toCanvas({
    ...merged,
    nodes: merged.nodes.slice(current.nodes.length),
    edges: merged.edges.slice(current.edges.length),
  });
  store.commit({ nodes: [...store.nodes, ...added.nodes], edges: [...store.edges, ...added.edges] });
  showNotice(`Added ${parsed.flow.nodes.length} imported nodes to the flow.`, { ms: 5000 });
  return true;
}
