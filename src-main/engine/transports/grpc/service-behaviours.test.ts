import { describe, expect, it } from 'vitest';
import { grpcServiceConfig } from '@shared/flow/kinds/services';
import { compileTemplate } from '../../template/payload-template';
import { loadProtoService } from './load-proto';
import { serviceBehaviours } from './service-behaviours';
import { templateReply } from './template-reply';

const PROTO = `syntax = "proto3";
package s;
service Orders {
  rpc Get (Req) returns (Res);
  rpc Watch (Req) returns (stream Res);
  rpc Upload (stream Req) returns (Res);
}
message Req { string id = 1; }
message Res { string id = 1; string state = 2; }
`;
const orders = loadProtoService(PROTO, 's.Orders');
const compile = (source: string): ReturnType<typeof templateReply> => templateReply(compileTemplate(source));

describe('serviceBehaviours', () => {
  it('maps each configured method to a behaviour, leaving unmentioned ones out', () => {
    const config = grpcServiceConfig.parse({
      responses: { Get: '{"id": "{{request.id}}", "state": "shipped"}' },
      methods: [{ method: 'Watch', reply: 'echo', items: 3 }],
    });
    const { behaviours, problems } = serviceBehaviours(config, orders, compile);
    expect(problems).toEqual([]);
    expect([...behaviours.keys()]).toEqual(['Get', 'Watch']);
    expect(behaviours.get('Get')?.render?.({ id: '7' }, {}, 0)).toEqual({ id: '7', state: 'shipped' });
    expect(behaviours.get('Watch')).toMatchObject({ reply: 'echo', items: 3 });
  });

  it('reports a template that does not compile at its field, and a legacy template for a missing method', () => {
    const config = grpcServiceConfig.parse({
      responses: { Gone: '{}' },
      methods: [{ method: 'Upload', response: '{"id": "{{nope(}}"}' }],
    });
    const { behaviours, problems } = serviceBehaviours(config, orders, compile);
    expect(behaviours.has('Upload')).toBe(false);
    expect(problems).toEqual([
      {
        field: 'responses.Gone',
        message: 'names a method the service s.Orders does not have (it has Get, Watch, Upload)',
      },
      { field: 'methods[0].response', message: expect.stringContaining('nope(') },
    ]);
  });
});
