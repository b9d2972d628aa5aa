import type { FlowNode } from '@shared/flow/document';
import { ACK, type Outcome } from '../graph/deliver-to';
import type { FlowMessage } from '../graph/flow-message';
import { RetryBackoff } from '../retry-backoff';
import { ReadingNode, type ReadingOptions } from './reading-node';

/** A consumer group: N competing members; each message costs its processing time, then is acked. */
export class ConsumerNode extends ReadingNode<FlowNode<'consumer'>> {
  private readonly backoff = new RetryBackoff(this.node.config.retryBackoffMs ?? 0);

  override readingOptions(): ReadingOptions {
    const c = this.node.config;
    return {
      groupId: c.group || c.name,
      members: c.members,
      fromBeginning: c.fromBeginning,
      commit: c.commit,
      batchSize: c.batch ? c.batchSize : undefined,
    };
  }

  protected async work(message: FlowMessage): Promise<Outcome> {
    const ms = this.node.config.processingMs;
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
    this.backoff.forget(message.trace?.traceId);
    return ACK;
  }

  protected override retryDelayMs(message: FlowMessage): number {
    return this.backoff.next(message.trace?.traceId);
  }
}
