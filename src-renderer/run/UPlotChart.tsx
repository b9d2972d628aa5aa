import { useEffect, useLayoutEffect, useRef, type ReactElement } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useThemeStore } from '../app/theme-store';
import { chartTheme, type ChartTheme } from './chart-colours';
import { elapsed } from './run-format';

/** One line of a chart. */
export interface ChartSeries {
  label: string;
  /** `ink` for the theme's text colour, else an index into the theme's line colours. */
  colour: 'ink' | number;
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

const colourOf = (s: ChartSeries, theme: ChartTheme): string =>
  s.colour === 'ink' ? theme.ink : theme.series[s.colour % theme.series.length];

/**
 * A time chart drawn by uPlot on a canvas that follows its box's size, with a compact legend
 * of each line's latest value. The chart is rebuilt only when its lines or the theme change;
 * new samples just replace its data.
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
  const themeName = useThemeStore((s) => s.theme);
  const shape = JSON.stringify(series);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const theme = chartTheme();
    const lines = JSON.parse(shape) as ChartSeries[];
    const axis = (): uPlot.Axis => ({
      stroke: theme.muted,
      grid: { stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.grid, width: 1, size: 3 },
      font: '10px system-ui, sans-serif',
      gap: 3,
    });
    const plot = new uPlot(
      {
        width: Math.max(box.clientWidth, 50),
        height: Math.max(box.clientHeight, 50),
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
        scales: { y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
        axes: [
          // Time into the run reads better than the clock on a narrow chart.
          { ...axis(), size: 22, values: (u, ticks) => ticks.map((t) => elapsed(t - (u.data[0][0] ?? t))) },
          { ...axis(), size: 50, values: (_u, ticks) => ticks.map((t) => formatRef.current(t)) },
        ],
        series: [
          {},
          ...lines.map((l) => ({
            label: l.label,
            stroke: colourOf(l, theme),
            width: l.width ?? 1.5,
            dash: l.dash,
            points: { show: false },
          })),
        ],
      },
      dataRef.current,
      box,
    );
    plotRef.current = plot;
    const fit = (): void => {
      if (box.clientWidth > 0 && box.clientHeight > 30)
        plot.setSize({ width: box.clientWidth, height: box.clientHeight });
    };
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => {
      observer.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [shape, themeName]);

  useEffect(() => {
    plotRef.current?.setData(data);
  }, [data]);

  const theme = chartTheme();
  return (
    <div className="fb-chart" role="img" aria-label={label} data-testid="run-chart">
      <ul className="fb-chart__legend" aria-hidden="true">
        {series.map((s, i) => {
          const values = data[i + 1] as ArrayLike<number | null | undefined> | undefined;
          const last = values && values.length > 0 ? values[values.length - 1] : null;
          return (
            <li key={`${s.label}-${i}`}>
              <svg width="14" height="6" className="fb-chart__swatch">
                <line
                  x1="0"
                  x2="14"
                  y1="3"
                  y2="3"
                  stroke={colourOf(s, theme)}
                  strokeWidth="2"
                  strokeDasharray={s.dash?.join(' ')}
                />
              </svg>
              <span className="fb-chart__name">{s.label}</span>
              <span className="fb-chart__value">
                {last === null || last === undefined ? '–' : formatY(last)}
              </span>
            </li>
          );
        })}
      </ul>
      <div ref={boxRef} className="fb-chart__plot" />
    </div>
  );
}
