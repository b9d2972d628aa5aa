/** What every runtime bench shares: sizes, brokers, and the gRPC service both sides serve. */
export const N = Number(process.env.BENCH_MESSAGES ?? 20_000);
/** gRPC calls per run (each a request and a reply); streaming runs get N / STREAM_ITEMS calls. */
export const CALLS = Number(process.env.BENCH_CALLS ?? 5_000);
export const STREAM_ITEMS = 50;
/** Calls per second of both gRPC clients: the most a flow's gRPC client node may be set to. */
export const GRPC_RATE = 10_000;
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
export const AMQP_URL = process.env.FLOWBENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
export const KAFKA = (process.env.FLOWBENCH_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** The producer's payload; the bare clients send the same bytes shape. */
export const PAYLOAD_TEMPLATE = '{"seq": {{seq}}, "id": "{{uuid}}", "at": "{{now}}"}';
export const PAYLOAD = Buffer.from(
  JSON.stringify({ seq: 1, id: '0f8fad5b-d9cb-469f-a165-70867728950e', at: new Date().toISOString() }),
);

export const PROTO = `syntax = "proto3";
package bench;
service Echo {
  rpc Unary (Ping) returns (Pong);
  rpc Stream (Ping) returns (stream Pong);
}
message Ping { string name = 1; }
message Pong { string message = 1; }
`;

export const unique = (p: string): string => `${p}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

export type Path = 'kafka' | 'rabbitmq' | 'grpc-unary' | 'grpc-stream';

/** A measured run: wall-clock rate, and this process's CPU time (all threads) per message. */
export interface Measured {
  rate: number;
  cpuUsPerMessage: number;
}

/**
 * Starts timing a run. The CPU figure is steadier than the rate on a shared machine (other
 * sessions take wall-clock time, not this process's CPU), though the broker's own work is
 * not in it.
 */
export function startClock(): (messages: number) => Measured {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  return (messages) => {
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { rate: messages / seconds, cpuUsPerMessage: (cpu.user + cpu.system) / messages };
  };
}
