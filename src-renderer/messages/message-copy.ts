import type { MessageDetail } from '@shared/api/contract';

/**
 * A message as one JSON document for the clipboard: its metadata, headers and payload
 * (parsed when it is JSON, else text, else base64), without the trace.
 */
export function messageAsJson(d: MessageDetail): string {
  let payload: unknown = d.payloadText;
  if (d.payloadText !== null) {
    try {
      payload = JSON.parse(d.payloadText);
    } catch {
      payload = d.payloadText;
    }
  }
  return JSON.stringify(
    {
      id: d.id,
      time: new Date(d.ts).toISOString(),
      runId: d.runId,
      nodeId: d.nodeId,
      transport: d.transport,
      destination: d.destination,
      partition: d.partition,
      key: d.key,
      size: d.size,
      traceId: d.traceId,
      headers: d.headers,
      ...(d.payloadBase64 !== null ? { payloadBase64: d.payloadBase64 } : { payload }),
      ...(d.decoded ? { decoded: d.decoded } : {}),
    },
    null,
    2,
  );
}
