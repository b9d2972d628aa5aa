import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';

/** Kafka client settings with secrets resolved: what kafkajs's `Kafka` constructor takes. */
export interface KafkaClientSettings {
  brokers: string[];
  ssl?: ConnectionOptions | boolean;
  sasl?: SASLOptions;
}

/** RabbitMQ client settings with secrets resolved: amqplib's URL plus socket options. */
export interface AmqpClientSettings {
  /** amqp(s) URL, without a password. */
  url: string;
  /** Explicit PLAIN credentials (a password from a secret ref); absent: the URL's user or guest. */
  credentials?: { username: string; password: string };
  /** CA certificates (PEM) to trust for amqps://. */
  ca?: Buffer[];
}

/** TLS material for gRPC clients of an environment. */
export interface GrpcTlsSettings {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

/**
 * An environment ready for a run or a connection test: every secret reference resolved to
 * its value and every TLS file read. Lives only in memory; `label` and `secrets` let the
 * engine describe it and scrub error texts without ever writing a value.
 */
export type RunEnvironment =
  | { kind: 'embedded'; label: string; secrets: string[] }
  | {
      kind: 'brokers';
      label: string;
      /** Absent: the environment has no Kafka, so a flow with topics cannot run on it. */
      kafka?: KafkaClientSettings;
      amqp?: AmqpClientSettings;
      grpc?: { tls?: GrpcTlsSettings };
      /** Every secret value this environment carries, for redaction. */
      secrets: string[];
    };
