import { useEffect, useState, type ReactElement } from 'react';
import { walkDecisionTree } from '@shared/patterns/decision-tree';
import { api } from '../app/api-holder';
import { Dialog } from '../app/Dialog';
import type { PatternChoice } from '../app/dialog-store';
import './templates.css';

interface Props {
  resolve(choice: PatternChoice | null): void;
}

/**
 * The integration decision tree of PATTERNS.md as a guided chooser: one question at a time,
 * the reasoning so far above it, and at the end the recommended pattern, whose template
 * opens when it exists.
 */
export function PatternChooser({ resolve }: Props): ReactElement {
  const [answers, setAnswers] = useState<number[]>([]);
  const [available, setAvailable] = useState<Set<string> | null>(null);
  const state = walkDecisionTree(answers);

  useEffect(() => {
    let live = true;
    const list = api()['templates.list'];
    list({})
      .then((res) => live && setAvailable(new Set(res.templates.map((t) => t.id))))
      .catch(() => live && setAvailable(new Set()));
    return () => {
      live = false;
    };
  }, []);

  const templateId = state.done ? state.result.templateId : null;
  const canOpen = templateId !== null && available?.has(templateId) === true;

  return (
    <Dialog
      title="Choose a pattern"
      wide
      onCancel={() => resolve(null)}
      actions={
        <>
          {answers.length > 0 && (
            <button type="button" className="fb-btn" onClick={() => setAnswers(answers.slice(0, -1))}>
              Back
            </button>
          )}
          {state.done && (
            <button type="button" className="fb-btn" onClick={() => setAnswers([])}>
              Start over
            </button>
          )}
          <button type="button" className="fb-btn" onClick={() => resolve(null)}>
            Cancel
          </button>
          {state.done && templateId !== null && (
            <button
              type="button"
              className="fb-btn fb-btn--primary"
              disabled={!canOpen}
              onClick={() => templateId && resolve({ templateId, reasoning: state.reasoning })}
            >
              Open template
            </button>
          )}
        </>
      }
    >
      {state.reasoning.length > 0 && (
        <ol className="fb-chooser__reasoning" aria-label="Reasoning">
          {state.reasoning.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      )}
      {!state.done && (
        <fieldset className="fb-chooser__question" key={state.question.id}>
          <legend className="fb-chooser__ask">{state.question.question}</legend>
          <p className="fb-muted">{state.question.detail}</p>
          <div className="fb-chooser__answers">
            {state.question.answers.map((a, i) => (
              <button
                key={a.label}
                type="button"
                className="fb-btn fb-chooser__answer"
                autoFocus={i === 0}
                onClick={() => setAnswers([...answers, i])}
              >
                {a.label}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {state.done && (
        <section className="fb-chooser__result" aria-label="Recommendation">
          <h3 className="fb-chooser__pattern">Recommended: {state.result.pattern}</h3>
          <p>{state.result.summary}</p>
          {templateId !== null && available && !canOpen && (
            <p className="fb-muted" role="status">
              The {state.result.pattern} template is not available yet.
            </p>
          )}
        </section>
      )}
    </Dialog>
  );
}
