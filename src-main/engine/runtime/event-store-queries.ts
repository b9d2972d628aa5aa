import type { EventStoreState, EventStoreStreams } from '@shared/api/event-store-types';
import type { PointInTime } from '../event-sourcing/event-streams';
import { EventStoreNode } from './nodes/event-store-node';
import { ProjectionNode } from './nodes/projection-node';
import type { Run } from './run';

function storeOf(run: Run | null, nodeId: string): EventStoreNode {
  if (!run) throw new Error('no run yet: start the flow to fill its event store');
  const actor = run.graph.actors.get(nodeId);
  if (!(actor instanceof EventStoreNode))
    throw new Error(`node "${nodeId}" is not an event store of this run`);
  return actor;
}

/** The streams of an event store node and the lag of the projections it feeds. */
export function eventStreams(run: Run | null, nodeId: string): EventStoreStreams {
  const node = storeOf(run, nodeId);
  const streams = node.store.streams;
  const projections = run!.graph
    .outgoing(nodeId)
    .map((e) => run!.graph.actors.get(e.target))
    .filter((a): a is ProjectionNode => a instanceof ProjectionNode)
    .map((p) => ({
      nodeId: p.node.id,
      readModel: p.node.config.readModel,
      lag: p.lag,
      entries: p.readModel.size,
    }));
  return {
    nodeId,
    topic: node.topic,
    total: streams.size,
    streams: streams.streamIds().map((streamId) => {
      const events = streams.events(streamId);
      return {
        streamId,
        version: events.length,
        firstAt: events[0]?.recordedAt ?? 0,
        lastAt: events[events.length - 1]?.recordedAt ?? 0,
      };
    }),
    projections,
  };
}

/** A stream's state at an event number or a time, with its events as written. */
export function eventStateAt(
  run: Run | null,
  input: { nodeId: string; streamId: string; version?: number; timestamp?: number },
): EventStoreState {
  const streams = storeOf(run, input.nodeId).store.streams;
  if (streams.version(input.streamId) === 0) throw new Error(`the store has no stream "${input.streamId}"`);
  const at: PointInTime =
    input.version !== undefined
      ? { version: input.version }
      : input.timestamp !== undefined
        ? { timestamp: input.timestamp }
        : {};
  const state = streams.stateAt(input.streamId, at);
  return {
    ...state,
    events: streams.events(input.streamId).map((e) => ({
      version: e.version,
      type: e.type,
      schemaVersion: e.schemaVersion,
      recordedAt: e.recordedAt,
      data: e.data,
    })),
  };
}
