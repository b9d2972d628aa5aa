import { useId, useState, type ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  ASSERTION_KINDS,
  describeAssertion,
  flowAssertionSchema,
  type FlowAssertion,
} from '@shared/flow/assertions';
import { useFlowStore } from '../canvas/flow-store';
import './assertions.css';

type Kind = (typeof ASSERTION_KINDS)[number];

const KIND_LABELS: Record<Kind, string> = {
  noDeadLetters: 'No message dead-lettered',
  sagasSettled: 'Every saga confirmed or compensated',
  latencyP99: 'p99 latency at most (ms)',
  delivered: 'At least N delivered to',
  noErrors: 'No node ends in error',
};
const NEEDS_NODE: ReadonlySet<Kind> = new Set(['latencyP99', 'delivered']);
/** One empty list, so the store selector returns the same value while there are none. */
const NONE: FlowAssertion[] = [];
const NEEDS_NUMBER: ReadonlySet<Kind> = new Set(['latencyP99', 'delivered']);

/** A node as the list shows it: its name, and the id the assertion stores when they differ. */
function nodeOptionLabel(id: string, name: unknown): string {
  return typeof name === 'string' && name !== '' && name !== id ? `${name} (${id})` : id;
}

/** The draft of a new assertion as typed, turned into one the schema accepts (or its problem). */
function toAssertion(kind: Kind, node: string, value: string): FlowAssertion | string {
  const raw: Record<string, unknown> = { kind };
  if (NEEDS_NODE.has(kind) || (kind === 'sagasSettled' && node)) raw.node = node;
  if (kind === 'latencyP99') raw.maxMs = Number(value);
  if (kind === 'delivered') raw.atLeast = Number(value);
  const res = flowAssertionSchema.safeParse(raw);
  return res.success ? res.data : res.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
}

/**
 * The flow's assertions, checked by `flowbench run` (shown while nothing is selected): a list
 * in file order with Remove, and a small form to add one.
 */
export function AssertionsSection(): ReactElement {
  const { assertions, nodes, setAssertions } = useFlowStore(
    useShallow((s) => ({ assertions: s.assertions ?? NONE, nodes: s.nodes, setAssertions: s.setAssertions })),
  );
  const id = useId();
  const [kind, setKind] = useState<Kind>('noDeadLetters');
  const [node, setNode] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const candidates = nodes.filter((n) =>
    kind === 'sagasSettled' ? n.type === 'sagaOrchestrator' : n.type !== 'group' && n.type !== 'note',
  );

  const add = (): void => {
    const next = toAssertion(kind, node, value);
    if (typeof next === 'string') {
      setProblem(next);
      return;
    }
    setProblem(null);
    setAssertions([...assertions, next]);
  };

  return (
    <section className="fb-assertions" aria-label="Assertions">
      <h3 className="fb-field__label">Assertions (checked by flowbench run)</h3>
      {assertions.length === 0 ? (
        <p className="fb-field__hint">None yet: a headless run of this flow only reports its counters.</p>
      ) : (
        <ul className="fb-assertions__list">
          {assertions.map((a, i) => (
            <li key={`${i}-${describeAssertion(a)}`}>
              <span>{describeAssertion(a)}</span>
              <button
                type="button"
                className="fb-btn fb-btn--ghost"
                aria-label={`Remove assertion: ${describeAssertion(a)}`}
                onClick={() => setAssertions(assertions.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="fb-assertions__add">
        <select
          aria-label="Assertion kind"
          className="fb-input"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          {ASSERTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        {(NEEDS_NODE.has(kind) || kind === 'sagasSettled') && (
          <select
            aria-label="Assertion node"
            className="fb-input"
            value={node}
            onChange={(e) => setNode(e.target.value)}
          >
            <option value="">{kind === 'sagasSettled' ? 'every saga' : 'choose a node'}</option>
            {candidates.map((n) => (
              <option key={n.id} value={n.id}>
                {nodeOptionLabel(n.id, (n.data.config as { name?: unknown }).name)}
              </option>
            ))}
          </select>
        )}
        {NEEDS_NUMBER.has(kind) && (
          <input
            id={`${id}-value`}
            aria-label={kind === 'latencyP99' ? 'Maximum p99 (ms)' : 'At least (messages)'}
            className="fb-input"
            inputMode="numeric"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
        <button type="button" className="fb-btn" onClick={add}>
          Add assertion
        </button>
      </div>
      {problem && <p className="fb-warn-text">{problem}</p>}
    </section>
  );
}
