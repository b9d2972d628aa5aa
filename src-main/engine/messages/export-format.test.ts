import { describe, expect, it } from 'vitest';
import type { ExportedMessage } from '../../store/message-export-rows';
import { csvCell, head, record, tail } from './export-format';

const row = (over: Partial<ExportedMessage> = {}): ExportedMessage => ({
  id: 7,
  ts: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
  runId: 'run-1',
  nodeId: 'producer',
  transport: 'kafka',
  destination: 'orders',
  partition: 2,
  key: 'k1',
  size: 12,
  traceId: 'a'.repeat(32),
  statuses: ['acked', 'nacked'],
  headers: { tenant: 't1' },
  payloadEncoding: 'utf8',
  payload: '{"order":1}',
  ...over,
});

const file = (format: 'json' | 'ndjson' | 'csv', rows: ExportedMessage[]): string =>
  head(format) + rows.map((r, i) => record(format, r, i)).join('') + tail(format, rows.length);

describe('export formats', () => {
  it('JSON is one parseable array, empty or not', () => {
    expect(JSON.parse(file('json', []))).toEqual([]);
    const parsed = JSON.parse(file('json', [row(), row({ id: 8 })])) as Array<{ id: number; time: string }>;
    expect(parsed.map((r) => r.id)).toEqual([7, 8]);
    expect(parsed[0].time).toBe('2026-01-02T03:04:05.006Z');
  });

  it('NDJSON is one JSON object per line, payload kept as text', () => {
    const lines = file('ndjson', [row(), row({ payload: 'line\nbreak' })])
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect((JSON.parse(lines[1]) as { payload: string }).payload).toBe('line\nbreak');
  });

  it('CSV quotes commas, quotes and newlines, and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
    const text = file('csv', [row({ key: null, partition: null })]);
    const [header, line] = text.split('\r\n');
    expect(header.split(',')).toContain('payload');
    expect(line).toBe(
      `7,2026-01-02T03:04:05.006Z,run-1,producer,kafka,orders,,,12,acked nacked,${'a'.repeat(32)},"{""tenant"":""t1""}",utf8,"{""order"":1}"`,
    );
  });
});
