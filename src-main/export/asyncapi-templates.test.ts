import { Parser } from '@asyncapi/parser';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowToAsyncApiYaml } from '@shared/export/asyncapi-document';
import { exportTestFlow } from '@shared/export/export-test-flow';
import { parseFlowText } from '@shared/flow/parse';

const TEMPLATES = join(__dirname, '../../resources/templates');
const templateFiles = readdirSync(TEMPLATES).filter((f) => f.endsWith('.flow.json'));

/** Severity 0 is an error in the parser's diagnostics (1 warning, 2 info, 3 hint). */
async function errorsOf(yaml: string): Promise<string[]> {
  const { diagnostics } = await new Parser().parse(yaml);
  return diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
}

describe('AsyncAPI export of every template validates with the official parser', () => {
  it('finds templates to check', () => {
    expect(templateFiles.length).toBeGreaterThan(5);
  });

  it.each(templateFiles)('%s', async (file) => {
    const parsed = parseFlowText(readFileSync(join(TEMPLATES, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    expect(await errorsOf(flowToAsyncApiYaml(parsed.flow))).toEqual([]);
  });

  it('a flow with a contract, recorded samples and a TLS/SASL environment', async () => {
    const yaml = flowToAsyncApiYaml(exportTestFlow(), {
      samples: { audit: [{ who: 'ann', tags: ['x'] }] },
      environment: {
        kind: 'custom',
        id: 'prod',
        name: 'Prod',
        kafka: { brokers: ['k1:9093'], ssl: { enabled: true, rejectUnauthorized: true } },
        amqp: { url: 'amqps://mq.example:5671' },
      },
    });
    expect(await errorsOf(yaml)).toEqual([]);
  });

  it('refuses a broken document, so a clean result above means something', async () => {
    expect((await errorsOf('asyncapi: 3.0.0\nchannels: 3\n')).length).toBeGreaterThan(0);
  });
});
