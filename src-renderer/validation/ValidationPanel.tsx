import { useEffect, useMemo, type ReactElement } from 'react';
import type { LintFinding, LintSeverity } from '@shared/flow/lint/lint-flow';
import { useFlowStore } from '../canvas/flow-store';
import { startLinting, useLintStore } from './lint-store';
import { useRevealFinding } from './useRevealFinding';
import './validation.css';

/** The symbol and spoken name of each severity (symbols are text, so no icon font is needed). */
export const SEVERITY: Record<LintSeverity, { icon: string; label: string }> = {
  error: { icon: '✖', label: 'Error' },
  warning: { icon: '▲', label: 'Warning' },
  info: { icon: '●', label: 'Note' },
};

/**
 * The validation panel beside the messages: every design finding of the flow, updated as
 * the user edits. Clicking one selects its node (or connection) and centres it.
 */
export function ValidationPanel(): ReactElement {
  const findings = useLintStore((s) => s.findings);
  const open = useLintStore((s) => s.panelOpen);
  const setOpen = useLintStore((s) => s.setPanelOpen);
  const reveal = useRevealFinding();

  useEffect(() => startLinting(), []);

  return (
    <section
      className={`fb-validation${open ? '' : ' fb-validation--closed'}`}
      aria-label="Validation"
      data-testid="validation-panel"
    >
      <header className="fb-validation__bar">
        <button
          type="button"
          className="fb-validation__toggle"
          aria-expanded={open}
          aria-controls="fb-validation-list"
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          <span className="fb-validation__title">Problems</span>
          <span className="fb-validation__count" data-testid="validation-panel-count">
            {findings.length}
          </span>
        </button>
      </header>
      {open && (
        <div className="fb-validation__body" id="fb-validation-list">
          {findings.length === 0 ? (
            <p className="fb-validation__empty">No problems found.</p>
          ) : (
            <ul className="fb-validation__list">
              {findings.map((f, i) => (
                <FindingRow
                  key={`${f.rule}:${f.nodeId ?? f.edgeId ?? ''}:${i}`}
                  finding={f}
                  onReveal={reveal}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function FindingRow({
  finding,
  onReveal,
}: {
  finding: LintFinding;
  onReveal(finding: LintFinding): void;
}): ReactElement {
  const where = useSubjectName(finding);
  const severity = SEVERITY[finding.severity];
  return (
    <li>
      <button
        type="button"
        className={`fb-validation__item fb-validation__item--${finding.severity}`}
        data-testid="validation-item"
        data-rule={finding.rule}
        data-severity={finding.severity}
        disabled={!finding.nodeId && !finding.edgeId}
        onClick={() => onReveal(finding)}
      >
        <span className="fb-validation__icon" role="img" aria-label={severity.label}>
          {severity.icon}
        </span>
        <span className="fb-validation__message">{finding.message}</span>
        {where && <span className="fb-validation__where">{where}</span>}
      </button>
    </li>
  );
}

/** The node's name (or "a → b" for a connection), read narrowly so other edits do not re-render. */
function useSubjectName(finding: LintFinding): string | null {
  const { nodeId, edgeId } = finding;
  const edge = useFlowStore((s) => (edgeId ? s.edges.find((e) => e.id === edgeId) : undefined));
  const ids = useMemo(() => (nodeId ? [nodeId] : edge ? [edge.source, edge.target] : []), [nodeId, edge]);
  const names = useFlowStore((s) =>
    ids
      .map((id) => {
        const config = s.nodes.find((n) => n.id === id)?.data.config as { name?: unknown } | undefined;
        return typeof config?.name === 'string' && config.name ? config.name : id;
      })
      .join(' → '),
  );
  return names || null;
}
