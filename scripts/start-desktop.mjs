#!/usr/bin/env node
// `npm start`: build, make sure an Electron-ABI better-sqlite3 exists, launch Electron.
//
// The Node build of better-sqlite3 in node_modules is what tests and browser mode use,
// so it is never touched: the Electron build goes to its own folder
// (node_modules/.flowbench-electron/…) and reaches the engine through
// FLOWBENCH_SQLITE_BINDING. The Electron binary is checked first, because without it
// nothing else is worth the minute it takes.
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');

/** Thrown for failures the user can act on; printed as one line, without a stack trace. */
class StartError extends Error {}

function fail(message) {
  throw new StartError(message);
}

function readVersion(pkg) {
  return JSON.parse(readFileSync(join(modules, pkg, 'package.json'), 'utf8')).version;
}

/** The first `SomeError: message` line of a child's stderr: the root cause, not the wrapper. */
function firstError(text) {
  const lines = String(text ?? '')
    .split('\n')
    .map((line) => line.trim());
  return lines.find((line) => /^[A-Za-z]*Error: /.test(line)) ?? lines.find(Boolean) ?? 'no output';
}

/**
 * Resolves the Electron binary the way `require('electron')` does (including its
 * download on first use), but in a child process so a failure becomes one clear line
 * instead of a stack trace.
 */
function electronBinary() {
  process.stdout.write('flowbench: looking for the Electron binary (downloaded on first use)…\n');
  // The marker separates the path from whatever the first-use download prints on stdout.
  const probe = spawnSync(
    process.execPath,
    ['-e', "process.stdout.write('\\nELECTRON_PATH=' + require('electron'))"],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  const output = `${probe.stdout ?? ''}\n${probe.stderr ?? ''}`;
  const path = output.match(/^ELECTRON_PATH=(.+)$/m)?.[1]?.trim();
  if (probe.status !== 0 || !path || !existsSync(path)) {
    const downloading = output.includes('Downloading Electron binary');
    const reason = `${downloading ? 'download failed, ' : ''}${firstError(probe.stderr || probe.error?.message)}`;
    fail(`Electron binary not available: ${reason}; use \`npm run web\` for browser mode`);
  }
  return path;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function buildApp() {
  const cli = join(modules, 'electron-vite', 'bin', 'electron-vite.js');
  if (!run(process.execPath, [cli, 'build'])) fail('`electron-vite build` failed (see above)');
}

/** npm's own node-gyp (npm sets npm_config_node_gyp for scripts), else the one npm ships, else npx. */
function nodeGypCommand() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ];
  const script = candidates.find((candidate) => candidate && existsSync(candidate));
  return script ? [process.execPath, [script]] : ['npx', ['--yes', 'node-gyp']];
}

/** Builds (or downloads) better-sqlite3 for Electron in a scratch copy; returns the .node path. */
function ensureElectronSqlite(electronVersion) {
  const sqliteVersion = readVersion('better-sqlite3');
  const tag = `electron-${electronVersion}-better-sqlite3-${sqliteVersion}-${process.platform}-${process.arch}`;
  const target = join(modules, '.flowbench-electron', tag, 'better_sqlite3.node');
  if (existsSync(target)) return target;

  process.stdout.write(
    `flowbench: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…\n`,
  );
  const scratch = mkdtempSync(join(tmpdir(), 'flowbench-sqlite-electron-'));
  try {
    const source = join(modules, 'better-sqlite3');
    for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
      cpSync(join(source, part), join(scratch, part), { recursive: true });
    }
    const electronArgs = ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`];
    const prebuilt = run(
      process.execPath,
      [join(modules, 'prebuild-install', 'bin.js'), ...electronArgs, `--platform=${process.platform}`],
      { cwd: scratch },
    );
    if (!prebuilt) {
      process.stdout.write('flowbench: no prebuilt binary, compiling with node-gyp…\n');
      const [command, prefix] = nodeGypCommand();
      const gypArgs = [
        ...prefix,
        'rebuild',
        '--release',
        ...electronArgs,
        '--dist-url=https://electronjs.org/headers',
      ];
      if (!run(command, gypArgs, { cwd: scratch })) {
        fail(
          `could not build better-sqlite3 for Electron ${electronVersion} (prebuild-install and node-gyp both failed; ` +
            'node-gyp needs a C++ toolchain and network access for the Electron headers)',
        );
      }
    }
    const built = join(scratch, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) fail(`the better-sqlite3 build produced no ${built}`);
    mkdirSync(dirname(target), { recursive: true });
    // Copy then rename, so an interrupted run never leaves a half-written binding behind.
    copyFileSync(built, `${target}.partial`);
    renameSync(`${target}.partial`, target);
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function launch(electronPath, sqliteBinding) {
  const env = { ...process.env, FLOWBENCH_SQLITE_BINDING: sqliteBinding };
  // Inherited from some tools, this would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    process.stderr.write(`\nflowbench: could not start Electron: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

try {
  const electronPath = electronBinary();
  buildApp();
  launch(electronPath, ensureElectronSqlite(readVersion('electron')));
} catch (err) {
  if (!(err instanceof StartError)) throw err;
  process.stderr.write(`\nflowbench: ${err.message}\n`);
  process.exitCode = 1;
}
