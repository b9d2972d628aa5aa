import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import type { ExportProgress } from '@shared/api/message-requests';
import { sendText } from './static-files';

/** URL prefix of a finished export's download; the rest is a random id. */
export const DOWNLOAD_PREFIX = '/downloads/';
/** Only the latest few exports stay downloadable. */
const MAX_OFFERS = 20;

interface Offer {
  path: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

/**
 * Browser mode's downloads of finished message exports. Only files the server itself just
 * wrote are offered, each under an unguessable id, and only while the file is unchanged
 * (same inode, size and time); the token check in front of every HTTP request still applies.
 */
export interface ExportDownloads {
  /** Makes `path` downloadable; returns its URL path, or undefined when the file is not there. */
  offer(path: string): Promise<string | undefined>;
  /** Answers a `DOWNLOAD_PREFIX` request: the file as an attachment, or 404. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
}

export function createExportDownloads(): ExportDownloads {
  const offers = new Map<string, Offer>();
  return {
    async offer(path) {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) return undefined;
      const id = randomBytes(16).toString('hex');
      offers.set(id, { path, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs });
      while (offers.size > MAX_OFFERS) offers.delete(offers.keys().next().value as string);
      return `${DOWNLOAD_PREFIX}${id}`;
    },
    async serve(req, res, pathname) {
      const offer = offers.get(pathname.slice(DOWNLOAD_PREFIX.length));
      const info = offer ? await stat(offer.path).catch(() => null) : null;
      const unchanged =
        offer &&
        info?.isFile() &&
        info.ino === offer.ino &&
        info.size === offer.size &&
        info.mtimeMs === offer.mtimeMs;
      if (!offer || !unchanged) {
        sendText(res, 404, 'Not found: that export is no longer offered.');
        return;
      }
      const name = basename(offer.path);
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Content-Length', String(offer.size));
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      const stream = createReadStream(offer.path);
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    },
  };
}

/** A finished export's progress with its download added (other progress passes unchanged). */
export async function withDownload(downloads: ExportDownloads, p: ExportProgress): Promise<ExportProgress> {
  if (p.state !== 'done' || !p.path) return p;
  const download = await downloads.offer(p.path);
  return download ? { ...p, download } : p;
}
