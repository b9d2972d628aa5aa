import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { connect } from 'amqplib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importDocument } from '../../src-main/import/import-document';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { buildCli, runCli } from './helpers/cli';

const BROKERS = { FLOWBENCH_KAFKA_BROKERS: KAFKA_BROKERS.join(','), FLOWBENCH_AMQP_URL: AMQP_URL };
const TEMPLATE = 'resources/templates/publish-subscribe.flow.json';

let dir: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'flowbench-cli-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('flowbench export', () => {
  it('writes a PNG at the asked scale (real PNG bytes, twice the 1x width at 2x)', async () => {
    const one = join(dir, 'one.png');
    const two = join(dir, 'two.png');
    expect((await runCli(['export', TEMPLATE, '--format', 'png', '--out', one])).code).toBe(0);
    expect((await runCli(['export', TEMPLATE, '--format', 'png', '--scale', '2', '--out', two])).code).toBe(
      0,
    );
    const width = (file: string): number => readFileSync(file).readUInt32BE(16);
    expect(readFileSync(one).subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(width(two)).toBe(width(one) * 2);
  });

  it('writes SVG, Mermaid, compose and the flow file; SVG is well-formed XML', async () => {
    for (const format of ['svg', 'mermaid', 'compose', 'flow']) {
      const out = join(dir, `export.${format}`);
      const res = await runCli(['export', TEMPLATE, '--format', format, '--out', out]);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain(`${format} export of`);
    }
    const xml = spawnSync(
      'python3',
      [
        '-c',
        'import sys,xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).getroot().tag)',
        join(dir, 'export.svg'),
      ],
      { encoding: 'utf8' },
    );
    expect(xml.stdout.trim()).toBe('{http://www.w3.org/2000/svg}svg');
    expect(readFileSync(join(dir, 'export.mermaid'), 'utf8')).toContain('flowchart LR');
    const compose = parseYaml(readFileSync(join(dir, 'export.compose'), 'utf8')) as { services: object };
    expect(Object.keys(compose.services).length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, 'export.flow'), 'utf8'))).toMatchObject({ version: 2 });
  });

  it('prints AsyncAPI to stdout that the official parser accepts and that imports back without loss', async () => {
    const res = await runCli(['export', TEMPLATE, '--format', 'asyncapi', '--out', '-'], BROKERS);
    expect(res.code).toBe(0);
    const { diagnostics } = await new Parser().parse(res.stdout);
    expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);

    // Template → AsyncAPI → flow: every topic, queue and exchange of the template comes back.
    const template = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as {
      nodes: Array<{ kind: string; config: Record<string, string> }>;
    };
    const names = (
      nodes: Array<{ kind: string; config: Record<string, unknown> }>,
      kind: string,
      field: string,
    ): string[] =>
      nodes
        .filter((n) => n.kind === kind)
        .map((n) => String(n.config[field]))
        .sort();
    const back = await importDocument(res.stdout);
    if (!back.ok) throw new Error(JSON.stringify(back.error));
    const flow = JSON.parse(back.text) as typeof template;
    expect(names(flow.nodes, 'kafkaTopic', 'topic')).toEqual(names(template.nodes, 'kafkaTopic', 'topic'));
    expect(names(flow.nodes, 'rabbitExchange', 'exchange')).toEqual(
      names(template.nodes, 'rabbitExchange', 'exchange'),
    );
    expect(names(flow.nodes, 'rabbitQueue', 'queue')).toEqual(
      expect.arrayContaining(names(template.nodes, 'rabbitQueue', 'queue')) as unknown as string[],
    );
  });

  it('refuses an unknown format with exit 2', async () => {
    const res = await runCli(['export', TEMPLATE, '--format', 'pdf']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--format must be one of png, svg, mermaid, asyncapi, compose, flow');
  });
});

describe('flowbench replay', () => {
  it('sends a recorded run again to its queue, recorded and linked in the same database', async () => {
    const queue = uniqueName('cli-replay');
    const flowFile = join(dir, 'replay.flow.json');
    writeFileSync(
      flowFile,
      JSON.stringify({
        version: 2,
        name: 'replay source',
        nodes: [
          { id: 'p', kind: 'producer', config: { count: 5, rate: 100 } },
          { id: 'q', kind: 'rabbitQueue', config: { queue } },
          { id: 'c', kind: 'consumer', config: { group: 'c' } },
        ],
        edges: [
          { id: 'e1', source: 'p', target: 'q' },
          { id: 'e2', source: 'q', target: 'c' },
        ],
      }),
    );
    const db = join(dir, 'replay.db');
    const conn = await connect(AMQP_URL);
    const ch = await conn.createChannel();
    try {
      const ran = await runCli(['run', flowFile, '--env', 'local', '--db', db], BROKERS);
      expect(ran.code, ran.stderr).toBe(0);

      const dry = await runCli(['replay', '--db', db, '--dry-run'], BROKERS);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain(`#1 → amqp queue ${queue}`);
      expect(dry.stdout).toContain('5 message(s) would be sent; nothing was sent');
      expect((await ch.checkQueue(queue)).messageCount).toBe(0);

      // The consumer is gone with the run, so the replayed messages wait in the queue.
      const replayed = await runCli(['replay', '--db', db, '--pace', 'rate:100'], BROKERS);
      expect(replayed.code, replayed.stderr).toBe(0);
      expect(replayed.stdout).toContain('done: 5 of 5 sent, 0 failed');
      expect((await ch.checkQueue(queue)).messageCount).toBe(5);

      const sqlite = new Database(db, { readonly: true });
      try {
        expect(sqlite.prepare("SELECT state, sent FROM replays WHERE kind = 'replay'").all()).toEqual([
          { state: 'done', sent: 5 },
        ]);
      } finally {
        sqlite.close();
      }

      const unroutable = await runCli(['replay', '--db', db, '--to', `queue:${queue}-missing`], BROKERS);
      expect(unroutable.code).toBe(1);
      expect(unroutable.stdout).toContain('0 of 5 sent, 5 failed');
    } finally {
      await ch.deleteQueue(queue).catch(() => undefined);
      await conn.close();
    }
  });

  it('needs --db and names a bad target', async () => {
    const noDb = await runCli(['replay']);
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('replay needs --db');
    const db = join(dir, 'replay.db');
    const badTarget = await runCli(['replay', '--db', db, '--to', 'smtp:x']);
    expect(badTarget.code).toBe(2);
    expect(badTarget.stderr).toContain('--to must be original, kafka:<topic>');
  });
});
