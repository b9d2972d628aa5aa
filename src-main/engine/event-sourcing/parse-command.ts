import { isPlainObject, type EventCommand } from './stored-event';

/**
 * Reads a command from a message: a JSON object with `type` and `streamId` (or the message
 * key), optional `expectedVersion` and `schemaVersion`, and the event's fields in `data`.
 * Throws an error that says which field is wrong.
 */
export function parseCommand(payload: Buffer, key?: string): EventCommand {
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new Error('the command is not JSON: send {"type", "streamId", "expectedVersion", "data"}');
  }
  if (!isPlainObject(json)) throw new Error('the command must be a JSON object with "type" and "streamId"');
  const { type, streamId, expectedVersion, schemaVersion, data } = json;
  if (typeof type !== 'string' || type.trim() === '')
    throw new Error('the command has no "type" (the event type)');
  const stream = typeof streamId === 'string' && streamId !== '' ? streamId : key;
  if (!stream) throw new Error('the command has no "streamId" (and the message no key)');
  if (expectedVersion !== undefined && expectedVersion !== null && !isCount(expectedVersion))
    throw new Error('"expectedVersion" must be a whole number of 0 or more (0: a new stream)');
  if (schemaVersion !== undefined && !(isCount(schemaVersion) && schemaVersion >= 1))
    throw new Error('"schemaVersion" must be a whole number of 1 or more');
  if (data !== undefined && !isPlainObject(data)) throw new Error('"data" must be a JSON object');
  return {
    type: type.trim(),
    streamId: stream,
    data: data ?? {},
    ...(isCount(expectedVersion) ? { expectedVersion } : {}),
    ...(schemaVersion !== undefined ? { schemaVersion } : {}),
  };
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
