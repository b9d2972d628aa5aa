import { useState, type ReactElement } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '@shared/api/message-requests';
import { appInfo } from '../app/api-holder';
import { cancelExport, dismissExport, startExport } from './export-feed';
import { useMessagesStore } from './messages-store';

/**
 * Export the filtered set (JSON, NDJSON or CSV) with progress and Cancel. The desktop asks
 * where in a save dialog; browser mode writes the typed file name into the workspace folder.
 */
export function ExportControl(): ReactElement {
  const job = useMessagesStore((s) => s.exportJob);
  const [format, setFormat] = useState<ExportFormat>('ndjson');
  const [fileName, setFileName] = useState('messages');
  const browserMode = !appInfo().nativeDialogs;
  const running = job?.state === 'running';
  return (
    <span className="fb-msgs__export" data-testid="message-export">
      <select
        className="fb-input"
        aria-label="Export format"
        value={format}
        disabled={running}
        onChange={(e) => setFormat(e.target.value as ExportFormat)}
      >
        {EXPORT_FORMATS.map((f) => (
          <option key={f} value={f}>
            {f.toUpperCase()}
          </option>
        ))}
      </select>
      {browserMode && (
        <input
          className="fb-input"
          aria-label="Export file name"
          title="Written into the workspace folder; an existing file is never replaced"
          value={fileName}
          disabled={running}
          maxLength={200}
          onChange={(e) => setFileName(e.target.value)}
        />
      )}
      <button
        type="button"
        className="fb-btn fb-btn--small"
        disabled={running}
        onClick={() => void startExport(format, fileName)}
      >
        {browserMode ? 'Export filtered' : 'Export filtered…'}
      </button>
      {job && (
        <span role="status" className="fb-msgs__export-status" data-state={job.state}>
          {running && (
            <>
              <progress max={Math.max(job.total, 1)} value={job.written} />
              {job.written.toLocaleString()} / {job.total.toLocaleString()}
              <button
                type="button"
                className="fb-btn fb-btn--ghost fb-btn--small"
                onClick={() => void cancelExport()}
              >
                Cancel
              </button>
            </>
          )}
          {job.state === 'done' && (
            <>
              Exported {job.written.toLocaleString()} to <code className="fb-msgs__mono">{job.path}</code>
              {job.download && (
                <a className="fb-btn fb-btn--ghost fb-btn--small" href={job.download} download>
                  Download
                </a>
              )}
            </>
          )}
          {job.state === 'cancelled' && 'Export cancelled; no file was left.'}
          {job.state === 'failed' && <span className="fb-error-text">{job.error}</span>}
          {!running && (
            <button
              type="button"
              className="fb-btn fb-btn--ghost fb-btn--small"
              aria-label="Dismiss"
              onClick={dismissExport}
            >
              ×
            </button>
          )}
        </span>
      )}
    </span>
  );
}
