import { describe, expect, it } from 'vitest';
import { parseGraphqlHttpRequest } from './graphql-http-request';

const none = Buffer.alloc(0);
const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

describe('parseGraphqlHttpRequest', () => {
  it('reads GET parameters, decoding variables and extensions from JSON', () => {
    const params = new URLSearchParams({
      query: '{ a }',
      variables: '{"id": 1}',
      operationName: 'A',
      extensions: '{"traceparent": "t"}',
    });
    expect(parseGraphqlHttpRequest('GET', params, undefined, none)).toEqual({
      ok: true,
      params: { query: '{ a }', variables: { id: 1 }, operationName: 'A', extensions: { traceparent: 't' } },
    });
  });

  it('reads a POST JSON body, defaulting what is absent', () => {
    expect(
      parseGraphqlHttpRequest(
        'POST',
        new URLSearchParams(),
        'application/json; charset=utf-8',
        json({ query: '{ a }' }),
      ),
    ).toEqual({
      ok: true,
      params: { query: '{ a }', variables: {}, operationName: null, extensions: {} },
    });
  });

  it('says what is wrong with a request that is not GraphQL', () => {
    const q = new URLSearchParams();
    expect(parseGraphqlHttpRequest('PUT', q, 'application/json', none)).toMatchObject({
      status: 405,
      allow: 'GET, POST',
    });
    expect(parseGraphqlHttpRequest('POST', q, 'text/plain', json({ query: '{ a }' }))).toMatchObject({
      status: 415,
    });
    expect(parseGraphqlHttpRequest('POST', q, 'application/json', Buffer.from('{'))).toMatchObject({
      status: 400,
    });
    expect(parseGraphqlHttpRequest('POST', q, 'application/json', json({}))).toEqual({
      ok: false,
      status: 400,
      message: '"query" is required',
    });
    expect(
      parseGraphqlHttpRequest('POST', q, 'application/json', json({ query: '{a}', variables: [1] })),
    ).toEqual({
      ok: false,
      status: 400,
      message: '"variables" must be a JSON object',
    });
    expect(
      parseGraphqlHttpRequest(
        'GET',
        new URLSearchParams({ query: '{a}', variables: '{oops' }),
        undefined,
        none,
      ),
    ).toMatchObject({ message: '"variables" must be JSON' });
  });
});
