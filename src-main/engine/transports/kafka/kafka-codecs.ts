import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import createSnappyCodec from 'kafkajs-snappy';
import type { TopicProducerOptions } from '../transport';

/**
 * Registers the codecs kafkajs lacks (snappy; gzip is built in). Registration is global to
 * kafkajs and also lets our consumers read snappy batches other clients wrote, so every
 * transport calls this on creation; repeated calls do nothing.
 */
export function registerCodecs(): void {
  if (CompressionCodecs[CompressionTypes.Snappy] !== createSnappyCodec) {
    CompressionCodecs[CompressionTypes.Snappy] = createSnappyCodec;
  }
}

/** The kafkajs compression type for a producer's `compression` option. */
export function compressionType(compression: TopicProducerOptions['compression']): CompressionTypes {
  switch (compression ?? 'none') {
    case 'gzip':
      return CompressionTypes.GZIP;
    case 'snappy':
      return CompressionTypes.Snappy;
    default:
      return CompressionTypes.None;
  }
}
