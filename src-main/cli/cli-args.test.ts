import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseDuration, UsageError } from './cli-args';
import { junitReport } from './junit-report';
import { parsePace, parseTarget } from './replay-command';

describe('flowbench arguments', () => {
  it('parses run with its options and defaults', () => {
    expect(
      parseCliArgs(['run', 'a.flow.json', '--env', 'local', '--messages', '50', '--report', 'r.xml']),
    ).toEqual({
      command: 'run',
      flowFile: 'a.flow.json',
      env: 'local',
      messages: 50,
      timeoutMs: 60_000,
      report: 'r.xml',
    });
  });

  it('reads durations in ms, s and m, and refuses the rest', () => {
    expect([
      parseDuration('500ms', '--d'),
      parseDuration('10s', '--d'),
      parseDuration('2m', '--d'),
      parseDuration('3', '--d'),
    ]).toEqual([500, 10_000, 120_000, 3000]);
    expect(() => parseDuration('soon', '--duration')).toThrow('--duration must be a duration such as 10s');
  });

  it('refuses what cannot be acted on, with a UsageError', () => {
    expect(() => parseCliArgs(['run', 'a', '--duration', '1s', '--messages', '2'])).toThrow(UsageError);
    expect(() => parseCliArgs(['fly'])).toThrow('unknown command "fly"');
    expect(() => parseCliArgs(['validate'])).toThrow('validate takes one flow file (got 0)');
    expect(() => parseCliArgs(['replay', '--messages', '1,x', '--db', 'd'])).toThrow(
      '--messages must be message ids',
    );
    expect(parseCliArgs([])).toEqual({ command: 'help' });
  });

  it('reads replay targets and pacing', () => {
    expect(parseTarget('exchange:billing:eu.orders')).toEqual({
      kind: 'exchange',
      exchange: 'billing',
      routingKey: 'eu.orders',
    });
    expect(parseTarget('http:post:http://127.0.0.1:8080/orders?x=1')).toEqual({
      kind: 'http',
      method: 'POST',
      path: '/orders?x=1',
      baseUrl: 'http://127.0.0.1:8080',
    });
    expect(parsePace('recorded:2')).toEqual({ mode: 'recorded', speed: 2 });
    expect(() => parsePace('rate:0')).toThrow(UsageError);
  });
});

describe('junitReport', () => {
  it('escapes untrusted text and counts the run case and failed assertions', () => {
    const xml = junitReport('f <1>', 1.5, { passed: true, detail: 'ok' }, [
      {
        assertion: { kind: 'noErrors' },
        name: 'no node ends in error',
        passed: false,
        detail: 'a: "x" & <y>\u0001',
      },
    ]);
    expect(xml).toContain('<testsuite name="f &lt;1&gt;" tests="2" failures="1"');
    expect(xml).toContain('<failure message="a: &quot;x&quot; &amp; &lt;y&gt;" type="AssertionFailed">');
  });
});
