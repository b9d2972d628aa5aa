import type { FileOpenResult } from '@shared/api/contract';
import { parseFlowText, serializeFlow } from '@shared/flow/parse';
import { describeProblem } from '@shared/flow/problems';
import { api, appInfo, errorText } from '../app/api-holder';
import { confirmDialog, fileNameDialog, pickFileDialog, problemsDialog } from '../app/dialog-store';
import { showNotice } from '../app/notice-store';
import { emptyFlow } from '../canvas/flow-convert';
import { useFlowStore } from '../canvas/flow-store';
import { baseName, suggestedFileName, withFlowExtension } from './file-names';
import { lastFile, rememberLastFile } from './last-file';

/** File → New: an empty flow, after confirming when there are unsaved changes. */
export async function newFlow(): Promise<void> {
  if (!(await confirmDiscard())) return;
  useFlowStore.getState().load(emptyFlow(), null);
}

/** File → Open: native dialog on desktop, the workspace file list in browser mode. */
export async function openFlow(): Promise<void> {
  if (!(await confirmDiscard())) return;
  let result: FileOpenResult;
  try {
    if (appInfo().nativeDialogs) {
      result = await api()['file.open']({});
    } else {
      const path = await pickFileDialog();
      if (!path) return;
      result = await api()['file.open']({ path });
    }
  } catch (err) {
    showNotice(`Could not open the file: ${errorText(err)}`, { tone: 'error', ms: 8000 });
    return;
  }
  if (!result.canceled) loadFlowText(result.path, result.text);
}

/**
 * Replaces the current flow with the parsed text. A file with problems never replaces
 * it (nor becomes the file Save writes to): every problem is listed in a dialog instead.
 * A file in an older format is converted and marked unsaved. Returns whether it loaded.
 */
export function loadFlowText(path: string | null, text: string): boolean {
  const parsed = parseFlowText(text);
  if (!parsed.ok) {
    void problemsDialog(
      `Cannot open ${path ? baseName(path) : 'this flow'}`,
      'The current flow is unchanged. Fix these problems in the file, then open it again:',
      parsed.problems.map((p) => describeProblem(p, p.nodeId)),
    );
    return false;
  }
  useFlowStore.getState().load(parsed.flow, path);
  if (path) rememberLastFile(path);
  if (parsed.migratedFrom) {
    // The file on disk is still the old format until saved, so the flow counts as changed.
    markChanged();
    showNotice(`Converted from format v${parsed.migratedFrom}; saving writes v${parsed.flow.version}.`, {
      ms: 8000,
    });
  }
  return true;
}

/** File → Open Recent: reopens a file from the recent list (asking before discarding changes). */
export async function openRecent(path: string): Promise<boolean> {
  if (!(await confirmDiscard())) return false;
  try {
    const res = await api()['file.open']({ path });
    return !res.canceled && loadFlowText(res.path, res.text);
  } catch (err) {
    showNotice(`Could not open ${baseName(path)}: ${errorText(err)}`, { tone: 'error', ms: 8000 });
    return false;
  }
}

/**
 * Marks the loaded flow as differing from its file without an edit (a converted file,
 * restored changes): no document state matches the file on disk until the next save.
 */
export function markChanged(): void {
  useFlowStore.setState({ dirty: true, savedEdits: Number.NaN });
}

/** File → Save: to the current file, or Save As when the flow has none yet. */
export async function saveFlow(): Promise<boolean> {
  const { filePath } = useFlowStore.getState();
  return filePath ? writeFlow({ path: filePath }) : saveFlowAs();
}

/** File → Save As: native dialog on desktop, a file-name dialog in browser mode. */
export async function saveFlowAs(): Promise<boolean> {
  const { filePath, name } = useFlowStore.getState();
  const suggested = suggestedFileName(filePath, name);
  if (appInfo().nativeDialogs) return writeFlow({ suggestedName: suggested });
  const chosen = await fileNameDialog(suggested);
  if (!chosen) return false;
  // Saving by name never overwrites (the engine picks `name-2`); replacing goes by path.
  return writeFlow(
    chosen.replacePath ? { path: chosen.replacePath } : { suggestedName: withFlowExtension(chosen.name) },
  );
}

/** Opens the last file on start, else (first start, or it is gone) the sample flow. */
export async function loadInitialFlow(): Promise<void> {
  const last = lastFile();
  if (last) {
    try {
      const res = await api()['file.open']({ path: last });
      if (!res.canceled && loadFlowText(res.path, res.text)) return;
    } catch (err) {
      showNotice(`Could not reopen ${baseName(last)} (${errorText(err)}); showing the sample flow.`);
    }
    rememberLastFile(null);
  }
  const { text } = await api()['flow.sample']({});
  loadFlowText(null, text);
}

async function writeFlow(target: { path?: string; suggestedName?: string }): Promise<boolean> {
  const state = useFlowStore.getState();
  const atEdits = state.edits;
  const text = serializeFlow(state.toDocument());
  try {
    const res = await api()['file.save']({ ...target, text });
    if (res.canceled) return false;
    useFlowStore.getState().markSaved(res.path, atEdits);
    rememberLastFile(res.path);
    showNotice(`Saved ${baseName(res.path)}`);
    return true;
  } catch (err) {
    showNotice(`Could not save: ${errorText(err)}`, { tone: 'error', ms: 8000 });
    return false;
  }
}

/** Asks before unsaved changes would be lost; true when there are none or the user agrees. */
export async function confirmDiscard(): Promise<boolean> {
  const { dirty, name } = useFlowStore.getState();
  if (!dirty) return true;
  return confirmDialog(
    'Discard unsaved changes?',
    `“${name}” has changes that are not saved. They will be lost.`,
    'Discard changes',
  );
}
