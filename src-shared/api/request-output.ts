/** Carries an output type without a runtime schema (outputs are produced by us, not parsed). */
export function output<T>(): T {
  return undefined as unknown as T;
}
