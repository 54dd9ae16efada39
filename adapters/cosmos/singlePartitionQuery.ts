/**
 * A query the caller scopes to one whole partition key (`partitionKey` in the feed options) runs inside that one
 * logical partition: Cosmos DB executes it there whole (ORDER BY, aggregates, continuation) and the client needs no
 * query plan. The SDK (4.x) still asks the gateway for one on the first page of every iterator, speculatively and
 * beside the query itself, and reads it only if the gateway refuses the query as cross-partition, which a query
 * confined to one logical partition never is. On a request path that is one more round trip per listing (and, on the
 * local emulator, the whole query run a second time).
 *
 * `withoutQueryPlan` gives the iterator an already settled "no plan" before its first page, so none is requested. The
 * SDK has no option for this: the iterator reuses a plan promise it already holds (`QueryIterator.fetchQueryPlan`).
 * If the SDK ever did need the plan, the query fails with `NoQueryPlanError` instead of running unplanned.
 * test/cosmos/queryPlan.test.ts counts the plan requests the emulator receives, so an SDK upgrade that changes this
 * fails there.
 */
import type { QueryIterator } from '@azure/cosmos';

class NoQueryPlanError extends Error {
  constructor() {
    super('A query scoped to one partition key was sent without a query plan, and the service asked for one');
    this.name = 'NoQueryPlanError';
  }
}

/**
 * One settled answer for every iterator of the process: the SDK only awaits it and checks for an Error, and an error
 * built per query would capture a stack trace on every listing.
 */
const noQueryPlan: Promise<unknown> = Promise.resolve(new NoQueryPlanError());

export function withoutQueryPlan<T>(iterator: QueryIterator<T>): QueryIterator<T> {
  // The SDK returns the plan promise it holds instead of fetching one; an Error in it is thrown where a plan is used.
  (iterator as unknown as { queryPlanPromise?: Promise<unknown> }).queryPlanPromise = noQueryPlan;
  return iterator;
}
