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
 * broker restart or leader election), and otherwise stays stopped with its reason so the
 * user decides. "Unknown topic" gets a shorter grace, `unknownTopicMs`: a broker that has
 * just restarted says it for a few seconds while it loads its logs (a loaded machine lost
 * a member that way), but a topic deleted under the member must stop it soon.
 */
export function createRestartPolicy(windowMs = 60_000, unknownTopicMs = 15_000): RestartPolicy {
  let streakStartedAt: number | undefined;
  return {
    joined(): void {
      streakStartedAt = undefined;
    },
    allows(error: Error, now = Date.now()): boolean {
      streakStartedAt ??= now;
      const limit = errorType(error) === 'UNKNOWN_TOPIC_OR_PARTITION' ? unknownTopicMs : windowMs;
      return now - streakStartedAt < limit;
    },
  };
}
