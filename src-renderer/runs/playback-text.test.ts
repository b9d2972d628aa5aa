import { describe, expect, it } from 'vitest';
import { playbackBadge } from './playback-text';

describe('playbackBadge', () => {
  it('sums deliveries as in, sends as out and failures, leaving out what is zero', () => {
    expect(playbackBadge({ deliver: 3, redeliver: 1, ack: 4 })).toBe('in 4');
    expect(playbackBadge({ produce: 5, call: 1, nack: 2, error: 1 })).toBe('out 6 · ✖ 3');
    expect(playbackBadge({})).toBe('');
  });
});
