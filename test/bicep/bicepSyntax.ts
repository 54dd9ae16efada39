/** The syntax tree test/bicep/bicepReader.ts produces. */

export type Expr =
  | { kind: 'string'; parts: (string | Expr)[]; start: number; end: number }
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'bool'; value: boolean; start: number; end: number }
  | { kind: 'null'; start: number; end: number }
  | { kind: 'identifier'; name: string; start: number; end: number }
  | { kind: 'object'; properties: ObjectProperty[]; start: number; end: number }
  | { kind: 'array'; items: Expr[]; start: number; end: number }
  | {
      kind: 'for';
      itemName: string;
      indexName?: string;
      source: Expr;
      condition?: Expr;
      body: Expr;
      start: number;
      end: number;
    }
  | { kind: 'if'; condition: Expr; body: Expr; start: number; end: number }
  | { kind: 'call'; callee: string; args: Expr[]; start: number; end: number }
  | { kind: 'member'; target: Expr; property: string; start: number; end: number }
  | { kind: 'index'; target: Expr; index: Expr; start: number; end: number }
  | { kind: 'unary'; operator: string; operand: Expr; start: number; end: number }
  | { kind: 'binary'; operator: string; left: Expr; right: Expr; start: number; end: number }
  | { kind: 'ternary'; condition: Expr; whenTrue: Expr; whenFalse: Expr; start: number; end: number };

export interface ObjectProperty {
  key: string;
  value: Expr;
}

export interface Decorator {
  name: string;
  args: Expr[];
}

export interface ParamDeclaration {
  name: string;
  type: string;
  defaultValue?: Expr;
  decorators: Decorator[];
  line: number;
}

export interface ResourceDeclaration {
  symbol: string;
  /** e.g. `Microsoft.Storage/storageAccounts` */
  type: string;
  apiVersion: string;
  existing: boolean;
  /** `resource x '...' = if (cond) {...}` or `[for ...: if (cond) {...}]` */
  condition?: Expr;
  loop?: Extract<Expr, { kind: 'for' }>;
  /** The object body (inside any `if`/`for`). */
  body: Extract<Expr, { kind: 'object' }>;
  line: number;
}

export interface ModuleDeclaration {
  symbol: string;
  path: string;
  condition?: Expr;
  body: Extract<Expr, { kind: 'object' }>;
  line: number;
}

export interface BicepFile {
  path: string;
  source: string;
  targetScope?: string;
  params: ParamDeclaration[];
  vars: Map<string, Expr>;
  resources: ResourceDeclaration[];
  modules: ModuleDeclaration[];
  outputs: { name: string; type: string; value: Expr; line: number }[];
}

/** The value of a string without interpolation, else undefined. */
export function literalString(expr: Expr | undefined): string | undefined {
  if (expr?.kind !== 'string') return undefined;
  return expr.parts.every((part) => typeof part === 'string') ? expr.parts.join('') : undefined;
}
