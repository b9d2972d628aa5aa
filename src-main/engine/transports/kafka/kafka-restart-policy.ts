import { errorType } from './kafka-errors';

/** Decides whether kafkajs may restart a crashed member by itself. */
export interface RestartPolicy {
  /** The member joined its group: it works again, so the next crash starts a new streak. */
  joined(): void;
  /** Asked by kafkajs after a retriable crash; false leaves the member stopped until `restart()`. */
  allows(error: Error, now?: number): boolean;
}

/**
 * kafkajs restarts a member after every retriable crash, forever; against a topic deleted
 * under it that is five crashes a second and no progress, a stall that looks like work.
 * A member is restarted automatically while its crashes are younger than `windowMs` (a
 * broker restart or leader election), never for a topic that no longer exists, and
 * otherwise stays stopped with its reason so the user decides.
 */
export function createRestartPolicy(windowMs = 60_000): RestartPolicy {
  let streakStartedAt: number | undefined;
  return {
    joined(): void {
      streakStartedAt = undefined;
    },
    allows(error: Error, now = Date.now()): boolean {
      if (errorType(error) === 'UNKNOWN_TOPIC_OR_PARTITION') return false;
      streakStartedAt ??= now;
      return now - streakStartedAt < windowMs;
    },
  };
}
