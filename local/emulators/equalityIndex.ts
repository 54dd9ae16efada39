/**
 * An index for the local Cosmos emulator, so that a query costs what it would in Azure: the documents its indexed
 * equality filters select, not the whole container.
 *
 * `@vercel/cosmosdb-server` evaluates every query against every document of the container (linearQueryScan.ts keeps
 * that linear), where Cosmos DB serves an equality filter from its index. A listing that reads one chapter's
 * segments then cost, locally, as much as the book had segments, and every page of a long book was slower than the
 * same page of a short one for no reason Azure shares.
 *
 * Each container keeps, for a few top-level paths (its partition key paths and the paths its composite indexes
 * filter by equality before their last, ordering path: adapters/cosmos/containers.ts), the documents holding each
 * primitive value. A query's WHERE clause is read for conjuncts that compare such a path with a constant or parameter
 * (`c.chapterId = @p2`), or that are a disjunction of alternatives each holding one; the smallest set any of them
 * selects is handed to the compiled query, which still applies the whole filter. The rows are therefore exactly those
 * of a full scan, in the same order (documents keep the order the container holds them in), so ORDER BY, continuation
 * tokens and aggregates behave as before. A query with no such conjunct scans the container as before.
 */
import type { IndexedPath } from '../../adapters/cosmos/containers';

/** The parts of `@zeit/cosmosdb-query`'s syntax tree read here; everything else is left alone. */
interface SyntaxNode {
  type: string;
  [key: string]: unknown;
}

interface QueryParameter {
  name: string;
  value: unknown;
}

/**
 * The sets of top-level paths (without the leading slash) whose values a container's documents are looked up by:
 * the id, each partition key path, and each leading run of the paths a composite index filters by equality before its last,
 * ordering path (an index on chapter, generation, flag and position serves chapter; chapter and generation; and
 * chapter, generation and flag).
 */
export function equalityKeys(definition: {
  partitionKeyPaths: string[];
  compositeIndexes?: IndexedPath[][];
}): string[][] {
  const topLevel = (path: string) => path.slice(1);
  const keys = [['id'], ...definition.partitionKeyPaths.map((path) => [topLevel(path)])];
  for (const index of definition.compositeIndexes ?? []) {
    const equalities = index.slice(0, -1).map((entry) => topLevel(entry.path));
    for (let length = 1; length <= equalities.length; length++) keys.push(equalities.slice(0, length));
  }
  const valid = keys.filter((key) => key.every((path) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(path)));
  return [...new Map(valid.map((key) => [key.join(','), key])).values()];
}

type Primitive = string | number | boolean;

const isPrimitive = (value: unknown): value is Primitive =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** Cosmos compares by type and value: "1" and 1 are different keys. */
const valueKey = (value: Primitive) => `${typeof value}:${String(value)}`;

/** Path → value of the equalities a filter (or one alternative of it) requires. */
type Bindings = Map<string, Primitive>;

interface KeySet {
  paths: string[];
  /** Joined value keys → the documents holding those values, by _rid. */
  buckets: Map<string, Map<string, object>>;
}

export class EqualityIndex<D extends object> {
  private readonly keySets: KeySet[];
  /** When each document was last stored: the container's own order, which a union of buckets is put back into. */
  private readonly stored = new Map<string, number>();
  private sequence = 0;

  constructor(keys: readonly string[][]) {
    this.keySets = keys.map((paths) => ({ paths, buckets: new Map() }));
  }

  add(rid: string, document: D): void {
    this.stored.set(rid, ++this.sequence);
    for (const keySet of this.keySets) {
      const key = documentKey(keySet.paths, document);
      if (key === undefined) continue;
      let bucket = keySet.buckets.get(key);
      if (!bucket) keySet.buckets.set(key, (bucket = new Map()));
      bucket.set(rid, document);
    }
  }

  remove(rid: string, document: D): void {
    this.stored.delete(rid);
    for (const keySet of this.keySets) {
      const key = documentKey(keySet.paths, document);
      const bucket = key === undefined ? undefined : keySet.buckets.get(key);
      if (!bucket) continue;
      bucket.delete(rid);
      if (bucket.size === 0) keySet.buckets.delete(key!);
    }
  }

