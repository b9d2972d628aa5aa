import { z } from 'zod';
import { HTTP_METHODS, wholeNumber } from './common';

/** Fields every service and client kind shares, with the same limits and help text everywhere. */

export const httpMethod = z.enum(HTTP_METHODS, { error: `must be one of ${HTTP_METHODS.join(', ')}` });
export const port = wholeNumber(1, 65_535).meta({ description: 'Port the service listens on (loopback).' });
export const maxBodyBytes = wholeNumber(1024, 100 * 1024 * 1024).meta({
  title: 'Body size limit (bytes)',
  description: 'Larger request bodies are refused with 413.',
});
export const timeoutMs = wholeNumber(1, 600_000).meta({
  title: 'Timeout (ms)',
  description: 'A call with no response by then fails as a timeout.',
});
export const latencyMs = wholeNumber(0, 60_000).meta({
  title: 'Latency (ms)',
  description: 'Added before replying.',
});
