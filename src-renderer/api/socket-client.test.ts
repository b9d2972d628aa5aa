import { describe, expect, it, vi } from 'vitest';
import { CONNECTION_LOST, createSocketClient, type WebSocketLike } from './socket-client';

class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: WebSocketLike['onopen'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onerror: WebSocketLike['onerror'] = null;
  sent: Array<{ id: number; name: string; input: unknown }> = [];

  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; name: string; input: unknown });
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
  receive(frame: unknown): void {
    this.onmessage?.({ data: JSON.stringify(frame) } as MessageEvent);
  }
}

function setup(): {
  sockets: FakeSocket[];
  events: Array<[string, unknown]>;
  client: ReturnType<typeof createSocketClient>;
} {
  const sockets: FakeSocket[] = [];
  const events: Array<[string, unknown]> = [];
  const client = createSocketClient({
    url: 'ws://127.0.0.1:1/api?token=t',
    onEvent: (event, payload) => events.push([event, payload]),
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    minRetryMs: 10,
    maxRetryMs: 40,
  });
  return { sockets, events, client };
}

describe('createSocketClient', () => {
  it('matches replies to requests and delivers events', async () => {
    const { sockets, events, client } = setup();
    sockets[0]!.open();
    await client.opened;
    const a = client.request('flow.sample', undefined);
    const b = client.request('run.stop', {});
    const [first, second] = sockets[0]!.sent;
    expect(first).toEqual({ id: 1, name: 'flow.sample', input: {} });
    sockets[0]!.receive({ id: second!.id, ok: false, error: { code: 'failed', message: 'no run' } });
    sockets[0]!.receive({ id: first!.id, ok: true, value: { text: 'x' } });
    sockets[0]!.receive({ event: 'run.state', payload: { runId: 'r', state: 'running' } });
    await expect(a).resolves.toEqual({ text: 'x' });
    await expect(b).rejects.toThrow('no run');
    expect(events).toEqual([['run.state', { runId: 'r', state: 'running' }]]);
  });

  it('rejects pending requests when the connection drops, then reconnects', async () => {
    vi.useFakeTimers();
    try {
      const { sockets, client } = setup();
      sockets[0]!.open();
      await client.opened;
      const inFlight = client.request('run.status', {});
      sockets[0]!.drop();
      await expect(inFlight).rejects.toThrow(CONNECTION_LOST);
      await expect(client.request('run.status', {})).rejects.toThrow(CONNECTION_LOST);
      await vi.advanceTimersByTimeAsync(50);
      expect(sockets).toHaveLength(2);
      sockets[1]!.open();
      const again = client.request('run.status', {});
      sockets[1]!.receive({ id: sockets[1]!.sent[0]!.id, ok: true, value: 1 });
      await expect(again).resolves.toBe(1);
      client.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects `opened` when the first connection fails', async () => {
    const { sockets, client } = setup();
    sockets[0]!.drop();
    await expect(client.opened).rejects.toThrow(
      /could not connect to Flowbench at ws:\/\/127\.0\.0\.1:1\/api$/,
    );
  });
});
