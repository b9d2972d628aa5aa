import { pageAfter, type Page } from './resource-page';

/** A JSON object as the collection stores it. */
export type Item = Record<string, unknown>;

/** Path parameter values that scope a collection, e.g. `{ userId: '7' }` for `/v1/users/:userId/orders`. */
export type Scope = Record<string, string>;

interface Stored {
  /** Insertion number: what cursors point after. */
  seq: number;
  scopeKey: string;
  item: Item;
}

/** Why a write was refused; the handlers turn it into a status code. */
export class ResourceConflict extends Error {}
export class ResourceInvalid extends Error {}

/**
 * The items of one CRUD resource for one run, in insertion order. Ids are unique within a
 * scope; an item without one is numbered 1, 2, 3… (after the highest numeric seed id).
 * Every item read or written is a copy, so callers cannot change what is stored.
 */
export class ResourceCollection {
  private readonly byKey = new Map<string, Stored>();
  private seq = 0;
  private nextId = 1;

  constructor(
    /** The collection's name for messages, e.g. `orders`. */
    readonly name: string,
    readonly idField: string,
    /** Names of the path parameters that scope it. */
    readonly scopeParams: readonly string[],
  ) {}

  /** Adds the initial items; each one's scope comes from its own fields of the same names. */
  seed(items: readonly Item[]): void {
    for (const item of items) {
      const scope: Scope = {};
      for (const p of this.scopeParams) scope[p] = String(item[p] ?? '');
      this.create(scope, item);
    }
  }

  /** Stores a new item; throws ResourceConflict when its id is taken, ResourceInvalid when its scope fields disagree. */
  create(scope: Scope, body: Item): Item {
    const item = this.scoped(scope, body);
    let id = item[this.idField];
    if (id === undefined || id === null || id === '') {
      id = this.nextId;
      item[this.idField] = id;
    }
    if (typeof id !== 'string' && typeof id !== 'number')
      throw new ResourceInvalid(`${this.idField} must be a string or a number`);
    const key = this.key(scope, id);
    if (this.byKey.has(key)) throw new ResourceConflict(`${this.name} ${String(id)} already exists`);
    if (typeof id === 'number' && Number.isSafeInteger(id) && id >= this.nextId) this.nextId = id + 1;
    this.byKey.set(key, { seq: ++this.seq, scopeKey: scopeKey(scope), item });
    return { ...item };
  }

  get(scope: Scope, id: string): Item | undefined {
    const stored = this.byKey.get(this.key(scope, id));
    return stored ? { ...stored.item } : undefined;
  }

  /** Replaces an item (keeping its id and place in the list); undefined when there is none. */
  replace(scope: Scope, id: string, body: Item): Item | undefined {
    const stored = this.byKey.get(this.key(scope, id));
    if (!stored) return undefined;
    stored.item = { ...this.scoped(scope, body), [this.idField]: stored.item[this.idField] };
    return { ...stored.item };
  }

  /** Merges fields into an item (its id stays); undefined when there is none. */
  update(scope: Scope, id: string, patch: Item): Item | undefined {
    const stored = this.byKey.get(this.key(scope, id));
    if (!stored) return undefined;
    stored.item = { ...stored.item, ...this.scoped(scope, patch), [this.idField]: stored.item[this.idField] };
    return { ...stored.item };
  }

  /** True when an item was there to delete. */
  remove(scope: Scope, id: string): boolean {
    return this.byKey.delete(this.key(scope, id));
  }

  /** A page of the scope's items after the cursor's item. */
  page(scope: Scope, after: number, limit: number): Page<Item> {
    const page = pageAfter(this.inScope(scope), after, limit);
    return { items: page.items.map((s) => ({ ...s.item })), next: page.next };
  }

  /** The scope's last `n` items, oldest first. */
  last(scope: Scope, n: number): Item[] {
    return this.inScope(scope)
      .slice(-n)
      .map((s) => ({ ...s.item }));
  }

  get size(): number {
    return this.byKey.size;
  }

  private inScope(scope: Scope): Stored[] {
    const key = scopeKey(scope);
    return [...this.byKey.values()].filter((s) => s.scopeKey === key);
  }

  /** A copy of `body` without `_links`, its scope fields filled in from the path (and checked). */
  private scoped(scope: Scope, body: Item): Item {
    const { _links: _ignored, ...item } = body;
    for (const [param, value] of Object.entries(scope)) {
      const given = item[param];
      if (given === undefined) item[param] = /^\d+$/.test(value) ? Number(value) : value;
      else if (String(given) !== value)
        throw new ResourceInvalid(
          `${param} is ${JSON.stringify(given)} in the body but ${value} in the path`,
        );
    }
    return item;
  }

  private key(scope: Scope, id: unknown): string {
    return `${scopeKey(scope)}\u0000${String(id)}`;
  }
}

function scopeKey(scope: Scope): string {
  return JSON.stringify(
    Object.keys(scope)
      .sort()
      .map((k) => [k, scope[k]]),
  );
}