  /**
   * The documents a query with this syntax tree can match, in the container's order, or undefined when no indexed
   * equality narrows it (the caller then scans everything).
   */
  candidates(ast: object, parameters: readonly QueryParameter[] = []): D[] | undefined {
    const body = (ast as SyntaxNode).body as SyntaxNode | undefined;
    const root = body && rootAlias(body.from as SyntaxNode | undefined);
    const where = body?.where as SyntaxNode | undefined;
    if (!root || !where || where.type !== 'filter_condition') return undefined;
    const values = new Map(parameters.map((parameter) => [parameter.name, parameter.value]));
    const required = conjuncts(where.condition as SyntaxNode);
    const bindings = bindingsOf(required, root, values);
    const whole = this.narrowest(bindings);
    let best: Map<string, object>[] | undefined = whole && [whole];
    // A disjunction among the conjuncts: each alternative, with what every row requires, may select far fewer.
    for (const conjunct of required) {
      if (conjunct.type !== 'scalar_binary_expression' || conjunct.operator !== 'OR') continue;
      const selected = new Set<Map<string, object>>();
      for (const alternative of disjuncts(conjunct)) {
        const own = bindingsOf(conjuncts(alternative), root, values);
        const bucket = this.narrowest(new Map([...bindings, ...own]));
        if (!bucket) {
          selected.clear();
          break;
        }
        // A set: alternatives naming the same values (a query padded to a fixed shape) select the same bucket once.
        selected.add(bucket);
      }
      if (selected.size > 0 && (!best || size([...selected]) < size(best))) best = [...selected];
    }
    if (!best) return undefined;
    if (best.length === 1) return [...best[0].values()] as D[];
    const union = new Map<string, object>();
    for (const bucket of best) for (const [rid, document] of bucket) union.set(rid, document);
    return [...union.entries()].sort((a, b) => this.stored.get(a[0])! - this.stored.get(b[0])!).map(([, d]) => d as D);
  }

  /** The smallest bucket of a key set the bindings fill entirely; empty when no document holds the values. */
  private narrowest(bindings: Bindings): Map<string, object> | undefined {
    let narrowest: Map<string, object> | undefined;
    for (const { paths, buckets } of this.keySets) {
      if (!paths.every((path) => bindings.has(path))) continue;
      const bucket = buckets.get(paths.map((path) => valueKey(bindings.get(path)!)).join('|')) ?? new Map();
      if (!narrowest || bucket.size < narrowest.size) narrowest = bucket;
    }
    return narrowest;
  }
}

/** The joined value keys of a document for these paths; undefined when one of them is not a primitive value. */
function documentKey(paths: readonly string[], document: object): string | undefined {
  const parts: string[] = [];
  for (const path of paths) {
    const value = (document as Record<string, unknown>)[path];
    if (!isPrimitive(value)) return undefined;
    parts.push(valueKey(value));
  }
  return parts.join('|');
}

/** The indexed-looking equalities (`root.path = constant`, either way round) among conjuncts, by path. */
function bindingsOf(nodes: SyntaxNode[], root: string, values: Map<string, unknown>): Bindings {
  const bindings: Bindings = new Map();
  for (const node of nodes) {
    if (node.type !== 'scalar_binary_expression' || node.operator !== '=') continue;
    const sides = [node.left as SyntaxNode, node.right as SyntaxNode];
    for (const [field, constant] of [sides, [...sides].reverse()]) {
      const path = memberPath(field, root);
      const value = path === undefined ? undefined : constantValue(constant, values);
      // null, arrays and objects are not looked up: such a comparison narrows nothing.
      if (path !== undefined && isPrimitive(value)) {
        // Two values for one path match nothing; keeping the first still selects every row that can match.
        if (!bindings.has(path)) bindings.set(path, value);
        break;
      }
    }
  }
  return bindings;
}

const size = <V>(buckets: Map<string, V>[]) => buckets.reduce((total, bucket) => total + bucket.size, 0);

/** The name the documents go by in `FROM c` or `FROM root r`; undefined for any other source. */
function rootAlias(from: SyntaxNode | undefined): string | undefined {
  const source = from?.source as SyntaxNode | undefined;
  const expression = source?.expression as SyntaxNode | undefined;
  if (expression?.type !== 'collection_expression') return undefined;
  const alias = source?.alias as SyntaxNode | null | undefined;
  const name = (alias ?? (expression.expression as SyntaxNode)) as SyntaxNode;
  return name.type === 'identifier' ? (name.name as string) : undefined;
}

function conjuncts(node: SyntaxNode): SyntaxNode[] {
  if (node.type === 'scalar_binary_expression' && node.operator === 'AND')
    return [...conjuncts(node.left as SyntaxNode), ...conjuncts(node.right as SyntaxNode)];
  return [node];
}

function disjuncts(node: SyntaxNode): SyntaxNode[] {
  if (node.type === 'scalar_binary_expression' && node.operator === 'OR')
    return [...disjuncts(node.left as SyntaxNode), ...disjuncts(node.right as SyntaxNode)];
  return [node];
}

/** `root.name` or `root["name"]`: the top-level property named; undefined for anything else. */
function memberPath(node: SyntaxNode, root: string): string | undefined {
  if (node.type !== 'scalar_member_expression') return undefined;
  const object = node.object as SyntaxNode;
  const property = node.property as SyntaxNode;
  if (object.type !== 'identifier' || object.name !== root) return undefined;
  if (!node.computed && property.type === 'identifier') return property.name as string;
  if (node.computed && property.type === 'string_constant') return property.value as string;
  return undefined;
}

/** A parameter's value or a constant's; undefined when the node is neither (then nothing is narrowed). */
function constantValue(node: SyntaxNode, values: Map<string, unknown>): unknown {
  switch (node.type) {
    case 'parameter_name':
      return values.get(node.name as string);
    case 'string_constant':
    case 'number_constant':
    case 'boolean_constant':
      return node.value;
    default:
      return undefined;
  }
}
