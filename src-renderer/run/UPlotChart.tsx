import { useEffect, useLayoutEffect, useRef, type ReactElement } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useThemeStore } from '../app/theme-store';
import { chartTheme } from './chart-colours';

/** One line of a chart. */
export interface ChartSeries {
  label: string;
  /** A CSS colour, or `ink` for the theme's text colour. */
  colour: string;
  dash?: number[];
  width?: number;
}

interface UPlotChartProps {
  /** Read by assistive technology and tests. */
  label: string;
  series: ChartSeries[];
  /** `[times in s, ...one array per series]`. */
  data: uPlot.AlignedData;
  formatY(value: number): string;
}

/**
 * A time chart drawn by uPlot on a canvas that follows its container's size. The chart is
 * rebuilt only when its lines or the theme change; new samples just replace its data.
 */
export function UPlotChart({ label, series, data, formatY }: UPlotChartProps): ReactElement {
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  const formatRef = useRef(formatY);
  // Before the effects below, which create the chart with the latest data and formatter.
  useLayoutEffect(() => {
    dataRef.current = data;
    formatRef.current = formatY;
  });
  const theme = useThemeStore((s) => s.theme);
  const shape = JSON.stringify(series);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const colours = chartTheme();
    const lines: ChartSeries[] = JSON.parse(shape) as ChartSeries[];
    const axis = (): uPlot.Axis => ({
      stroke: colours.muted,
      grid: { stroke: colours.grid, width: 1 },
      ticks: { stroke: colours.grid, width: 1, size: 4 },
      font: '11px system-ui, sans-serif',
    });
    const plot = new uPlot(
      {
        width: Math.max(box.clientWidth, 50),
        height: Math.max(box.clientHeight - 24, 50),
        cursor: { drag: { x: false, y: false } },
        legend: { live: true },
        scales: { y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
        axes: [
          axis(),
          { ...axis(), size: 56, values: (_u, ticks) => ticks.map((t) => formatRef.current(t)) },
        ],
        series: [
          {},
          ...lines.map((l) => ({
            label: l.label,
            stroke: l.colour === 'ink' ? colours.ink : l.colour,
            width: l.width ?? 1.5,
            dash: l.dash,
            points: { show: false },
            value: (_u: uPlot, v: number | null) => (v === null ? '–' : formatRef.current(v)),
          })),
        ],
      },
      dataRef.current,
      box,
    );
    plotRef.current = plot;
    const fit = (): void => {
      const legend = box.querySelector<HTMLElement>('.u-legend')?.offsetHeight ?? 0;
      const width = box.clientWidth;
      const height = box.clientHeight - legend;
      if (width > 0 && height > 40) plot.setSize({ width, height });
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [shape, theme]);

  useEffect(() => {
    plotRef.current?.setData(data);
  }, [data]);

  return <div ref={boxRef} className="fb-chart" role="img" aria-label={label} data-testid="run-chart" />;
}
