import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '@shared/api/import-requests';
import type { FlowDocument } from '@shared/flow/document';
import { parseFlowText, serializeFlow } from '@shared/flow/parse';
import { compileFlow } from '../engine/compiler/compile-flow';
import { detectFormat, importDocument } from './import-document';

/** Real public documents (see tests/fixtures/import/SOURCES.md). */
const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../tests/fixtures/import', name), 'utf8');

async function imported(
  name: string,
): Promise<{ flow: FlowDocument; res: Extract<ImportResult, { ok: true }> }> {
  const res = await importDocument(fixture(name), name);
  if (!res.ok) throw new Error(`${name}: ${JSON.stringify(res.error)}`);
  const parsed = parseFlowText(res.text);
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  return { flow: parsed.flow, res };
}

const byKind = (flow: FlowDocument, kind: string): Array<Record<string, unknown>> =>
  flow.nodes.filter((n) => n.kind === kind).map((n) => n.config as Record<string, unknown>);

describe('import of real public documents', () => {
  it.each(['streetlights-kafka-2.5.yml', 'streetlights-kafka-asyncapi-3.1.yml'])(
    'AsyncAPI %s: four Kafka topics, three producers, one consumer, contracts and payloads',
    async (name) => {
      const { flow, res } = await imported(name);
      expect(res.report.skipped).toEqual([]);
      const topics = byKind(flow, 'kafkaTopic').map((t) => t.topic);
      expect(topics.sort()).toEqual([
        'smartylighting.streetlights.1.0.action.streetlightId.dim',
        'smartylighting.streetlights.1.0.action.streetlightId.turn.off',
        'smartylighting.streetlights.1.0.action.streetlightId.turn.on',
        'smartylighting.streetlights.1.0.event.streetlightId.lighting.measured',
      ]);
      expect(
        byKind(flow, 'producer')
          .map((p) => p.name)
          .sort(),
      ).toEqual(['dimLight', 'turnOff', 'turnOn']);
      expect(byKind(flow, 'consumer').map((c) => c.name)).toEqual(['receiveLightMeasurement']);
      const dim = flow.nodes.find((n) => n.kind === 'kafkaTopic' && n.config.topic.endsWith('.dim'));
      const contract = dim?.kind === 'kafkaTopic' ? dim.config.contract : undefined;
      expect(contract?.format).toBe('json-schema');
      expect(JSON.parse(contract?.format === 'json-schema' ? contract.schema : '{}')).toMatchObject({
        properties: { percentage: { type: 'integer', minimum: 0, maximum: 100 } },
      });
      const dimmer = byKind(flow, 'producer').find((p) => p.name === 'dimLight');
      expect(dimmer?.payload).toContain('"percentage": {{faker.number.int({"min":0,"max":100})}}');
      expect(dimmer?.payload).toContain('"sentAt": "{{now}}"');
      // Every producer writes into a topic and the consumer reads one: the flow compiles as a run would.
      expect(flow.edges).toHaveLength(4);
      expect(compileFlow(flow).ok).toBe(true);
      // Laid out: no two nodes share a place.
      expect(new Set(flow.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(flow.nodes.length);
    },
  );

  it('AsyncAPI 3.1 AMQP (rpc-server): queues from the amqp bindings, payload from the schema examples', async () => {
    const { flow, res } = await imported('rpc-server-asyncapi-3.1.yml');
    expect(res.report.source).toBe('AsyncAPI 3.1.0 "RPC Server Example"');
    expect(
      byKind(flow, 'rabbitQueue')
        .map((q) => q.queue)
        .sort(),
    ).toEqual(['queue', 'rpc_queue']);
    expect(byKind(flow, 'producer')[0]).toMatchObject({ name: 'sendSumResult' });
    expect(JSON.parse(String(byKind(flow, 'producer')[0].payload))).toEqual({ result: 7 });
    expect(byKind(flow, 'consumer')[0]).toMatchObject({ name: 'sum', group: 'sum' });
    expect(res.report.mapped).toContain('operation "sum" (receive) → consumer "sum" reading rpc-queue');
  });

  it('gRPC route_guide.proto: one service node with all four methods and reply templates', async () => {
    const { flow, res } = await imported('route_guide.proto');
    const [svc] = byKind(flow, 'grpcService');
    expect(svc.service).toBe('routeguide.RouteGuide');
    expect(Object.keys(svc.responses as object).sort()).toEqual([
      'GetFeature',
      'ListFeatures',
      'RecordRoute',
      'RouteChat',
    ]);
    expect(svc.streaming).toEqual([
      { method: 'ListFeatures', items: 3, intervalMs: 200 },
      { method: 'RouteChat', items: 3, intervalMs: 200 },
    ]);
    const feature = (svc.responses as Record<string, string>).GetFeature;
    expect(feature).toContain('"location": {');
    expect(res.report.mapped[0]).toContain('RouteChat (bidirectional)');
    expect(compileFlow(flow).ok).toBe(true);
  });

  it('OpenAPI Petstore: one REST service with its three routes', async () => {
    const { flow, res } = await imported('petstore.yaml');
    const [svc] = byKind(flow, 'restService');
    const routes = svc.routes as Array<{ method: string; path: string; status: number; response: string }>;
    expect(routes.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /pets 200',
      'POST /pets 201',
      'GET /pets/:petId 200',
    ]);
    expect(routes[0].response).toContain('"name": "{{faker.person.firstName}}"');
    expect(res.report.skipped).toEqual(['server base path /v1: routes are served without it']);
    expect(compileFlow(flow).ok).toBe(true);
  });

  it('keeps the imported flow text stable through open and save (flow file round trip)', async () => {
    for (const name of ['streetlights-kafka-asyncapi-3.1.yml', 'route_guide.proto', 'petstore.yaml']) {
      const res = await importDocument(fixture(name), name);
      if (!res.ok) throw new Error(name);
      const reopened = parseFlowText(res.text);
      if (!reopened.ok) throw new Error(name);
      expect(serializeFlow(reopened.flow)).toBe(res.text);
    }
  });
});

describe('import of broken documents', () => {
  it('reports the official parser’s error with its place (the spec repo’s own invalid 3.0 example)', async () => {
    const res = await importDocument(fixture('rpc-server-asyncapi-3.0.yml'));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.message).toBe('Property "schema" is not expected to be here');
    expect(res.error.path).toBe('operations.sendSumResult.channel.parameters.queue.schema');
    expect(res.error.line).toBeGreaterThan(1);
  });

  it('points at the line and column of broken YAML', async () => {
    const res = await importDocument('openapi: 3.0.0\ninfo:\n  title: x\n paths: {}\n');
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toMatchObject({ line: 4, column: 1 });
  });

  it('names the field of an OpenAPI document that is not 3.x, at its line', async () => {
    const res = await importDocument('swagger: "2.0"\nopenapi: "2.0"\npaths: {}\n');
    expect(res).toEqual({
      ok: false,
      error: expect.objectContaining({ path: 'openapi', line: 2, column: 10 }) as unknown,
    });
  });

  it('gives the line of a .proto syntax error', async () => {
    const res = await importDocument(
      'syntax = "proto3";\nservice S {\n  rpc Do(A) returns B;\n}\n',
      'x.proto',
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.line).toBe(3);
  });

  it('reports what it skipped: an MQTT-only channel is left out, with why', async () => {
    const doc = [
      'asyncapi: 3.0.0',
      'info: { title: Lights, version: 1.0.0 }',
      'servers: { mosquitto: { host: test.mosquitto.org, protocol: mqtt } }',
      'channels: { lights: { address: lights/on } }',
      'operations: { turnOn: { action: send, channel: { $ref: "#/channels/lights" } } }',
    ].join('\n');
    const res = await importDocument(doc);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.message).toContain('channel "lights": protocol mqtt is not one Flowbench runs');
  });

  it('tells which documents it reads', () => {
    expect(detectFormat('asyncapi: 3.0.0')).toBe('asyncapi');
    expect(detectFormat('{"openapi": "3.1.0"}')).toBe('openapi');
    expect(detectFormat('message A {}', 'a.proto')).toBe('proto');
    expect(detectFormat('hello: world')).toBeNull();
  });
});
