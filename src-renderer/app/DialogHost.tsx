import type { ReactElement } from 'react';
import { ExportDialog } from '../export/ExportDialog';
import { ImportDialog } from '../import/ImportDialog';
import { OpenFileDialog } from '../files/OpenFileDialog';
import { SaveAsDialog } from '../files/SaveAsDialog';
import { PatternChooser } from '../templates/PatternChooser';
import { TemplateGallery } from '../templates/TemplateGallery';
import { Dialog } from './Dialog';
import { useDialogStore } from './dialog-store';

/** Renders whichever modal dialog is open (at most one). */
export function DialogHost(): ReactElement | null {
  const dialog = useDialogStore((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'openFile':
      return <OpenFileDialog resolve={dialog.resolve} />;
    case 'saveAs':
      return <SaveAsDialog suggestedName={dialog.suggestedName} resolve={dialog.resolve} />;
    case 'templates':
      return <TemplateGallery resolve={dialog.resolve} />;
    case 'patternChooser':
      return <PatternChooser resolve={dialog.resolve} />;
    case 'export':
      return <ExportDialog resolve={dialog.resolve} />;
    case 'import':
      return <ImportDialog resolve={dialog.resolve} />;
    case 'confirm':
      return (
        <Dialog
          title={dialog.title}
          onCancel={() => dialog.resolve(false)}
          actions={
            <>
              <button type="button" className="fb-btn" onClick={() => dialog.resolve(false)}>
                Cancel
              </button>
              <button type="button" className="fb-btn fb-btn--danger" onClick={() => dialog.resolve(true)}>
                {dialog.confirmLabel}
              </button>
            </>
          }
        >
          <p>{dialog.message}</p>
        </Dialog>
      );
    case 'problems':
      return (
        <Dialog
          title={dialog.title}
          wide
          onCancel={() => dialog.resolve()}
          actions={
            <button
              type="button"
              className="fb-btn fb-btn--primary"
              autoFocus
              onClick={() => dialog.resolve()}
            >
              Close
            </button>
          }
        >
          <p>{dialog.intro}</p>
          <ul className="fb-problem-list" aria-label="Problems">
            {dialog.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </Dialog>
      );
  }
}
