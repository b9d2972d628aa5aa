import type { AssertionResult } from '../engine/assertions/evaluate-assertions';

/** The run itself, reported as one more test case so a run that broke down fails the suite. */
export interface RunCase {
  passed: boolean;
  detail: string;
}

/**
 * A JUnit XML report (the format CI servers read): one suite for the flow, one test case per
 * assertion in the flow's order, plus a first case for the run itself.
 */
export function junitReport(
  flowName: string,
  seconds: number,
  run: RunCase,
  results: AssertionResult[],
): string {
  const cases = [
    testCase(flowName, 'the run starts and stops cleanly', run.passed, run.detail),
    ...results.map((r) => testCase(flowName, r.name, r.passed, r.detail)),
  ];
  const failures = (run.passed ? 0 : 1) + results.filter((r) => !r.passed).length;
  const suite =
    `  <testsuite name="${xml(flowName)}" tests="${cases.length}" failures="${failures}" errors="0" ` +
    `time="${seconds.toFixed(3)}">\n${cases.join('')}  </testsuite>\n`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="flowbench run" tests="${cases.length}" failures="${failures}" errors="0" time="${seconds.toFixed(3)}">\n` +
    `${suite}</testsuites>\n`
  );
}

function testCase(classname: string, name: string, passed: boolean, detail: string): string {
  const open = `    <testcase classname="${xml(classname)}" name="${xml(name)}" time="0"`;
  if (passed) return `${open}>\n      <system-out>${xml(detail)}</system-out>\n    </testcase>\n`;
  return `${open}>\n      <failure message="${xml(detail)}" type="AssertionFailed">${xml(detail)}</failure>\n    </testcase>\n`;
}

/** Escapes text for XML; drops characters XML 1.0 cannot hold (broker errors are untrusted text). */
function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
