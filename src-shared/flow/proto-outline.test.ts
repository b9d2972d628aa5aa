import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTO } from './node-kinds';
import { outlineProto, tokenizeProto, unaryMethods } from './proto-outline';

describe('outlineProto', () => {
  it('reads the default Greeter proto', () => {
    expect(outlineProto(DEFAULT_PROTO)).toEqual({
      package: 'helloworld',
      services: [
        {
          name: 'Greeter',
          fullName: 'helloworld.Greeter',
          methods: [
            {
              name: 'SayHello',
              requestType: 'HelloRequest',
              responseType: 'HelloReply',
              clientStreaming: false,
              serverStreaming: false,
            },
          ],
        },
      ],
    });
  });

  it('reads streaming flags, option blocks and several services', () => {
    const text = `
      syntax = "proto3";
      package shop.v1;
      import "google/api/annotations.proto";
      message Order { string id = 1; message Line { int32 qty = 1; } }
      service Orders {
        option deprecated = false;
        rpc Get (GetOrder) returns (Order) {
          option (google.api.http) = { get: "/v1/orders/{id}" };
        }
        rpc Watch (GetOrder) returns (stream Order);
        rpc Upload (stream Order) returns (.shop.v1.Ack);
        rpc Chat(stream Msg)returns(stream Msg);
      }
      service Health { rpc Check (Ping) returns (Pong); }
    `;
    const outline = outlineProto(text);
    expect(outline.package).toBe('shop.v1');
    expect(outline.services.map((s) => s.fullName)).toEqual(['shop.v1.Orders', 'shop.v1.Health']);
    const orders = outline.services[0].methods;
    expect(orders.map((m) => [m.name, m.clientStreaming, m.serverStreaming])).toEqual([
      ['Get', false, false],
      ['Watch', false, true],
      ['Upload', true, false],
      ['Chat', true, true],
    ]);
    expect(orders[2].responseType).toBe('.shop.v1.Ack');
    expect(unaryMethods(outline, 'shop.v1.Orders').map((m) => m.name)).toEqual(['Get']);
    expect(unaryMethods(outline, 'Health').map((m) => m.name)).toEqual(['Check']);
  });

  it('ignores comments and strings that look like syntax', () => {
    const text = `
      // service Fake { rpc Nope (A) returns (B); }
      /* service Hidden {
           rpc Gone (A) returns (B);
         } */
      package demo; // trailing comment
      service Real {
        // rpc Commented (A) returns (B);
        rpc Visible (A) returns (B) { option (note) = "rpc Fake (X) returns (Y) }"; }
      }
    `;
    const outline = outlineProto(text);
    expect(outline.services).toHaveLength(1);
    expect(outline.services[0].methods.map((m) => m.name)).toEqual(['Visible']);
  });

  it('treats a message named stream as a type, not a keyword', () => {
    const outline = outlineProto('service S { rpc Open (stream) returns (stream stream); }');
    expect(outline.services[0].fullName).toBe('S');
    expect(outline.services[0].methods[0]).toMatchObject({
      requestType: 'stream',
      clientStreaming: false,
      responseType: 'stream',
      serverStreaming: true,
    });
  });

  it('never throws on half-typed text', () => {
    const samples = [
      '',
      'service',
      'service X {',
      'service X { rpc',
      'service X { rpc M (',
      '/* open',
      '"open',
    ];
    for (const s of samples) expect(() => outlineProto(s)).not.toThrow();
    expect(outlineProto('service X { rpc M (A) returns (B); rpc N (').services[0].methods).toHaveLength(1);
    expect(unaryMethods(outlineProto(''), 'any')).toEqual([]);
  });

  it('tokenizes dotted identifiers and strings', () => {
    expect(tokenizeProto('option x = "a b"; .pkg.T')).toEqual(['option', 'x', '=', '"a b"', ';', '.pkg.T']);
  });
});
