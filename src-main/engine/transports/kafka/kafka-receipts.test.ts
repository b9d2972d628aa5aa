import { describe, expect, it } from 'vitest';
import { computeReceipts } from './kafka-receipts';

describe('computeReceipts', () => {
  it('numbers the messages of each partition from its base offset, in send order', () => {
    const metadata = [
      { topicName: 't', partition: 0, errorCode: 0, baseOffset: '10' },
      { topicName: 't', partition: 2, errorCode: 0, baseOffset: '7' },
    ];
    expect(computeReceipts([0, 2, 0, 0, 2], metadata)).toEqual([
      { partition: 0, offset: '10' },
      { partition: 2, offset: '7' },
      { partition: 0, offset: '11' },
      { partition: 0, offset: '12' },
      { partition: 2, offset: '8' },
    ]);
  });

  it('keeps offsets past 2^53 exact', () => {
    const metadata = [{ topicName: 't', partition: 0, errorCode: 0, baseOffset: '9007199254740993' }];
    expect(computeReceipts([0, 0], metadata)[1]).toEqual({ partition: 0, offset: '9007199254740994' });
  });

  it('gives only the partition when the broker returned no offset (acks=0)', () => {
    const metadata = [{ topicName: 't', partition: 1, errorCode: 0, baseOffset: '-1' }];
    expect(computeReceipts([1], metadata)).toEqual([{ partition: 1 }]);
  });
});
