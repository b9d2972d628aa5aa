import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type uPlot from 'uplot';
import type { RunReport } from '@shared/api/runs-requests';
import { bucketWidth } from '@shared/trace/run-timeline';
import { api, errorText } from '../app/api-holder';
import { formatMs, formatRate } from '../run/run-format';
import { UPlotChart, type ChartSeries } from '../run/UPlotChart';
import { useRunsStore } from './runs-store';

/** Both runs' series on one time axis (seconds since each run started), gaps where one ended. */
export function alignSeries(
  a: RunReport,
  b: RunReport,
  pick: (r: RunReport) => ReadonlyArray<number | null>,
): uPlot.AlignedData {
  const xs = pick(a);
  const ys = pick(b);
  const n = Math.max(xs.length, ys.length);
  const step = a.series.bucketMs / 1000;
  const t = Array.from({ length: n }, (_, i) => i * step);
  const col = (v: ReadonlyArray<number | null>): Array<number | null> =>
    Array.from({ length: n }, (_, i) => v[i] ?? null);
  return [t, col(xs), col(ys)] as unknown as uPlot.AlignedData;
}

/** Two runs side by side: their totals, and throughput and latency plotted on the same axes. */
export function RunCompare({ ids }: { ids: [string, string] }): ReactElement {
  const runs = useRunsStore((s) => s.runs);
  const [reports, setReports] = useState<[RunReport, RunReport] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [a, b] = ids;
  useEffect(() => {
    let live = true;
    const dur = (id: string): number => {
      const r = runs.find((x) => x.id === id);
      return r ? (r.endedAt ?? Date.now()) - r.startedAt : 0;
    };
    // One bucket width for both, so a point means the same stretch of time on each line.
    const bucketMs = Math.max(100, bucketWidth(Math.max(dur(a), dur(b)), 120));
    Promise.all([api()['runs.report']({ runId: a, bucketMs }), api()['runs.report']({ runId: b, bucketMs })])
      .then(([ra, rb]) => {
        if (!live) return;
        if (!ra || !rb) setError('One of these runs is no longer recorded.');
        else setReports([ra, rb]);
      })
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [a, b, runs]);
  const series: ChartSeries[] = useMemo(
    () => [
      { label: `A ${a.slice(0, 8)}`, colour: 0 },
      { label: `B ${b.slice(0, 8)}`, colour: 1, dash: [5, 3] },
    ],
    [a, b],
  );
  const throughput = useMemo(
    () => reports && alignSeries(reports[0], reports[1], (r) => r.series.throughput),
    [reports],
  );
  const latency = useMemo(
    () => reports && alignSeries(reports[0], reports[1], (r) => r.series.latencyP50),
    [reports],
  );
  if (error)
    return (
      <p role="alert" className="fb-error-text">
        {error}
      </p>
    );
  if (!reports || !throughput || !latency) return <p className="fb-muted">Loading both runs…</p>;
  return (
    <div className="fb-compare" data-testid="run-compare">
      <table className="fb-runs__table">
        <thead>
          <tr>
            <th />
            <th>Run</th>
            <th>Duration</th>
            <th>Messages</th>
            <th>Errors</th>
            <th>Peak msg/s</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r, i) => (
            <tr key={r.run.id}>
              <td>{i === 0 ? 'A' : 'B'}</td>
              <td className="fb-runs__mono">{r.run.id.slice(0, 8)}</td>
              <td>{formatMs(r.durationMs)}</td>
              <td>{r.run.messageCount.toLocaleString()}</td>
              <td>{r.errors}</td>
              <td>{formatRate(Math.max(0, ...r.series.throughput))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="fb-compare__charts">
        <figure>
          <figcaption>Throughput (msg/s)</figcaption>
          <div className="fb-compare__chart">
            <UPlotChart
              label="Throughput of both runs"
              series={series}
              data={throughput}
              formatY={formatRate}
            />
          </div>
        </figure>
        <figure>
          <figcaption>Delivery latency p50</figcaption>
          <div className="fb-compare__chart">
            <UPlotChart
              label="Latency of both runs"
              series={series}
              data={latency}
              formatY={(v) => formatMs(v)}
            />
          </div>
        </figure>
      </div>
    </div>
  );
}
