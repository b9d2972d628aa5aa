/** The kafkajs error fields we look at; every KafkaJS error is an Error with these. */
interface KafkaJsErrorShape extends Error {
  type?: string;
  cause?: unknown;
}

/** The first kafkajs protocol error type along the cause chain. */
export function errorType(error: unknown): string | undefined {
  // KafkaJSNumberOfRetriesExceeded keeps the protocol error it gave up on as its cause.
  for (let current = error; current instanceof Error; current = (current as KafkaJsErrorShape).cause) {
    const type = (current as KafkaJsErrorShape).type;
    if (type) return type;
  }
  return undefined;
}

/**
 * Names the topic when the broker says it does not exist or refuses a batch as too large.
 * kafkajs's messages ("This server does not host this topic-partition") name neither the
 * topic nor the likely cause, and with auto topic creation off a missing topic is the most
 * common mistake in a flow. Any other error is returned unchanged.
 */
export function explainTopicError(error: unknown, topic: string): unknown {
  const type = errorType(error);
  const message = (error as Error).message;
  if (type === 'UNKNOWN_TOPIC_OR_PARTITION') {
    return new Error(`Topic "${topic}" does not exist on the cluster (kafkajs: ${message})`, {
      cause: error,
    });
  }
  if (type === 'MESSAGE_TOO_LARGE') {
    return new Error(
      `A batch is larger than topic "${topic}" accepts (its max.message.bytes): send fewer or smaller messages, compress, or raise the limit (kafkajs: ${message})`,
      { cause: error },
    );
  }
  return error;
}
