import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import type { Filter, ListQuery } from '../../core/ports/documents';

/**
 * Turns a port-level filter into a parameterized Cosmos SQL query. Field paths come from code, but are still checked
 * against a strict pattern so a mistake cannot become injection.
 */
const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function fieldRef(field: string): string {
  if (!FIELD_PATTERN.test(field)) throw new Error(`Invalid field path: ${field}`);
  return `c.${field}`;
}

export function buildQuery(
  scope: Record<string, string>,
  query: Pick<ListQuery, 'filter' | 'orderBy'>,
  select: 'documents' | 'count' = 'documents',
): SqlQuerySpec {
  const parameters: SqlParameter[] = [];
  const param = (value: SqlParameter['value']): string => {
    const name = `@p${parameters.length}`;
    parameters.push({ name, value });
    return name;
  };
  const clauses = Object.entries(scope).map(([field, value]) => `${fieldRef(field)} = ${param(value)}`);
  if (query.filter) clauses.push(render(query.filter, param));
  const projection = select === 'count' ? 'VALUE COUNT(1)' : '*';
  let sql = `SELECT ${projection} FROM c`;
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
    case 'in':
      return `ARRAY_CONTAINS(${param(filter.values)}, ${fieldRef(filter.field)})`;
    case 'arrayContains':
      return `ARRAY_CONTAINS(${fieldRef(filter.field)}, ${param(filter.value)})`;
    case 'containsText':
      return `CONTAINS(${fieldRef(filter.field)}, ${param(filter.value)})`;
    case 'isNull':
      return `IS_NULL(${fieldRef(filter.field)})`;
    case 'or':
      return `(${filter.filters.map((f) => render(f, param)).join(' OR ')})`;
    case 'and':
      return `(${filter.filters.map((f) => render(f, param)).join(' AND ')})`;
  }
}
