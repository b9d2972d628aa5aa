import { describe, expect, it } from 'vitest';
import { exportTestFlow, SAMPLE_TRACE } from './export-test-flow';
import type { TraceEvent } from '../trace/events';
import { traceToMermaid } from './mermaid-trace';

describe('traceToMermaid', () => {
  const text = traceToMermaid([...SAMPLE_TRACE].reverse(), exportTestFlow());
  const lines = text.trim().split('\n');

  it('declares a participant per node, named as in the flow', () => {
    expect(lines[0]).toBe('sequenceDiagram');
    expect(lines).toContain('  participant p_prod as orders #lt;in#gt;');
    expect(lines).toContain('  participant p_worker as end');
    expect(lines).toContain('  participant p_svc as svc');
  });

  it('draws the sequence model of the Trace tab: arrows from the parent span, notes where a trace starts or stays', () => {
    const body = lines.filter(
      (l) => !l.includes('participant') && !l.includes('title') && l !== 'sequenceDiagram',
    );
    expect(body).toEqual([
      '  Note over p_prod: produce orders',
      '  p_prod->>p_worker: deliver billing',
      '  p_prod-xp_worker: nack: boom#59; #lt;b#gt;#35;1#lt;/b#gt;',
      '  p_worker->>p_svc: call POST /pay',
      '  Note over p_svc: respond POST /pay 1.3 ms',
      '  p_gw-->>p_svc: respond POST /pay',
    ]);
  });

  it('never draws a hop before the hop that caused it, even when its clock says so', () => {
    const [produce, deliver] = SAMPLE_TRACE;
    const early = [
      { ...(deliver as TraceEvent), ts: 0 },
      { ...(produce as TraceEvent), ts: 5 },
    ];
    const text = traceToMermaid(early);
    expect(text.indexOf(': produce orders')).toBeLessThan(text.indexOf(': deliver billing'));
  });

  it('refuses an empty trace', () => {
    expect(() => traceToMermaid([])).toThrow(/no events/);
  });
});
