import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import amqp from 'amqplib';
import { Kafka, logLevel } from 'kafkajs';
import protobuf from 'protobufjs';
import { runPaced } from '../../src-main/engine/runtime/pacing';
import {
  startClock,
  type Measured,
  AMQP_URL,
  CALLS,
  GRPC_RATE,
  KAFKA,
  N,
  PAYLOAD,
  PROTO,
  STREAM_ITEMS,
  unique,
} from './settings';

/**
 * The bare clients: the same work as the flow of each path, on the same brokers, with no
 * tracing, stats or graph. Each returns messages per second from its first send.
 */

export async function bareAmqp(): Promise<Measured> {
  const queue = unique('bench-bare');
  const conn = await amqp.connect(AMQP_URL);
  const pub = await conn.createConfirmChannel();
  const sub = await conn.createChannel();
  await pub.assertQueue(queue, { durable: false, autoDelete: true });
  await sub.prefetch(200);
  let acked = 0;
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  await sub.consume(queue, (m) => {
    if (!m) return;
    sub.ack(m);
    if (++acked === N) done();
  });
  const stop = startClock();
  for (let sent = 0; sent < N; sent += 500) {
    for (let i = 0; i < Math.min(500, N - sent); i++) pub.sendToQueue(queue, PAYLOAD);
    await pub.waitForConfirms();
  }
  await all;
  const measured = stop(N);
  await conn.close();
  return measured;
}

export async function bareKafka(): Promise<Measured> {
  const topic = unique('bench-bare');
  const kafka = new Kafka({ brokers: KAFKA, clientId: 'bench', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const consumer = kafka.consumer({ groupId: unique('bench'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let received = 0;
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  let joined!: () => void;
  const join = new Promise<void>((r) => (joined = r));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({ eachMessage: async () => void (++received === N && done()) });
  await join;
  const producer = kafka.producer();
  await producer.connect();
  const stop = startClock();
  for (let sent = 0; sent < N; sent += 500) {
    const messages = Array.from({ length: Math.min(500, N - sent) }, () => ({ value: PAYLOAD }));
    await producer.send({ topic, acks: -1, messages });
  }
  await all;
  const measured = stop(N);
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return measured;
}

type EchoClient = grpc.Client & {
  Unary(req: unknown, md: grpc.Metadata, cb: (err: grpc.ServiceError | null) => void): void;
  Stream(req: unknown, md: grpc.Metadata): grpc.ClientReadableStream<unknown>;
};

/**
 * A grpc-js server and client in this process, like a flow's service and client: CALLS
 * unary calls (replies per second), or CALLS / STREAM_ITEMS server-streaming calls of
 * STREAM_ITEMS replies each (streamed replies per second).
 */
export async function bareGrpc(kind: 'unary' | 'stream'): Promise<Measured> {
  const root = protobuf.parse(PROTO, { keepCase: true }).root;
  const pkg = grpc.loadPackageDefinition(protoLoader.fromJSON(root.toJSON(), { keepCase: true }));
  const Echo = (pkg.bench as grpc.GrpcObject).Echo as grpc.ServiceClientConstructor;
  const server = new grpc.Server();
  server.addService(Echo.service, {
    Unary: (call: grpc.ServerUnaryCall<{ name: string }, unknown>, cb: grpc.sendUnaryData<unknown>) =>
      cb(null, { message: call.request.name }),
    Stream: (call: grpc.ServerWritableStream<{ name: string }, unknown>) => {
      for (let i = 0; i < STREAM_ITEMS; i++) call.write({ message: call.request.name });
      call.end();
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  const client = new Echo(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as EchoClient;
  const calls = kind === 'unary' ? CALLS : Math.ceil(CALLS / STREAM_ITEMS);
  const stop = startClock();
  let replies = 0;
  const all: Array<Promise<void>> = [];
  const call = (seq: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const request = { name: `n${seq}` };
      if (kind === 'unary') {
        client.Unary(request, new grpc.Metadata(), (err) => {
          if (err) return reject(err);
          replies++;
          resolve();
        });
        return;
      }
      const stream = client.Stream(request, new grpc.Metadata());
      stream.on('data', () => replies++);
      stream.on('error', reject);
      stream.on('end', () => resolve());
    });
  // Paced like the flow's client node (its highest rate, batches of what is due): firing
  // thousands of calls at once makes grpc-js itself several times slower.
  await runPaced({
    rate: GRPC_RATE,
    count: calls,
    maxBatch: 100,
    isStopped: () => false,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    sendBatch: async (first, n) => {
      for (let seq = first; seq < first + n; seq++) all.push(call(seq));
    },
  });
  await Promise.all(all);
  const measured = stop(replies);
  client.close();
  await new Promise<void>((r) => server.tryShutdown(() => r()));
  return measured;
}
