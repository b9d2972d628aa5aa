import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
/** The built CLI, exactly what `npm run flowbench` and the `bin` entry run. */
export const CLI = join(ROOT, 'out/cli/flowbench.js');

/** Builds the CLI bundle (vite, about 5 s) so the tests spawn what users run, from current sources. */
export function buildCli(): void {
  const res = spawnSync('npx', ['vite', 'build', '-c', 'cli.vite.config.ts', '--logLevel', 'error'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (res.status !== 0 || !existsSync(CLI)) {
    throw new Error(`building the CLI failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `node out/cli/flowbench.js …` with no TTY (as in CI); resolves when it exits. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<CliResult> {
  return new Promise((resolveResult, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`flowbench ${args.join(' ')} did not exit in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveResult({ code, stdout, stderr });
    });
  });
}

/** A JUnit report as CI servers read it: parsed by Python's XML parser, a strict third party. */
export interface JunitCases {
  tests: number;
  failures: number;
  cases: Array<{ name: string; failure: string | null }>;
}

export function readJunit(file: string): JunitCases {
  const script = [
    'import json, sys, xml.etree.ElementTree as ET',
    'root = ET.parse(sys.argv[1]).getroot()',
    'cases = [{"name": c.get("name"), "failure": (c.find("failure").get("message") if c.find("failure") is not None else None)} for c in root.iter("testcase")]',
    'print(json.dumps({"tests": int(root.get("tests")), "failures": int(root.get("failures")), "cases": cases}))',
  ].join('\n');
  const res = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`the JUnit report does not parse: ${res.stderr}`);
  return JSON.parse(res.stdout) as JunitCases;
}
