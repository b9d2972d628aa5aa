import type { FlowNode } from '@shared/flow/document';
import { ACK, type Outcome } from '../graph/deliver-to';
import { ReadingNode } from './reading-node';

/** The end of a path: takes every message (its deliver span and payload are the record). */
export class SinkNode extends ReadingNode<FlowNode<'sink'>> {
  protected async work(): Promise<Outcome> {
    return ACK;
  }
}
