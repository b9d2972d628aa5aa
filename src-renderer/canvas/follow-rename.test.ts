import { beforeEach, describe, expect, it } from 'vitest';
import type { NodeConfigByKind } from '@shared/flow/node-kinds';
import { emptyFlow } from './flow-convert';
import { useFlowStore } from './flow-store';

const store = (): ReturnType<typeof useFlowStore.getState> => useFlowStore.getState();
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const configOf = <K extends keyof NodeConfigByKind>(id: string): NodeConfigByKind[K] =>
  store().nodes.find((n) => n.id === id)?.data.config as NodeConfigByKind[K];

/** Renames node `id` as the inspector does, one keystroke at a time. */
function typeName(id: string, name: string): void {
  const config = configOf(id);
  for (let i = 1; i <= name.length; i++)
    store().updateConfig(id, { ...configOf(id), name: name.slice(0, i) });
  expect(configOf(id)).not.toBe(config);
}

describe('renaming a node in the inspector', () => {
  let service: string;
  let other: string;
  let saga: string;
  beforeEach(async () => {
    store().load(emptyFlow(), null);
    service = store().addNode('restService', { x: 0, y: 0 });
    other = store().addNode('restService', { x: 0, y: 200 });
    saga = store().addNode('sagaOrchestrator', { x: 300, y: 0 });
    const steps = configOf<'sagaOrchestrator'>(saga).steps;
    store().updateConfig(saga, {
      ...configOf<'sagaOrchestrator'>(saga),
      steps: [
        { ...steps[0], name: 'reserve', target: configOf(service).name },
        { ...steps[0], name: 'charge', target: configOf(other).name },
      ],
    });
    await nextTask();
  });

  it('carries the references of other nodes along, keystroke by keystroke, and undoes as one step', async () => {
    const otherName = configOf(other).name;
    const sagaBefore = configOf(saga);
    store().updateConfig(service, { ...configOf(service), name: '' });
    typeName(service, 'billing');
    expect(configOf<'sagaOrchestrator'>(saga).steps.map((s) => s.target)).toEqual(['billing', otherName]);
    await nextTask();
    store().undo();
    expect(configOf(saga)).toEqual(sagaBefore);
  });

  it('leaves references alone when the new name is another node’s', () => {
    const serviceName = configOf(service).name;
    const otherName = configOf(other).name;
    store().updateConfig(service, { ...configOf(service), name: otherName });
    expect(configOf<'sagaOrchestrator'>(saga).steps.map((s) => s.target)).toEqual([serviceName, otherName]);
  });

  it('carries them on after a name that was briefly another node’s', () => {
    const otherName = configOf(other).name;
    store().updateConfig(service, { ...configOf(service), name: '' });
    typeName(service, `${otherName}x`);
    expect(configOf<'sagaOrchestrator'>(saga).steps.map((s) => s.target)).toEqual([
      `${otherName}x`,
      otherName,
    ]);
  });
});
