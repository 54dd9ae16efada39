import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import type { Filter, ListQuery } from '../../core/ports/documents';

/**
 * Turns a port-level filter into a parameterized Cosmos SQL query. Field paths come from code, but are still checked
 * against a strict pattern so a mistake cannot become injection.
 */
const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** Names Cosmos SQL reserves: a property so named is written `c["order"]`, as the dotted form does not parse. */
const RESERVED = new Set(
  'and array as asc between by case cast convert cross desc distinct else end escape exists false for from group having in inner insert into is join left like limit not null offset on or order outer over right select set then top true udf undefined update value when where with'.split(
    ' ',
  ),
);

function fieldRef(field: string): string {
  if (!FIELD_PATTERN.test(field)) throw new Error(`Invalid field path: ${field}`);
  return field
    .split('.')
    .reduce((ref, name) => (RESERVED.has(name.toLowerCase()) ? `${ref}["${name}"]` : `${ref}.${name}`), 'c');
}

/**
 * What a query returns: whole documents, a count, or the named top-level fields of each document (of an object-valued
 * one given `subfields`, only those).
 */
export type Selection =
  | 'documents'
  | 'count'
  | { fields: readonly string[]; subfields?: Readonly<Record<string, readonly string[] | undefined>> };

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

function projectionOf(select: Selection): string {
  if (select === 'documents') return '*';
  if (select === 'count') return 'VALUE COUNT(1)';
  if (select.fields.length === 0 || select.fields.some((field) => field.includes('.')))
    throw new Error('Projections name top-level fields');
  return select.fields
    .map((field) => {
      const kept = select.subfields?.[field];
      if (!kept) return fieldRef(field);
      if (
        kept.length === 0 ||
        RESERVED.has(field.toLowerCase()) ||
        ![field, ...kept].every((n) => NAME_PATTERN.test(n))
      )
        throw new Error(`Invalid subfield selection of ${field}`);
      const ref = fieldRef(field);
      // Only an object is narrowed; null (or a missing field) comes back as it is stored.
      const narrowed = kept.map((name) => `"${name}": ${fieldRef(`${field}.${name}`)}`).join(', ');
      return `(IS_OBJECT(${ref}) ? {${narrowed}} : ${ref}) AS ${field}`;
    })
    .join(', ');
}

export function buildQuery(
  scope: Record<string, string>,
  query: Pick<ListQuery, 'filter' | 'orderBy'>,
  select: Selection = 'documents',
): SqlQuerySpec {
  const parameters: SqlParameter[] = [];
  const param = (value: SqlParameter['value']): string => {
    const name = `@p${parameters.length}`;
    parameters.push({ name, value });
    return name;
  };
  const clauses = Object.entries(scope).map(([field, value]) => `${fieldRef(field)} = ${param(value)}`);
  if (query.filter) clauses.push(conjunct(query.filter, param));
  let sql = `SELECT ${projectionOf(select)} FROM c`;
  if (clauses.length) sql += ` WHERE ${clauses.join(' AND ')}`;
  if (query.orderBy) {
    sql += ` ORDER BY ${fieldRef(query.orderBy.field)} ${query.orderBy.direction === 'DESC' ? 'DESC' : 'ASC'}`;
  }
  return { query: sql, parameters };
}

function render(filter: Filter, param: (value: SqlParameter['value']) => string): string {
  switch (filter.op) {
    case 'eq':
      return filter.value === null
        ? `IS_NULL(${fieldRef(filter.field)})`
        : `${fieldRef(filter.field)} = ${param(filter.value)}`;
    case 'ne':
      return `${fieldRef(filter.field)} != ${param(filter.value)}`;
    case 'lt':
      return `${fieldRef(filter.field)} < ${param(filter.value)}`;
    case 'gt':
      return `${fieldRef(filter.field)} > ${param(filter.value)}`;
    case 'entryGt':
      return `${fieldRef(filter.field)}[${param(filter.key)}] > ${param(filter.value)}`;
    case 'in':
      return `ARRAY_CONTAINS(${param(filter.values)}, ${fieldRef(filter.field)})`;
    case 'arrayContains':
      return `ARRAY_CONTAINS(${fieldRef(filter.field)}, ${param(filter.value)})`;
    case 'containsText':
      return `CONTAINS(${fieldRef(filter.field)}, ${param(filter.value)})`;
    case 'isNull':
      return `IS_NULL(${fieldRef(filter.field)})`;
    case 'absent':
      return `(NOT IS_DEFINED(${fieldRef(filter.field)}) OR IS_NULL(${fieldRef(filter.field)}))`;
    // Parentheses only where precedence needs them (AND binds tighter than OR): the emulator's SQL parser takes
    // several times longer for every level of nesting (six seconds for the job sweep's query with one per operator).
    case 'or':
      return filter.filters.map((f) => render(f, param)).join(' OR ');
    case 'and':
      return filter.filters.map((f) => conjunct(f, param)).join(' AND ');
  }
}

/** A filter as one operand of AND: a disjunction in parentheses, anything else as it renders. */
function conjunct(filter: Filter, param: (value: SqlParameter['value']) => string): string {
  return filter.op === 'or' ? `(${render(filter, param)})` : render(filter, param);
}
