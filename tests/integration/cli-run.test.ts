import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, readJunit, runCli } from './helpers/cli';

let dir: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'flowbench-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeFlow(name: string, flow: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(flow, null, 2)}\n`);
  return file;
}

/** producer → orders queue → billing consumer, on Embedded; the consumer may fail every delivery. */
function ordersFlow(assertions: unknown[], failEveryDelivery = false): unknown {
  return {
    version: 2,
    name: 'cli orders',
    nodes: [
      { id: 'shop', kind: 'producer', position: { x: 0, y: 0 }, config: { count: 20, rate: 200 } },
      {
        id: 'orders',
        kind: 'rabbitQueue',
        position: { x: 200, y: 0 },
        config: { queue: 'orders', deadLetter: 'orders-dlq', maxDeliveries: 1 },
      },
      { id: 'dlq', kind: 'rabbitQueue', position: { x: 200, y: 200 }, config: { queue: 'orders-dlq' } },
      {
        id: 'billing',
        kind: 'consumer',
        position: { x: 400, y: 0 },
        config: failEveryDelivery
          ? {
              group: 'billing',
              faults: [{ kind: 'error', probability: 1, error: { amqp: { action: 'dead-letter' } } }],
            }
          : { group: 'billing' },
      },
    ],
    edges: [
      { id: 'e1', source: 'shop', target: 'orders' },
      { id: 'e2', source: 'orders', target: 'billing' },
    ],
    assertions,
  };
}

describe('flowbench validate', () => {
  it('accepts a template and exits 0', async () => {
    const res = await runCli(['validate', 'resources/templates/message-queue.flow.json']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('valid ("Message queue');
  });

  it('lists every problem with file, line and column, and exits 1', async () => {
    const file = join(dir, 'bad.flow.json');
    writeFileSync(
      file,
      [
        '{',
        '  "version": 2,',
        '  "name": "bad",',
        '  "nodes": [',
        '    { "id": "t", "kind": "kafkaTopic", "config": { "topic": "has space" } }',
        '  ],',
        '  "edges": [],',
        '  "assertions": [{ "kind": "latencyP99", "node": "ghost", "maxMs": 10 }]',
        '}',
      ].join('\n'),
    );
    const res = await runCli(['validate', file]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`${file}:5:`);
    expect(res.stderr).toContain('config.topic may only contain letters');
    expect(res.stderr).toContain(`${file}:8:`);
    expect(res.stderr).toContain('assertions[0].node: names node "ghost"');
  });

  it('points at the line of broken JSON, and exits 2 for a file that is not there', async () => {
    const file = join(dir, 'broken.flow.json');
    writeFileSync(file, '{\n  "version": 2,\n  "name": \n}\n');
    const broken = await runCli(['validate', file]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(new RegExp(`${file}:4:\\d+: not valid JSON`));

    const missing = await runCli(['validate', join(dir, 'nothing.flow.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });

  it('refuses an unknown option with the usage text and exit 2', async () => {
    const res = await runCli(['run', 'x.flow.json', '--speed', 'fast']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("Unknown option '--speed'");
    expect(res.stderr).toContain('Usage: flowbench');
  });
});

describe('flowbench run', () => {
  it('passes when every assertion holds: exit 0, a JUnit report with no failures, the recording kept', async () => {
    const flow = writeFlow(
      'pass.flow.json',
      ordersFlow([
        { kind: 'delivered', node: 'billing', atLeast: 20 },
        { kind: 'noDeadLetters' },
        { kind: 'latencyP99', node: 'billing', maxMs: 10_000 },
        { kind: 'noErrors' },
      ]),
    );
    const report = join(dir, 'pass.xml');
    const db = join(dir, 'pass.db');
    const res = await runCli(['run', flow, '--report', report, '--db', db]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('stopped (sources finished)');
    expect(res.stdout).toContain('PASS at least 20 messages delivered to billing: 20 delivered');
    expect(res.stdout).toContain('4 passed, 0 failed');
    // Not a TTY: plain lines, no carriage-return live line.
    expect(res.stdout).not.toContain('\r');

    const junit = readJunit(report);
    expect(junit).toMatchObject({ tests: 5, failures: 0 });
    expect(junit.cases.map((c) => c.name)).toEqual([
      'the run starts and stops cleanly',
      'at least 20 messages delivered to billing',
      'no message dead-lettered',
      'p99 latency ≤ 10000 ms at billing',
      'no node ends in error',
    ]);

    const sqlite = new Database(db, { readonly: true });
    try {
      const runs = sqlite.prepare('SELECT flow_name AS name, state FROM runs').all();
      expect(runs).toEqual([{ name: 'cli orders', state: 'stopped' }]);
    } finally {
      sqlite.close();
    }
  });

  it('fails when messages are dead-lettered: exit 1, and the report names the failing assertions', async () => {
    const flow = writeFlow(
      'fail.flow.json',
      ordersFlow(
        [
          { kind: 'noDeadLetters' },
          { kind: 'delivered', node: 'billing', atLeast: 1, name: 'billing sees orders' },
          { kind: 'delivered', node: 'billing', atLeast: 1000 },
        ],
        true,
      ),
    );
    const report = join(dir, 'fail.xml');
    const res = await runCli(['run', flow, '--messages', '10', '--report', report]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('stopped (messages sent)');
    expect(res.stdout).toMatch(/FAIL no message dead-lettered: \d+ message\(s\) dead-lettered into dlq/);
    expect(res.stdout).toContain('1 passed, 2 failed');

    const junit = readJunit(report);
    expect(junit.failures).toBe(2);
    const failed = junit.cases.filter((c) => c.failure !== null).map((c) => c.name);
    expect(failed).toEqual(['no message dead-lettered', 'at least 1000 messages delivered to billing']);
    expect(junit.cases.find((c) => c.name === 'billing sees orders')?.failure).toBeNull();
  });

  it('stops after --duration, and exits 2 naming an environment it does not know', async () => {
    const flow = writeFlow('timed.flow.json', ordersFlow([{ kind: 'noErrors' }]));
    const started = Date.now();
    const timed = await runCli(['run', flow, '--duration', '1s']);
    expect(timed.code).toBe(0);
    expect(timed.stdout).toContain('stopped (duration reached)');
    expect(Date.now() - started).toBeLessThan(30_000);

    const unknownEnv = await runCli(['run', flow, '--env', 'staging']);
    expect(unknownEnv.code).toBe(2);
    expect(unknownEnv.stderr).toContain('no environment "staging"');
  });
});
