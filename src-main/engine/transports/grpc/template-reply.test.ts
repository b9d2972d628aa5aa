import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../template/payload-template';
import { templateReply } from './template-reply';

describe('templateReply', () => {
  it('renders request, metadata, the reply index and the client stream as JSON', () => {
    const render = templateReply(
      compileTemplate(
        '{"to": "{{request.name}}", "n": {{seq}}, "tenant": "{{metadata.tenant}}", "all": {{requests}}}',
      ),
    );
    expect(render({ name: 'Ada' }, { tenant: 'acme' }, 3, [{ name: 'a' }, { name: 'b' }])).toEqual({
      to: 'Ada',
      n: 3,
      tenant: 'acme',
      all: [{ name: 'a' }, { name: 'b' }],
    });
  });

  it('says so when the rendered text is not JSON', () => {
    expect(() => templateReply(compileTemplate('{"a": {{request.x}}'))({ x: 1 }, {}, 0)).toThrow(
      /^response template did not render to JSON/,
    );
  });
});
