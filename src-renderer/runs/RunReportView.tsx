import { useEffect, useState, type ReactElement } from 'react';
import type { RunReport } from '@shared/api/runs-requests';
import { api, errorText } from '../app/api-holder';
import { useNodeNames } from '../canvas/useNodeNames';
import { formatMs } from '../run/run-format';

/** One run's summary: duration, messages, errors, and p50 and p99 per node. */
export function RunReportView({ runId }: { runId: string }): ReactElement {
  const [loaded, setLoaded] = useState<{ runId: string; report: RunReport | null; error: string | null }>();
  const names = useNodeNames();
  useEffect(() => {
    let live = true;
    const request = api()['runs.report'];
    request({ runId })
      .then((report) => {
        if (live) setLoaded({ runId, report, error: report ? null : 'This run is no longer recorded.' });
      })
      .catch((err: unknown) => {
        if (live) setLoaded({ runId, report: null, error: errorText(err) });
      });
    return () => {
      live = false;
    };
  }, [runId]);
  const current = loaded?.runId === runId ? loaded : undefined;
  const report = current?.report;
  const error = current?.error;
  if (error)
    return (
      <p role="alert" className="fb-error-text">
        {error}
      </p>
    );
  if (!report) return <p className="fb-muted">Loading…</p>;
  return (
    <div className="fb-runs__report" data-testid="run-report">
      <p>
        <strong>{report.run.flowName}</strong> on {report.run.environment} · {formatMs(report.durationMs)} ·{' '}
        {report.run.messageCount.toLocaleString()} messages · {report.errors} errors
      </p>
      <table className="fb-runs__table">
        <thead>
          <tr>
            <th>Node</th>
            <th>Events</th>
            <th>Errors</th>
            <th>p50</th>
            <th>p99</th>
          </tr>
        </thead>
        <tbody>
          {report.nodes.map((n) => (
            <tr key={n.nodeId}>
              <td>{names[n.nodeId] ?? n.nodeId}</td>
              <td>{n.spans.toLocaleString()}</td>
              <td>{n.errors}</td>
              <td>{formatMs(n.p50Ms)}</td>
              <td>{formatMs(n.p99Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
