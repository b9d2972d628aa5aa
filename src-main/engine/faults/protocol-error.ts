import {
  faultErrorForms,
  GRPC_FAULT_CODES,
  KAFKA_FAULT_CODES,
  type FaultErrorForms,
  type GrpcFaultCode,
  type KafkaFaultCode,
} from '@shared/flow/kinds/faults';
import type { Transport } from '@shared/trace/events';

/**
 * The protocols whose error a fault can take the form of. Embedded topics answer like Kafka
 * and embedded queues like AMQP; the runtime picks by the node's shape.
 */
export type FaultProtocol = 'kafka' | 'amqp' | 'grpc' | 'http' | 'graphql';

/** An injected error in the form its protocol uses, ready for the runtime to put on the wire. */
export type InjectedError =
  | {
      protocol: 'kafka';
      /** Kafka error name, e.g. NOT_LEADER_FOR_PARTITION. */
      code: KafkaFaultCode;
      /** Kafka protocol error code, e.g. 6. */
      errorCode: number;
      /** Whether Kafka clients retry this error themselves. */
      retriable: boolean;
      message: string;
    }
  | {
      protocol: 'amqp';
      action: 'nack-requeue' | 'dead-letter';
      /** The `requeue` argument of basic.nack. */
      requeue: boolean;
      message: string;
    }
  | { protocol: 'grpc'; code: GrpcFaultCode; status: number; message: string }
  | { protocol: 'http'; status: number; body: string; message: string }
  | { protocol: 'graphql'; code: string; message: string };

/**
 * The error a fault (or a fail behaviour) gives on `protocol`; forms missing from the spec take
 * their defaults (Kafka NOT_LEADER_FOR_PARTITION, AMQP dead-letter, gRPC UNAVAILABLE, HTTP 503).
 * `cause` names what injected it, e.g. "error fault" or "fail first 3".
 */
export function protocolError(
  forms: FaultErrorForms | undefined,
  protocol: FaultProtocol,
  cause: string,
): InjectedError {
  const f = forms ?? DEFAULT_FORMS;
  switch (protocol) {
    case 'kafka': {
      const { code, retriable } = KAFKA_FAULT_CODES[f.kafka.code];
      return {
        protocol,
        code: f.kafka.code,
        errorCode: code,
        retriable,
        message: `${cause}: Kafka ${f.kafka.code} (${code})`,
      };
    }
    case 'amqp': {
      const requeue = f.amqp.action === 'nack-requeue';
      const what = requeue ? 'nack with requeue' : 'nack without requeue (dead-letter)';
      return { protocol, action: f.amqp.action, requeue, message: `${cause}: AMQP ${what}` };
    }
    case 'grpc': {
      const status = GRPC_FAULT_CODES[f.grpc.code];
      return {
        protocol,
        code: f.grpc.code,
        status,
        message: `${cause}: gRPC ${f.grpc.code} (${status}) ${f.grpc.message}`,
      };
    }
    case 'http':
      return {
        protocol,
        status: f.http.status,
        body: f.http.body,
        message: `${cause}: HTTP ${f.http.status}`,
      };
    case 'graphql':
      return {
        protocol,
        code: f.graphql.code,
        message: `${cause}: GraphQL ${f.graphql.code} ${f.graphql.message}`,
      };
  }
}

const DEFAULT_FORMS: FaultErrorForms = faultErrorForms.parse({});

/**
 * The error form for a hop: its transport's own, and for in-process hops (embedded brokers,
 * router → sink) the form of the shape it emulates: topics answer like Kafka, queues like AMQP,
 * calls like HTTP.
 */
export function faultProtocolFor(transport: Transport, shape: 'topic' | 'queue' | 'call'): FaultProtocol {
  if (transport === 'embedded' || transport === 'inproc') {
    return shape === 'topic' ? 'kafka' : shape === 'queue' ? 'amqp' : 'http';
  }
  return transport;
}
