import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExportProgress } from '@shared/api/message-requests';
import type { EmitEvent } from '../engine/api/dispatch';
import { createEngine } from '../engine/engine';
import { createBrowserHostHandlers } from '../host/browser-host-handlers';
import { flowsDirOf, resolveDataDir } from '../host/data-dir';
import { ensureFlowsDir } from '../host/workspace-files';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { createExportDownloads, withDownload } from './export-downloads';
import { parseServerArgs, SERVER_USAGE, type ServerArgs } from './server-args';

/*
 * Browser mode entry (`node out/main/server.js`): the engine behind an HTTP/WebSocket
 * server on 127.0.0.1. Prints exactly one `Flowbench browser mode: <url>` line, which
 * users open and e2e tests parse.
 */

const SHUTDOWN_TIMEOUT_MS = 10_000;

function fail(message: string): never {
  process.stderr.write(`flowbench server: ${message}\n`);
  process.exit(1);
}

async function main(args: ServerArgs): Promise<void> {
  // Built as out/main/server.js, so the renderer is its sibling folder.
  const rendererDir = args.rendererDir ? resolve(args.rendererDir) : join(__dirname, '../renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    fail(`no built renderer at ${rendererDir} (run \`npm run build\` first)`);
  }
  const data = resolveDataDir({ explicit: args.dataDir });
  await ensureFlowsDir(flowsDirOf(data.dir));

  let server: BrowserServer | undefined;
  // The engine exists before the server it pushes to; events before listening have no audience.
  const downloads = createExportDownloads();
  const emit: EmitEvent = (event, payload) => {
    // A finished message export is offered for download (the file was just written here).
    if (event === 'messages.exportProgress') {
      void withDownload(downloads, payload as ExportProgress).then((p) =>
        server?.emit('messages.exportProgress', p),
      );
      return;
    }
    server?.emit(event, payload);
  };
  const engine = await createEngine({ dataDir: data.dir, emit });
  try {
    server = await startBrowserServer({
      port: args.port,
      rendererDir,
      downloads,
      handlers: { ...engine.handlers, ...createBrowserHostHandlers(data.dir) },
    });
  } catch (err) {
    await engine.close();
    throw err;
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1); // a second Ctrl+C means "now"
    stopping = true;
    process.stderr.write(`flowbench server: ${signal}, stopping\n`);
    setTimeout(() => fail('shutdown timed out'), SHUTDOWN_TIMEOUT_MS).unref();
    // The server goes first so no request reaches an engine that is closing.
    void (async () => {
      await server?.close().catch(() => undefined);
      await engine
        .close()
        .catch((err: unknown) => process.stderr.write(`flowbench server: ${String(err)}\n`));
      process.exit(0);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stdout.write(
    `Flowbench data folder: ${data.dir} (from ${data.source}); flows in ${flowsDirOf(data.dir)}\n`,
  );
  process.stdout.write(`Flowbench browser mode: ${server.url}\n`);
}

let parsed: ServerArgs;
try {
  parsed = parseServerArgs(process.argv.slice(2));
} catch (err) {
  fail(`${err instanceof Error ? err.message : String(err)}\n${SERVER_USAGE}`);
}
if (parsed.help) {
  process.stdout.write(SERVER_USAGE);
} else {
  main(parsed).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
}
