import { useEffect, useState, type ReactElement } from 'react';
import { Dialog } from '../app/Dialog';
import { startAutosave } from './autosave';
import { discardRecovery, findRecovery, restoreRecovery, type RecoveryOffer } from './recovery-actions';

/**
 * At start, offers to restore unsaved changes a crash left in the recovery file, then
 * starts autosaving. Autosave waits for the answer so it cannot overwrite the offer.
 */
export function RecoveryPrompt(): ReactElement | null {
  const [offer, setOffer] = useState<RecoveryOffer | null>(null);
  const [decided, setDecided] = useState(false);

  useEffect(() => {
    let live = true;
    void findRecovery().then((found) => {
      if (!live) return;
      if (found) setOffer(found);
      else setDecided(true);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => (decided ? startAutosave() : undefined), [decided]);

  if (!offer || decided) return null;
  const answer = (restore: boolean): void => {
    if (restore) restoreRecovery(offer);
    else discardRecovery();
    setDecided(true);
  };
  const when = new Date(offer.snapshot.savedAt).toLocaleString();
  return (
    <Dialog
      title="Restore unsaved changes?"
      // Escape must not throw work away: it restores, and the user can still discard later.
      onCancel={() => answer(true)}
      actions={
        <>
          <button type="button" className="fb-btn" onClick={() => answer(false)}>
            Discard
          </button>
          <button type="button" className="fb-btn fb-btn--primary" autoFocus onClick={() => answer(true)}>
            Restore
          </button>
        </>
      }
    >
      <p>
        Restore unsaved changes to <strong>{offer.label}</strong> from {when}?
      </p>
      <p className="fb-muted">Flowbench did not close normally, and these changes were not saved.</p>
    </Dialog>
  );
}
