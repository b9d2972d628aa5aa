import type { Connection, Edge, IsValidConnection, OnConnectEnd } from '@xyflow/react';
import { useCallback } from 'react';
import { needsMethod } from '@shared/flow/edge-rules';
import { outlineProto, serviceMethods } from '@shared/flow/proto-outline';
import { showNotice } from '../app/notice-store';
import { connectionRefusal } from './connection-rules';
import { useFlowStore } from './flow-store';
import type { FlowbenchNode } from './flow-types';

/**
 * `isValidConnection` for React Flow, and an `onConnectEnd` that explains a refused drop
 * in a toast next to the pointer. A drop on a node's body (not on a handle) connects when
 * that node has exactly one input that fits.
 */
export function useConnectionRules(): { isValidConnection: IsValidConnection; onConnectEnd: OnConnectEnd } {
  const isValidConnection = useCallback<IsValidConnection>((conn: Edge | Connection) => {
    const { nodes, edges } = useFlowStore.getState();
    return connectionRefusal(conn, nodes, edges) === null;
  }, []);

  const onConnectEnd = useCallback<OnConnectEnd>((event, state) => {
    if (!state.fromNode || !state.fromHandle) return;
    if (state.toHandle && state.isValid) return; // React Flow has already called onConnect.
    const point = pointerOf(event);
    const other = state.toNode?.id ?? nodeIdAt(point);
    if (!other || other === state.fromNode.id) return;
    // Dragging backwards from an input handle makes the other node the source.
    const fromInput = state.fromHandle.type === 'target';
    const { nodes, edges, connect } = useFlowStore.getState();
    const conn = fromInput
      ? {
          source: other,
          target: state.fromNode.id,
          sourceHandle: state.toHandle?.id ?? null,
          targetHandle: state.fromHandle.id ?? null,
        }
      : {
          source: state.fromNode.id,
          target: other,
          sourceHandle: state.fromHandle.id ?? null,
          targetHandle: state.toHandle?.id ?? soleMethod(state.fromNode.id, other, nodes),
        };
    const reason = connectionRefusal(conn, nodes, edges);
    if (reason) {
      showNotice(reason, { at: point, tone: 'error' });
    } else if (!state.toHandle) {
      connect({ ...conn, sourceHandle: conn.sourceHandle ?? null, targetHandle: conn.targetHandle ?? null });
    }
  }, []);

  return { isValidConnection, onConnectEnd };
}

function pointerOf(event: MouseEvent | TouchEvent): { x: number; y: number } {
  const p = 'changedTouches' in event ? event.changedTouches[0] : event;
  return { x: p.clientX, y: p.clientY };
}

function nodeIdAt(point: { x: number; y: number }): string | null {
  const el = document.elementFromPoint(point.x, point.y)?.closest('.react-flow__node');
  return el?.getAttribute('data-id') ?? null;
}

/** The method to use when a client's connection is dropped on a service's body: its only method. */
function soleMethod(sourceId: string, targetId: string, nodes: ReadonlyArray<FlowbenchNode>): string | null {
  const source = nodes.find((n) => n.id === sourceId);
  const target = nodes.find((n) => n.id === targetId);
  if (!source || target?.type !== 'grpcService' || !needsMethod(source.type, target.type)) return null;
  const methods = serviceMethods(outlineProto(target.data.config.proto), target.data.config.service);
  return methods.length === 1 ? methods[0].name : null;
}
