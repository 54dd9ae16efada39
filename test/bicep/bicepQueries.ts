import type { BicepFile, Expr, ResourceDeclaration } from './bicepReader';
import { literalString } from './bicepReader';

/** Questions the deployment checks ask of a parsed Bicep file. */

export function textOf(file: BicepFile, expr: Expr): string {
  return file.source.slice(expr.start, expr.end);
}

/** Follows a dotted path through object literals (and `var` references), e.g. `properties.siteConfig`. */
export function propertyAt(file: BicepFile, expr: Expr | undefined, path: string): Expr | undefined {
  let current = expr;
  for (const key of path.split('.')) {
    current = followVars(file, current);
    if (current?.kind !== 'object') return undefined;
    current = current.properties.find((property) => property.key === key)?.value;
  }
  return current;
}

/** Replaces identifiers naming a `var` by the var's expression. */
export function followVars(file: BicepFile, expr: Expr | undefined): Expr | undefined {
  let current = expr;
  for (let hops = 0; current?.kind === 'identifier' && file.vars.has(current.name) && hops < 20; hops++) {
    current = file.vars.get(current.name);
  }
  return current;
}

export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

/** The JSON value of an expression built only from literals, vars and member access on them; else undefined. */
export function literalValue(file: BicepFile, expr: Expr | undefined): Literal | undefined {
  const resolved = followVars(file, expr);
  if (!resolved) return undefined;
  switch (resolved.kind) {
    case 'string':
      return literalString(resolved);
    case 'number':
    case 'bool':
      return resolved.value;
    case 'null':
      return null;
    case 'unary':
      if (resolved.operator === '-') {
        const operand = literalValue(file, resolved.operand);
        return typeof operand === 'number' ? -operand : undefined;
      }
      return undefined;
    case 'array': {
      const items = resolved.items.map((item) => literalValue(file, item));
      return items.every((item) => item !== undefined) ? (items as Literal[]) : undefined;
    }
    case 'object': {
      const entries = resolved.properties.map(
        (property) => [property.key, literalValue(file, property.value)] as const,
      );
      return entries.every(([, value]) => value !== undefined) ? (Object.fromEntries(entries) as Literal) : undefined;
    }
    case 'member': {
      const target = literalValue(file, resolved.target);
      if (target && typeof target === 'object' && !Array.isArray(target)) return target[resolved.property];
      return undefined;
    }
    default:
      return undefined;
  }
}

export interface Setting {
  key: string;
  value: Expr;
  /** True when the setting only applies under a condition (a ternary branch). */
  conditional: boolean;
}

/** The entries of an object expression, looking through vars, `union(...)` and both branches of `?:`. */
export function objectEntries(file: BicepFile, expr: Expr | undefined, conditional = false): Setting[] {
  const resolved = followVars(file, expr);
  if (!resolved) return [];
  if (resolved.kind === 'object') {
    return resolved.properties.map((property) => ({ key: property.key, value: property.value, conditional }));
  }
  if (resolved.kind === 'call' && resolved.callee === 'union') {
    return resolved.args.flatMap((arg) => objectEntries(file, arg, conditional));
  }
  if (resolved.kind === 'ternary') {
    return [...objectEntries(file, resolved.whenTrue, true), ...objectEntries(file, resolved.whenFalse, true)];
  }
  throw new Error(`${file.path}: cannot list the entries of '${textOf(file, resolved)}'`);
}

export function resourcesOfType(file: BicepFile, type: string): ResourceDeclaration[] {
  return file.resources.filter((resource) => resource.type.toLowerCase() === type.toLowerCase());
}

/** The year of an API version such as `2024-11-15` or `2023-03-15-preview`. */
export function apiVersionYear(apiVersion: string): number {
  const match = /^(\d{4})-\d{2}-\d{2}(-preview|-beta|-alpha)?$/.exec(apiVersion);
  if (!match) throw new Error(`malformed api version '${apiVersion}'`);
  return Number(match[1]);
}

/** Identifiers an expression mentions at its root (`a.b.c` mentions `a`; `f(x, y.z)` mentions `x` and `y`). */
export function rootIdentifiers(expr: Expr): string[] {
  switch (expr.kind) {
    case 'identifier':
      return [expr.name];
    case 'member':
    case 'index':
      return rootIdentifiers(expr.target);
    case 'call':
      return expr.args.flatMap(rootIdentifiers);
    case 'string':
      return expr.parts.flatMap((part) => (typeof part === 'string' ? [] : rootIdentifiers(part)));
    case 'binary':
      return [...rootIdentifiers(expr.left), ...rootIdentifiers(expr.right)];
    case 'ternary':
      return [expr.condition, expr.whenTrue, expr.whenFalse].flatMap(rootIdentifiers);
    case 'unary':
      return rootIdentifiers(expr.operand);
    default:
      return [];
  }
}
