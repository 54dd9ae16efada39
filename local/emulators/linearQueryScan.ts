/**
 * Keeps the Cosmos emulator's queries linear in the size of a container.
 *
 * `@vercel/cosmosdb-server` runs every query with `@zeit/cosmosdb-query`, which compiles the SQL to JavaScript that
 * starts by turning the container's documents into rows with `documents.reduce(($, c) => [...$, { c }], [])`: the
 * accumulator is copied for every document, so one query costs O(n²) in the documents of the container, whatever its
 * filter or partition (30,000 documents: 6 s per query). Every query then slowed as the platform held more data, and
 * planning a book grew roughly as the square of its segments.
 *
 * Each reducer the compiler generates (FROM, JOIN and IN clauses alike) returns the accumulator it was given, either
 * unchanged or followed by what one element contributes (`[...$, row]`, `[...$, ...rows]`). So calling it with an empty
 * accumulator yields exactly that element's contribution, and appending the contributions in order gives the same
 * rows in linear time. The collection handed to a compiled query gets a `reduce` that does this; anything that is not
 * such a call (a non-empty initial value) runs the ordinary `reduce`.
 */
type Reducer = (accumulator: unknown[], element: unknown, index: number, array: unknown[]) => unknown;

/** An array whose `reduce` appends each element's contribution (see above); arrays derived from it are the same. */
class AppendingRows extends Array<unknown> {}

function appendContributions(this: unknown[], reducer: Reducer, ...rest: unknown[]): unknown {
  const [initial] = rest;
  if (rest.length !== 1 || !Array.isArray(initial) || initial.length !== 0)
    return (Array.prototype.reduce as (...args: unknown[]) => unknown).call(this, reducer, ...rest);
  const rows = new AppendingRows();
  for (let i = 0; i < this.length; i++) {
    const contribution = reducer([], this[i], i, this);
    if (!Array.isArray(contribution)) throw new Error('a query reducer returned something other than rows');
    for (const row of contribution) rows.push(row);
  }
  return rows;
}

Object.defineProperty(AppendingRows.prototype, 'reduce', { value: appendContributions, writable: true });

/** Marks queries already wrapped (the library caches compiled queries and hands the same object out again). */
const WRAPPED = Symbol('linearQueryScan');

interface CompiledQuery {
  exec(collection: unknown[], options?: unknown): unknown;
}

/** The same array, now reducing by appending contributions (the emulator hands each query a fresh array). */
export function asAppendingRows<T>(collection: T[]): T[] {
  return Object.setPrototypeOf(collection, AppendingRows.prototype) as T[];
}

/** Makes `query` scan in linear time; returns the same object. */
export function scanLinearly<Q extends CompiledQuery>(query: Q): Q {
  const marked = query as Q & { [WRAPPED]?: true };
  if (marked[WRAPPED]) return query;
  const exec = query.exec.bind(query);
  marked.exec = (collection, options) =>
    exec(Array.isArray(collection) ? asAppendingRows(collection) : collection, options);
  marked[WRAPPED] = true;
  return query;
}
