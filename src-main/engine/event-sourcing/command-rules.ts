import { compilePredicate, type Predicate } from '@shared/flow/expressions/predicate';
import type { EventStoreConfig } from '@shared/flow/kinds/patterns';
import type { EventCommand, StreamState } from './stored-event';

/** A command the write model refuses: not an accepted type or category, or a rule does not hold. */
export class CommandRefused extends Error {
  override name = 'CommandRefused';
}

/** Checks a command against the write model before its event is written; throws why not. */
export type CommandCheck = (command: EventCommand, state: StreamState | null) => void;

/**
 * The store's validation: the event type must be one it accepts, the stream one of its
 * categories (`order-17` is in `order`), and every rule for the type must hold over
 * `{ state, data }` (the stream before the event and the event's fields). Rules are
 * checked at compile time, so compiling here cannot fail.
 */
export function commandRules(
  config: Pick<EventStoreConfig, 'eventTypes' | 'streams' | 'rules'>,
): CommandCheck {
  const rules: Array<{ event: string; predicate: Predicate }> = config.rules.map((r) => ({
    event: r.event,
    predicate: compilePredicate(r.when),
  }));
  return (command, state) => {
    if (config.eventTypes.length > 0 && !config.eventTypes.includes(command.type))
      throw new CommandRefused(
        `${command.type} is not an event type of this store (${config.eventTypes.join(', ')})`,
      );
    if (config.streams.length > 0 && !config.streams.some((c) => command.streamId.startsWith(`${c}-`)))
      throw new CommandRefused(
        `stream ${command.streamId} is in no category of this store: ids start with ${config.streams.map((c) => `${c}-`).join(' or ')}`,
      );
    const view = {
      headers: {},
      json: () => ({ state: state ?? {}, data: command.data, streamId: command.streamId }),
    };
    for (const rule of rules) {
      if (rule.event !== command.type || rule.predicate.test(view)) continue;
      throw new CommandRefused(
        `${command.type} refused for ${command.streamId}: rule ${rule.predicate.source} does not hold` +
          (state && 'status' in state ? ` (status is ${String(state.status)})` : ' (the stream is new)'),
      );
    }
  };
}
