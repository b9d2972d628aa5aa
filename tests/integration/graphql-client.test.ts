import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  GraphqlCallError,
  createGraphqlClient,
} from '../../src-main/engine/transports/graphql/graphql-client';
import { startGraphqlServer } from '../../src-main/engine/transports/graphql/graphql-server';
import type { GraphqlSubscriptionEvent } from '../../src-main/engine/transports/graphql/recording';
import { formatTraceparent, newSpanId, newTraceId } from '../../src-main/engine/trace/traceparent';
import { unusedPort, waitFor } from './helpers/brokers';

const SDL = `type Query { ping: String }
type Subscription { orderPlaced: Order }
type Order { id: ID! total: Float }
`;

const open: Array<{ close(): Promise<void> }> = [];
const plain: Server[] = [];
afterEach(async () => {
  for (const closable of open.splice(0).reverse()) await closable.close();
  for (const server of plain.splice(0)) await new Promise((resolve) => server.close(resolve));
});

function newClient(url: string, timeoutMs = 5000): ReturnType<typeof createGraphqlClient> {
  const c = createGraphqlClient({ url, timeoutMs });
  open.push(c);
  return c;
}

describe('GraphQL client', () => {
  it('sends the same traceparent with every event of a subscription it starts', async () => {
    const events: GraphqlSubscriptionEvent[] = [];
    const server = await startGraphqlServer({
      node: 'api',
      sdl: SDL,
      hooks: { onSubscriptionEvent: (e) => events.push(e) },
    });
    open.push(server);
    const traceparent = formatTraceparent({ traceId: newTraceId(), spanId: newSpanId() });
    const subscription = newClient(server.url).subscribe({
      query: 'subscription Placed { orderPlaced { id } }',
      operationName: 'Placed',
      traceparent,
    });
    const first = subscription.next();
    await waitFor('the subscriber', () => server.subscriberCount('orderPlaced') === 1);
    server.publish('orderPlaced', { id: 'a' });
    server.publish('orderPlaced', { id: 'b' });
    expect((await first).value).toEqual({ data: { orderPlaced: { id: 'a' } } });
    expect((await subscription.next()).value).toEqual({ data: { orderPlaced: { id: 'b' } } });
    await subscription.return?.();
    await waitFor('the unsubscribe', () => server.subscriberCount('orderPlaced') === 0);
    expect(events.map((e) => e.traceparent)).toEqual([traceparent, traceparent]);
  });

  it('rejects with connection refused when no GraphQL server listens, over HTTP and WebSocket', async () => {
    const port = await unusedPort();
    const c = newClient(`http://127.0.0.1:${port}/graphql`);
    await expect(c.execute({ query: '{ ping }' })).rejects.toMatchObject({ failure: 'connection-refused' });
    const subscription = c.subscribe({ query: 'subscription { orderPlaced { id } }' });
    const error = await subscription.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlCallError);
    expect((error as Error).message).toMatch(
      new RegExp(`^subscription at ws://127.0.0.1:${port}/graphql failed: .*ECONNREFUSED`),
    );
  });

  it('rejects with a clear error when the URL answers something that is not GraphQL', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad gateway</body></html>');
    });
    plain.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const url = `http://127.0.0.1:${address.port}/graphql`;
    await expect(newClient(url).execute({ query: '{ ping }' })).rejects.toThrow(
      `${url} answered 502 with a body that is not JSON: <html><body>Bad gateway</body></html>`,
    );
  });

  it('times out a query whose server does not answer', async () => {
    const server = createServer(() => undefined);
    plain.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const c = newClient(`http://127.0.0.1:${address.port}/graphql`, 200);
    await expect(c.execute({ query: '{ ping }' })).rejects.toMatchObject({ failure: 'timeout' });
    server.closeAllConnections();
  });
});
