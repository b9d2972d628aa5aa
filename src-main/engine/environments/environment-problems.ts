import type { FlowProblem } from '@shared/flow/document';
import type { CompiledFlow } from '../compiler/compiled-flow';
import type { RunEnvironment } from './run-environment';

/**
 * Nodes the environment cannot serve: topics on an environment without Kafka settings,
 * queues and exchanges on one without RabbitMQ. Reported like flow problems, before
 * anything connects, so the run does not start half-wired.
 */
export function environmentProblems(compiled: CompiledFlow, env: RunEnvironment): FlowProblem[] {
  if (env.kind === 'embedded') return [];
  const problems: FlowProblem[] = [];
  compiled.flow.nodes.forEach((node, index) => {
    const needsKafka = (node.kind === 'kafkaTopic' || node.kind === 'eventStore') && !env.kafka;
    const needsAmqp = (node.kind === 'rabbitQueue' || node.kind === 'rabbitExchange') && !env.amqp;
    if (!needsKafka && !needsAmqp) return;
    problems.push({
      path: `nodes[${index}]`,
      nodeId: node.id,
      message: `the environment ${env.label} has no ${needsKafka ? 'Kafka' : 'RabbitMQ'} settings: add them, or pick another environment`,
    });
  });
  return problems;
}
