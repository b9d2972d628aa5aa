import { describe, expect, it } from 'vitest';
import { testFlow } from '../test-flow';
import { exchangeWithoutBindings } from './exchange-without-bindings';

describe('exchange-without-bindings', () => {
  it('warns about an exchange bound to no queue or exchange', () => {
    const flow = testFlow(
      [
        ['x', 'rabbitExchange'],
        ['y', 'rabbitExchange'],
        ['q', 'rabbitQueue'],
      ],
      [['y', 'q']],
    );
    expect(exchangeWithoutBindings(flow)).toEqual([
      {
        rule: 'exchange-without-bindings',
        severity: 'warning',
        nodeId: 'x',
        message: 'Exchange "x" has no bindings: RabbitMQ drops every message sent to it',
      },
    ]);
  });
});
