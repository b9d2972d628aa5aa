/** Command-line options of `node out/main/server.js`. */
export interface ServerArgs {
  /** 0 picks a free port. */
  port: number;
  dataDir?: string;
  /** Overrides the built renderer folder (for development and tests). */
  rendererDir?: string;
  help: boolean;
}

/** The text printed for `--help`. */
export const SERVER_USAGE = `Usage: node out/main/server.js [--port N] [--data-dir DIR]

Serves Flowbench to a browser on 127.0.0.1 only, behind a per-launch token.
  --port N          listen on port N (default: a free port)
  --data-dir DIR    workspace data folder (default: $FLOWBENCH_DATA_DIR,
                    else $XDG_DATA_HOME/flowbench, else ~/.local/share/flowbench)
  --renderer-dir D  serve the renderer from D instead of out/renderer
`;

/**
 * Parses `--port N`, `--data-dir DIR`, `--renderer-dir DIR` (also `--name=value`) and
 * `--help`. Throws an Error with a user-facing message on anything unknown or invalid.
 */
export function parseServerArgs(argv: readonly string[]): ServerArgs {
  const args: ServerArgs = { port: 0, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      args.help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const takeValue = (): string => {
      const value = eq === -1 ? argv[(i += 1)] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new Error(`${name} needs a value`);
      return value;
    };
    if (name === '--port') {
      const text = takeValue();
      const port = Number(text);
      if (!/^\d+$/.test(text) || port > 65535) throw new Error(`--port must be 0–65535, got ${text}`);
      args.port = port;
    } else if (name === '--data-dir') {
      args.dataDir = takeValue();
    } else if (name === '--renderer-dir') {
      args.rendererDir = takeValue();
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  return args;
}
