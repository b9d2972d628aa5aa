import type { RecoverySnapshot } from '@shared/api/contract';
import type { FlowDocument } from '@shared/flow/document';
import { parseFlowText } from '@shared/flow/parse';
import { api, errorText } from '../app/api-holder';
import { showNotice } from '../app/notice-store';
import { useFlowStore } from '../canvas/flow-store';
import { clearRecovery } from './autosave';
import { markChanged } from './file-actions';
import { baseName } from './file-names';
import { rememberLastFile } from './last-file';

/** Unsaved changes found at start, ready to restore. */
export interface RecoveryOffer {
  snapshot: RecoverySnapshot;
  flow: FlowDocument;
  /** The file name, or the flow name when the flow was never saved. */
  label: string;
}

let found: Promise<RecoveryOffer | null> | null = null;

/**
 * Looks once per page for a recovery file left by a crash. One that no longer parses is
 * reported and removed rather than offered.
 */
export function findRecovery(): Promise<RecoveryOffer | null> {
  found ??= (async () => {
    let snapshot: RecoverySnapshot | null;
    try {
      snapshot = await api()['recovery.load']({});
    } catch (err) {
      showNotice(`Could not read the recovery file: ${errorText(err)}`, { tone: 'error', ms: 8000 });
      return null;
    }
    if (!snapshot) return null;
    const parsed = parseFlowText(snapshot.text);
    if (!parsed.ok) {
      showNotice('Unsaved changes from the last session could not be read and were dropped.', {
        tone: 'error',
        ms: 8000,
      });
      clearRecovery();
      return null;
    }
    const label = snapshot.filePath ? baseName(snapshot.filePath) : parsed.flow.name;
    return { snapshot, flow: parsed.flow, label };
  })();
  return found;
}

/** Replaces the flow with the recovered one, still unsaved, bound to the file it came from. */
export function restoreRecovery(offer: RecoveryOffer): void {
  useFlowStore.getState().load(offer.flow, offer.snapshot.filePath);
  if (offer.snapshot.filePath) rememberLastFile(offer.snapshot.filePath);
  markChanged();
  showNotice(`Restored unsaved changes to ${offer.label}.`);
}

/** Drops the recovered changes for good. */
export function discardRecovery(): void {
  clearRecovery();
}
