import { describe, expect, it } from 'vitest';
import type { EventListItem } from '@shared/api/event-store-types';
import { pointAt, positionLabel, sliderRange } from './timeline-model';

const events: EventListItem[] = [
  { version: 1, type: 'OrderCreated', schemaVersion: 1, recordedAt: 1000, data: {} },
  { version: 2, type: 'PaymentReceived', schemaVersion: 1, recordedAt: 1600, data: {} },
];

describe('the event store time slider', () => {
  it('steps through events from "before the first" to the last, or through time', () => {
    expect(sliderRange('events', events)).toEqual({ min: 0, max: 2, step: 1 });
    expect(sliderRange('time', events)).toEqual({ min: 999, max: 1600, step: 1 });
    expect(pointAt('events', 1.4)).toEqual({ version: 1 });
    expect(pointAt('time', 1200.2)).toEqual({ timestamp: 1200 });
  });

  it('says where it stands', () => {
    expect(positionLabel(0, events)).toBe('before the first of 2 events');
    expect(positionLabel(2, events)).toMatch(
      /^after event 2 of 2: PaymentReceived at \d\d:\d\d:\d\d\.\d{3}$/,
    );
  });
});
