import { randomBytes, randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ExportFormat, ExportProgress } from '@shared/api/message-requests';
import type { MessageFilter } from '@shared/trace/message-filter';
import type { MessageExportReader } from '../../store/message-export-rows';
import { head, record, tail } from './export-format';
import { placeExportFile, type MessageExportTarget } from './export-target';

/** Rows read per chunk: one chunk's text (≤ a few MB for ordinary payloads) is all that is held. */
const CHUNK_ROWS = 1000;
const PROGRESS_EVERY_MS = 250;

export interface ExportJob {
  exportId: string;
  total: number;
  /** Settles when the export ends, however it ends (never rejects). */
  finished: Promise<ExportProgress>;
  cancel(): void;
}

/**
 * Writes every message matching `filter` to `target`, newest first, streamed: rows come
 * from SQLite a chunk at a time and go to a hidden temp file beside the target, which is
 * flushed and moved into place only when complete (see `placeExportFile`). Cancel or failure deletes the temp file, so no
 * partial export is ever left under the final name.
 */
export function startExport(options: {
  reader: MessageExportReader;
  target: MessageExportTarget;
  filter: MessageFilter;
  format: ExportFormat;
  onProgress: (p: ExportProgress) => void;
}): ExportJob {
  const { reader, target, filter, format, onProgress } = options;
  const exportId = randomUUID();
  const total = reader.count(filter);
  let cancelled = false;
  let written = 0;
  let lastProgress = 0;
  const progress = (p: Partial<ExportProgress> & Pick<ExportProgress, 'state'>): ExportProgress => {
    const full: ExportProgress = { exportId, written, total, ...p };
    onProgress(full);
    return full;
  };

  const run = async (): Promise<ExportProgress> => {
    const temp = join(
      dirname(target.path),
      `.${basename(target.path)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    const handle = await open(temp, 'wx', 0o644);
    let closed = false;
    try {
      await handle.write(head(format));
      let before = Number.MAX_SAFE_INTEGER;
      for (;;) {
        if (cancelled) break;
        let text = '';
        let n = 0;
        let lastId = before;
        for (const row of reader.chunk(filter, before, CHUNK_ROWS)) {
          text += record(format, row, written + n);
          n++;
          lastId = row.id;
        }
        if (n > 0) await handle.write(text);
        written += n;
        before = lastId;
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          progress({ state: 'running' });
        }
        if (n < CHUNK_ROWS) break;
        // Lets other requests (and Cancel) in between chunks.
        await new Promise((r) => setImmediate(r));
      }
      if (cancelled) {
        await handle.close();
        closed = true;
        await unlink(temp);
        return progress({ state: 'cancelled' });
      }
      await handle.write(tail(format, written));
      await handle.sync();
      await handle.close();
      closed = true;
      const path = await placeExportFile(temp, target, rename);
      return progress({ state: 'done', path });
    } catch (err) {
      if (!closed) await handle.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      return progress({
        state: 'failed',
        error: `export failed: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  };

  return {
    exportId,
    total,
    finished: run().catch((err: unknown) =>
      progress({
        state: 'failed',
        error: `export failed: ${err instanceof Error ? err.message : String(err)}`,
      }),
    ),
    cancel() {
      cancelled = true;
    },
  };
}
