import { describe, expect, it } from 'vitest';
import { baseName, suggestedFileName, windowTitle, withFlowExtension } from './file-names';

describe('file names', () => {
  it('takes the base name of POSIX and Windows paths', () => {
    expect(baseName('/data/flows/orders.flow.json')).toBe('orders.flow.json');
    expect(baseName('C:\\flows\\orders.flow.json')).toBe('orders.flow.json');
  });

  it('suggests a file-safe name from the flow name', () => {
    expect(suggestedFileName(null, 'Orders & tasks / demo')).toBe('orders-tasks-demo.flow.json');
    expect(suggestedFileName(null, '  ')).toBe('flow.flow.json');
    expect(suggestedFileName('/x/a.flow.json', 'ignored')).toBe('a.flow.json');
  });

  it('adds the extension only when missing', () => {
    expect(withFlowExtension('orders')).toBe('orders.flow.json');
    expect(withFlowExtension('orders.flow.json')).toBe('orders.flow.json');
    expect(withFlowExtension('orders.json')).toBe('orders.flow.json');
    expect(withFlowExtension(' a.FLOW.json ')).toBe('a.flow.json');
  });

  it('marks unsaved changes in the window title', () => {
    expect(windowTitle(null, 'Demo', false)).toBe('Demo — Flowbench');
    expect(windowTitle('/x/demo.flow.json', 'Demo', true)).toBe('● demo.flow.json — Flowbench');
  });
});
