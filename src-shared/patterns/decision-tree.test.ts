import { describe, expect, it } from 'vitest';
import { QUESTIONS, RESULTS, walkDecisionTree, type ChooserState } from './decision-tree';

/** Every answer path from the first question to a result. */
function allPaths(prefix: number[] = []): number[][] {
  const state = walkDecisionTree(prefix);
  if (state.done) return [prefix];
  return state.question.answers.flatMap((_, i) => allPaths([...prefix, i]));
}

const resultOf = (answers: number[]): ChooserState => walkDecisionTree(answers);

describe('the integration decision tree', () => {
  it('asks about a distributed transaction first', () => {
    const first = walkDecisionTree([]);
    expect(first.done).toBe(false);
    if (!first.done) expect(first.question.id).toBe('transaction');
  });

  it('follows the page: immediate response → REST/gRPC/GraphQL, several consumers → pub/sub, else a queue', () => {
    const pattern = (answers: number[]): string | undefined => {
      const s = resultOf(answers);
      return s.done ? s.result.pattern : undefined;
    };
    expect(pattern([1, 0, 0])).toBe('REST API');
    expect(pattern([1, 0, 1])).toBe('gRPC');
    expect(pattern([1, 0, 2])).toBe('GraphQL');
    expect(pattern([1, 1, 0])).toBe('Publish/subscribe');
    expect(pattern([1, 1, 1])).toBe('Message queue');
    expect(pattern([0, 0, 0])).toBe('Saga (orchestration)');
    expect(pattern([0, 0, 1])).toBe('Saga (choreography)');
    expect(pattern([0, 1])).toBe('Consider a monolith');
  });

  it('goes beyond the page to the other patterns of the catalogue', () => {
    const pattern = (answers: number[]): string | undefined => {
      const s = resultOf(answers);
      return s.done ? s.result.pattern : undefined;
    };
    expect(pattern([1, 0, 3])).toBe('API gateway');
    expect(pattern([1, 0, 4])).toBe('Service mesh');
    expect(pattern([1, 1, 2, 0])).toBe('CQRS');
    expect(pattern([1, 1, 2, 1])).toBe('Event sourcing');
  });

  it('gives one reason per answer, in order', () => {
    const s = walkDecisionTree([1, 1, 1]);
    expect(s.reasoning).toEqual([
      QUESTIONS.transaction.answers[1].reason,
      QUESTIONS.immediate.answers[1].reason,
      QUESTIONS.consumers.answers[1].reason,
    ]);
  });

  it('reaches every result and every question, and every answer leads somewhere', () => {
    const reached = new Set(allPaths().map((p) => (resultOf(p) as { result: { id: string } }).result.id));
    expect([...reached].sort()).toEqual(Object.keys(RESULTS).sort());
    for (const q of Object.values(QUESTIONS))
      for (const a of q.answers)
        expect(QUESTIONS[a.next] ?? RESULTS[a.next], `${q.id} → ${a.next}`).toBeDefined();
  });

  it('refuses answers that do not exist or that go past a result', () => {
    expect(() => walkDecisionTree([5])).toThrow('answer 5 of question "transaction" does not exist');
    expect(() => walkDecisionTree([0, 1, 0])).toThrow('the tree ends at "Consider a monolith"');
  });
});
