import { useId, useState, type ReactElement } from 'react';
import {
  EXPORT_BACKGROUNDS,
  EXPORT_FILE_TYPES,
  EXPORT_FORMATS,
  EXPORT_SCALES,
  type ExportBackground,
  type ExportFormat,
} from '@shared/export/export-types';
import { appInfo } from '../app/api-holder';
import { Dialog } from '../app/Dialog';
import { useSelectionStore } from '../canvas/selection-store';
import { useMessagesStore } from '../messages/messages-store';
import { copyExport, currentTheme, defaultExportName, saveExport, suggestedTraceId } from './export-actions';
import {
  choiceProblem,
  COPYABLE_FORMATS,
  DRAWN_FORMATS,
  SCOPED_FORMATS,
  type ExportChoice,
} from './export-choice';
import './export.css';

const BACKGROUND_LABELS: Record<ExportBackground, string> = {
  light: 'Light theme',
  dark: 'Dark theme',
  transparent: 'Transparent',
};

/** File → Export…: format, scope, scale and background, then a file or the clipboard. */
export function ExportDialog({ resolve }: { resolve(): void }): ReactElement {
  const selectedCount = useSelectionStore((s) => s.nodeIds.length);
  const [choice, setChoice] = useState<ExportChoice>(() => ({
    format: 'svg',
    scope: useSelectionStore.getState().nodeIds.length > 0 ? 'selection' : 'flow',
    scale: 2,
    background: currentTheme(),
    traceId: suggestedTraceId(),
    fileName: '',
    useRecorded: true,
  }));
  const hasRun = useMessagesStore((s) => s.runId !== null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const browserMode = !appInfo().nativeDialogs;
  const set = (patch: Partial<ExportChoice>): void => setChoice((c) => ({ ...c, ...patch }));
  const problem = choiceProblem(choice, selectedCount);
  const run = async (action: (c: ExportChoice) => Promise<boolean>): Promise<void> => {
    setBusy(true);
    const done = await action(choice);
    setBusy(false);
    if (done) resolve();
  };
  const drawn = DRAWN_FORMATS.includes(choice.format);

  return (
    <Dialog
      title="Export"
      onCancel={resolve}
      actions={
        <>
          <button type="button" className="fb-btn" onClick={resolve}>
            Cancel
          </button>
          {COPYABLE_FORMATS.includes(choice.format) && (
            <button
              type="button"
              className="fb-btn"
              disabled={busy || problem !== null}
              onClick={() => void run(copyExport)}
            >
              Copy to clipboard
            </button>
          )}
          <button
            type="button"
            className="fb-btn fb-btn--primary"
            disabled={busy || problem !== null}
            onClick={() => void run(saveExport)}
          >
            {browserMode ? 'Export' : 'Export…'}
          </button>
        </>
      }
    >
      <div className="fb-export-form">
        <label className="fb-field__label" htmlFor={`${id}-format`}>
          Format
        </label>
        <select
          id={`${id}-format`}
          className="fb-input"
          value={choice.format}
          autoFocus
          onChange={(e) => set({ format: e.target.value as ExportFormat, fileName: '' })}
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {EXPORT_FILE_TYPES[f].label}
            </option>
          ))}
        </select>

        {SCOPED_FORMATS.includes(choice.format) && (
          <fieldset className="fb-export-form__choices">
            <legend className="fb-field__label">Scope</legend>
            <label>
              <input
                type="radio"
                name={`${id}-scope`}
                checked={choice.scope === 'flow'}
                onChange={() => set({ scope: 'flow' })}
              />{' '}
              Whole flow
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-scope`}
                checked={choice.scope === 'selection'}
                disabled={selectedCount === 0}
                onChange={() => set({ scope: 'selection' })}
              />{' '}
              Selection ({selectedCount} {selectedCount === 1 ? 'node' : 'nodes'})
            </label>
          </fieldset>
        )}

        {choice.format === 'png' && (
          <>
            <label className="fb-field__label" htmlFor={`${id}-scale`}>
              Scale
            </label>
            <select
              id={`${id}-scale`}
              className="fb-input"
              value={choice.scale}
              onChange={(e) => set({ scale: Number(e.target.value) })}
            >
              {EXPORT_SCALES.map((s) => (
                <option key={s} value={s}>
                  {s}x
                </option>
              ))}
            </select>
          </>
        )}

        {drawn && (
          <>
            <label className="fb-field__label" htmlFor={`${id}-background`}>
              Background
            </label>
            <select
              id={`${id}-background`}
              className="fb-input"
              value={choice.background}
              onChange={(e) => set({ background: e.target.value as ExportBackground })}
            >
              {EXPORT_BACKGROUNDS.map((b) => (
                <option key={b} value={b}>
                  {BACKGROUND_LABELS[b]}
                </option>
              ))}
            </select>
          </>
        )}

        {choice.format === 'mermaid-trace' && (
          <>
            <label className="fb-field__label" htmlFor={`${id}-trace`}>
              Trace id
            </label>
            <input
              id={`${id}-trace`}
              className="fb-input fb-input--mono"
              value={choice.traceId}
              spellCheck={false}
              onChange={(e) => set({ traceId: e.target.value })}
            />
          </>
        )}

        {choice.format === 'asyncapi' && hasRun && (
          <label className="fb-export-form__check">
            <input
              type="checkbox"
              checked={choice.useRecorded}
              onChange={(e) => set({ useRecorded: e.target.checked })}
            />{' '}
            Infer payload schemas from the last run’s recorded messages (declared contracts still win)
          </label>
        )}

        {browserMode && (
          <>
            <label className="fb-field__label" htmlFor={`${id}-name`}>
              File name
            </label>
            <input
              id={`${id}-name`}
              className="fb-input"
              value={choice.fileName}
              placeholder={defaultExportName(choice)}
              spellCheck={false}
              onChange={(e) => set({ fileName: e.target.value })}
            />
            <p className="fb-field__hint">
              Written to the workspace flows folder; an existing file is never replaced.
            </p>
          </>
        )}
        {problem && <p className="fb-warn-text">{problem}</p>}
      </div>
    </Dialog>
  );
}
