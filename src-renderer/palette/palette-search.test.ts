import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '@shared/flow/node-kinds';
import { searchKinds } from './palette-search';

describe('searchKinds', () => {
  it('lists every kind for an empty query', () => {
    expect(searchKinds('  ')).toEqual(NODE_KINDS);
  });

  it('ranks label matches before keyword and description matches', () => {
    expect(searchKinds('saga')[0]).toBe('sagaOrchestrator');
    expect(searchKinds('queue')[0]).toBe('rabbitQueue');
    expect(searchKinds('dlq')).toEqual(['rabbitQueue']);
    expect(searchKinds('grpc')).toEqual(['grpcService', 'grpcClient']);
  });

  it('needs every word to match', () => {
    expect(searchKinds('rabbit ex')).toEqual(['rabbitExchange']);
    expect(searchKinds('graphql client')).toEqual(['graphqlClient']);
    expect(searchKinds('zzz')).toEqual([]);
  });

  it('finds kinds by family', () => {
    expect(searchKinds('annotations')).toEqual(['group', 'note']);
  });
});
