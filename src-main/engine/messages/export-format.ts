import type { ExportFormat } from '@shared/api/message-requests';
import type { ExportedMessage } from '../../store/message-export-rows';

/**
 * Text of an export file, piece by piece, so a writer can stream any number of rows:
 * `head(format)`, then `record(format, row, i)` per row, then `tail(format)`.
 */

export const CSV_COLUMNS = [
  'id',
  'time',
  'run',
  'node',
  'transport',
  'destination',
  'partition',
  'key',
  'size',
  'status',
  'traceId',
  'headers',
  'payloadEncoding',
  'payload',
] as const;

/**
 * One CSV cell (RFC 4180 quoting). Text a spreadsheet would run as a formula (leading =, +,
 * -, @, tab or CR) gets a leading apostrophe: payloads come from brokers and are untrusted.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The export row as a plain object, fields in a stable order (JSON and NDJSON). */
function asJson(m: ExportedMessage): Record<string, unknown> {
  return {
    id: m.id,
    time: new Date(m.ts).toISOString(),
    ts: m.ts,
    runId: m.runId,
    nodeId: m.nodeId,
    transport: m.transport,
    destination: m.destination,
    partition: m.partition,
    key: m.key,
    size: m.size,
    statuses: m.statuses,
    traceId: m.traceId,
    headers: m.headers,
    payloadEncoding: m.payloadEncoding,
    payload: m.payload,
  };
}

export function head(format: ExportFormat): string {
  if (format === 'json') return '[';
  if (format === 'csv') return `${CSV_COLUMNS.join(',')}\r\n`;
  return '';
}

/** One row; `index` is its place in the file (JSON needs commas between rows). */
export function record(format: ExportFormat, m: ExportedMessage, index: number): string {
  if (format === 'ndjson') return `${JSON.stringify(asJson(m))}\n`;
  if (format === 'json') return `${index === 0 ? '\n' : ',\n'}${JSON.stringify(asJson(m))}`;
  const cells = [
    m.id,
    new Date(m.ts).toISOString(),
    m.runId,
    m.nodeId,
    m.transport,
    m.destination,
    m.partition,
    m.key,
    m.size,
    m.statuses.join(' '),
    m.traceId,
    JSON.stringify(m.headers),
    m.payloadEncoding,
    m.payload,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function tail(format: ExportFormat, rows: number): string {
  if (format === 'json') return rows === 0 ? ']\n' : '\n]\n';
  return '';
}
