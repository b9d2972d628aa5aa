import type { ReactElement } from 'react';
import { useAutosaveStore } from './autosave';
import './file-toolbar.css';

/** A quiet note in the toolbar: unsaved changes are (about to be) kept in the recovery file. */
export function AutosaveStatus(): ReactElement | null {
  const state = useAutosaveStore();
  if (state.phase === 'idle') return null;
  let text: string;
  let title: string;
  if (state.phase === 'pending') {
    text = 'Autosaving…';
    title = 'Unsaved changes are written to the recovery file a second after you stop editing.';
  } else if (state.phase === 'saved') {
    const time = new Date(state.savedAt).toLocaleTimeString();
    text = `Autosaved ${time}`;
    title = 'Unsaved changes are kept in the recovery file; after a crash Flowbench offers to restore them.';
  } else {
    text = 'Autosave failed';
    title = state.message;
  }
  return (
    <span
      className={`fb-autosave fb-autosave--${state.phase}`}
      data-testid="autosave-status"
      data-state={state.phase}
      role="status"
      title={title}
    >
      {text}
    </span>
  );
}
