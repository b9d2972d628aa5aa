import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { templateFiles } from '../../src-main/engine/templates/template-library';
import { AMQP_URL, KAFKA_BROKERS, uniqueName } from './helpers/brokers';
import { buildCli, readJunit, runCli } from './helpers/cli';
import { deleteFlowBrokerObjects } from './helpers/flow-broker-cleanup';
import { withUniqueBrokerNames } from './helpers/unique-broker-names';

interface TemplateFlow {
  nodes: Array<{ id: string; kind: string; config: Record<string, unknown> }>;
  assertions?: unknown[];
}

let dir: string;
let created: TemplateFlow | undefined;
beforeAll(() => {
  buildCli();
  dir = mkdtempSync(join(tmpdir(), 'flowbench-cli-templates-'));
});
afterEach(async () => {
  if (created) await deleteFlowBrokerObjects(created);
  created = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// What CI users do: `flowbench run` on every template in resources/templates, on the real
// brokers, for a short while; a template added to the folder is covered here at once.
describe.each(templateFiles().map((t) => [t.id, t] as const))(
  'flowbench run on template %s',
  (id, template) => {
    it('runs on the local brokers, delivers messages, ends with no node in error and exits 0', async () => {
      const flow = withUniqueBrokerNames(JSON.parse(template.text) as TemplateFlow, uniqueName('cli'));
      flow.assertions = [{ kind: 'noErrors' }];
      created = flow;
      const file = join(dir, `${id}.flow.json`);
      writeFileSync(file, JSON.stringify(flow));
      const report = join(dir, `${id}.xml`);

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
    });
  },
);
