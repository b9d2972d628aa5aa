import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { templateFiles } from '../../src-main/engine/templates/template-library';
import { AMQP_URL, KAFKA_BROKERS, uniqueName, unusedPort } from './helpers/brokers';
import { buildCli, readJunit, runCli } from './helpers/cli';
import { deleteFlowBrokerObjects } from './helpers/flow-broker-cleanup';
import { withUniqueBrokerNames } from './helpers/unique-broker-names';

interface TemplateFlow {
  nodes: Array<{ id: string; kind: string; config: Record<string, unknown> }>;
  assertions?: unknown[];
}

let dir: string;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'flowbench-cli-templates-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// What CI users do: `flowbench run` on every template in resources/templates, on the real
// brokers, for a short while; a template added to the folder is covered here at once. The
// runs go a few at a time (each mostly waits on its brokers and its 2 s), each with its own
// topics, queues, groups and ports.
describe.concurrent('flowbench run on every template', () => {
  for (const template of templateFiles()) {
    it(`${template.id}: runs on the local brokers, delivers messages, ends with no node in error and exits 0`, async ({
      expect,
    }) => {
      const flow = withUniqueBrokerNames(JSON.parse(template.text) as TemplateFlow, uniqueName('cli'));
      for (const n of flow.nodes) if (typeof n.config.port === 'number') n.config.port = await unusedPort();
      flow.assertions = [{ kind: 'noErrors' }];
      const file = join(dir, `${template.id}.flow.json`);
      writeFileSync(file, JSON.stringify(flow));
      const report = join(dir, `${template.id}.xml`);
      try {
        const res = await runCli(['run', file, '--env', 'local', '--duration', '2s', '--report', report], {
          FLOWBENCH_KAFKA_BROKERS: KAFKA_BROKERS.join(','),
          FLOWBENCH_AMQP_URL: AMQP_URL,
        });
        const stopped = /stopped \([^)]+\): [\d.]+s stopped: (\d+) sent, (\d+) received/.exec(res.stdout);
        expect(stopped, `${res.stdout}\n${res.stderr}`).not.toBeNull();
        expect(Number(stopped?.[2])).toBeGreaterThan(0);
        expect(res.stdout).toContain('PASS no node ends in error');
        expect(res.code, res.stderr).toBe(0);
        expect(readJunit(report)).toMatchObject({ tests: 2, failures: 0 });
      } finally {
        await deleteFlowBrokerObjects(flow);
      }
    });
  }
});
