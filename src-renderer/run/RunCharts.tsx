import { useMemo, type ReactElement } from 'react';
import type uPlot from 'uplot';
import { useNodeNames } from '../canvas/useNodeNames';
import { formatMs, formatRate } from './run-format';
import { p50Key, p99Key, rateKey, TOTAL_KEY } from './run-series';
import { runSeries, useSeriesVersion } from './series-store';
import { UPlotChart, type ChartSeries } from './UPlotChart';

/** How many of the busiest nodes the throughput chart draws besides the total. */
const TOP_NODES = 5;

const asData = (cols: ReadonlyArray<readonly (number | null)[]>): uPlot.AlignedData =>
  cols.map((c) => [...c]) as unknown as uPlot.AlignedData;

/** Messages per second over the run: what all sources send together, and the busiest nodes. */
export function ThroughputChart(): ReactElement {
  const version = useSeriesVersion((s) => s.version);
  const names = useNodeNames();
  const top = useMemo(() => {
    void version;
    // Ranked over the whole run, so the lines do not swap places every second.
    return runSeries.busiest(TOP_NODES, runSeries.history.length);
  }, [version]);
  const series: ChartSeries[] = useMemo(
    () => [
      { label: 'all sources', colour: 'ink', dash: [4, 3], width: 1.5 },
      ...top.map((id, i) => ({ label: names[id] ?? id, colour: i })),
    ],
    [top, names],
  );
  const data = useMemo(() => {
    void version;
    const h = runSeries.history;
    return asData([h.timeline(), h.column(TOTAL_KEY), ...top.map((id) => h.column(rateKey(id)))]);
  }, [version, top]);
  return (
    <ChartBox title="Throughput" unit="msg/s">
      {data[0].length < 2 ? (
        <EmptyChart />
      ) : (
        <UPlotChart label="Throughput over time" series={series} data={data} formatY={formatRate} />
      )}
    </ChartBox>
  );
}

/** p50 and p99 latency of one node over the run (as the engine reports them: since the start). */
export function LatencyChart({ nodeId }: { nodeId: string | null }): ReactElement {
  const version = useSeriesVersion((s) => s.version);
  const names = useNodeNames();
  const series: ChartSeries[] = useMemo(
    () => [
      { label: 'p50', colour: 0, width: 1.75 },
      { label: 'p99', colour: 1, width: 1.5, dash: [5, 3] },
    ],
    [],
  );
  const data = useMemo(() => {
    void version;
    const h = runSeries.history;
    const id = nodeId ?? '';
    return asData([h.timeline(), h.column(p50Key(id)), h.column(p99Key(id))]);
  }, [version, nodeId]);
  const unit = nodeId ? `${names[nodeId] ?? nodeId} · over the run so far` : 'p50 · p99';
  return (
    <ChartBox title="Latency" unit={unit}>
      {data[0].length < 2 ? (
        <EmptyChart />
      ) : (
        <UPlotChart label="Latency over time" series={series} data={data} formatY={formatMs} />
      )}
    </ChartBox>
  );
}

function EmptyChart(): ReactElement {
  return <p className="fb-runp__empty">Fills in once a second while a run goes.</p>;
}

/** A titled frame for one chart of the run panel. */
export function ChartBox({
  title,
  unit,
  extra,
  children,
}: {
  title: string;
  unit?: string;
  extra?: ReactElement;
  children: ReactElement;
}): ReactElement {
  return (
    <section className="fb-runp__box" aria-label={title}>
      <header className="fb-runp__box-head">
        <h3>{title}</h3>
        {unit && <span className="fb-runp__unit">{unit}</span>}
        {extra}
      </header>
      <div className="fb-runp__box-body">{children}</div>
    </section>
  );
}
