import { readFileSync } from 'node:fs';
import type { BicepFile, Decorator, Expr, ObjectProperty } from './bicepSyntax';
import { literalString } from './bicepSyntax';

export type { BicepFile, Expr, ResourceDeclaration } from './bicepSyntax';
export { literalString } from './bicepSyntax';

/**
 * A small Bicep reader for static checks in CI, where the Bicep CLI cannot be installed. It parses the declarations
 * (targetScope, param, var, resource, module, output) and their expressions into a syntax tree, and throws with a
 * line number on anything it does not understand, so an unreadable template fails the checks instead of passing
 * them vacuously. It does not type-check and does not evaluate deployment-time functions.
 */

export class BicepSyntaxError extends Error {}

export function readBicepFile(path: string): BicepFile {
  return parseBicep(readFileSync(path, 'utf8'), path);
}

export function parseBicep(source: string, path = '<inline>'): BicepFile {
  return new Parser(source, path).parseFile();
}

const BINARY_PRECEDENCE: [string, number][] = [
  ['??', 1],
  ['||', 2],
  ['&&', 3],
  ['==', 4],
  ['!=', 4],
  ['=~', 4],
  ['!~', 4],
  ['<=', 5],
  ['>=', 5],
  ['<', 5],
  ['>', 5],
  ['+', 6],
  ['-', 6],
  ['*', 7],
  ['/', 7],
  ['%', 7],
];

class Parser {
  private pos = 0;
  /** Newlines separate statements and object/array items, except inside parentheses. */
  private parenDepth = 0;

  constructor(
    private readonly source: string,
    private readonly path: string,
  ) {}

  parseFile(): BicepFile {
    const file: BicepFile = {
      path: this.path,
      source: this.source,
      params: [],
      vars: new Map(),
      resources: [],
      modules: [],
      outputs: [],
    };
    let decorators: Decorator[] = [];
    for (;;) {
      this.skipTrivia(true);
      if (this.pos >= this.source.length) break;
      const line = this.lineAt(this.pos);
      if (this.peekChar() === '@') {
        this.pos++;
        const call = this.parsePostfix();
        if (call.kind === 'call') decorators.push({ name: call.callee, args: call.args });
        else if (call.kind === 'identifier') decorators.push({ name: call.name, args: [] });
        else this.fail('decorator expected');
        continue;
      }
      const keyword = this.readIdentifier();
      switch (keyword) {
        case 'targetScope': {
          this.expect('=');
          file.targetScope = literalString(this.parseExpression());
          break;
        }
        case 'param': {
          const name = this.readIdentifier();
          const type = this.readTypeName();
          let defaultValue: Expr | undefined;
          if (this.tryConsume('=')) defaultValue = this.parseExpression();
          file.params.push({ name, type, defaultValue, decorators, line });
          break;
        }
        case 'var': {
          const name = this.readIdentifier();
          this.expect('=');
          file.vars.set(name, this.parseExpression());
          break;
        }
        case 'resource': {
          const symbol = this.readIdentifier();
          const typeRef = literalString(this.parseString()) ?? this.fail('resource type must be a literal');
          const [type, apiVersion] = typeRef.split('@');
          if (!type || !apiVersion) this.fail(`resource type '${typeRef}' needs an @api-version`);
          this.skipTrivia(false);
          const existing = this.source.startsWith('existing', this.pos) && Boolean(this.readIdentifier());
          this.expect('=');
          file.resources.push({ symbol, type, apiVersion, existing, ...this.parseDeclarationBody(), line });
          break;
        }
        case 'module': {
          const symbol = this.readIdentifier();
          const path = literalString(this.parseString()) ?? this.fail('module path must be a literal');
          this.expect('=');
          const { condition, body } = this.parseDeclarationBody();
          file.modules.push({ symbol, path, condition, body, line });
          break;
        }
        case 'output': {
          const name = this.readIdentifier();
          const type = this.readTypeName();
          this.expect('=');
          file.outputs.push({ name, type, value: this.parseExpression(), line });
          break;
        }
        default:
          this.fail(`unsupported statement '${keyword}'`);
      }
      decorators = [];
      this.expectEndOfStatement();
    }
    return file;
  }

  private parseDeclarationBody(): {
    condition?: Expr;
    loop?: Extract<Expr, { kind: 'for' }>;
    body: Extract<Expr, { kind: 'object' }>;
  } {
    const value = this.parseExpression();
    const unwrapIf = (expr: Expr) =>
      expr.kind === 'if' ? { condition: expr.condition, body: expr.body } : { condition: undefined, body: expr };
    if (value.kind === 'array' && value.items.length === 1 && value.items[0].kind === 'for') {
      const loop = value.items[0];
      const { condition, body } = unwrapIf(loop.body);
      if (body.kind !== 'object') this.fail('loop body must be an object');
      return { loop, condition, body };
    }
    const { condition, body } = unwrapIf(value);
    if (body.kind !== 'object') this.fail('declaration body must be an object');
    return { condition, body };
  }

  parseExpression(): Expr {
    const start = this.pos;
    const condition = this.parseBinary(0);
    if (this.tryConsume('?')) {
      const whenTrue = this.parseExpression();
      this.expect(':');
      const whenFalse = this.parseExpression();
      return { kind: 'ternary', condition, whenTrue, whenFalse, start, end: this.pos };
    }
    return condition;
  }

  private parseBinary(minPrecedence: number): Expr {
    const start = this.pos;
    let left = this.parseUnary();
    for (;;) {
      this.skipTrivia(this.parenDepth > 0);
      const match = BINARY_PRECEDENCE.find(([op]) => this.source.startsWith(op, this.pos));
      if (!match || match[1] < minPrecedence) return left;
      this.pos += match[0].length;
      const right = this.parseBinary(match[1] + 1);
      left = { kind: 'binary', operator: match[0], left, right, start, end: this.pos };
    }
  }

  private parseUnary(): Expr {
    this.skipTrivia(this.parenDepth > 0);
    const start = this.pos;
    const char = this.peekChar();
    if ((char === '!' || char === '-') && this.source[this.pos + 1] !== '=') {
      this.pos++;
      return { kind: 'unary', operator: char, operand: this.parseUnary(), start, end: this.pos };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Expr {
    const start = this.pos;
    let expr = this.parsePrimary();
    for (;;) {
      if (this.source.startsWith('.?', this.pos) || this.peekChar() === '.') {
        this.pos += this.source.startsWith('.?', this.pos) ? 2 : 1;
        const property = this.readIdentifier();
        if (this.peekChar() === '(' && expr.kind === 'identifier') {
          // Namespaced function such as sys.union(...)
          expr = {
            kind: 'call',
            callee: `${expr.name}.${property}`,
            args: this.parseArguments(),
            start,
            end: this.pos,
          };
        } else {
          expr = { kind: 'member', target: expr, property, start, end: this.pos };
        }
      } else if (this.peekChar() === '[' || this.source.startsWith('[?', this.pos)) {
        this.pos += this.source.startsWith('[?', this.pos) ? 2 : 1;
        const index = this.withParens(() => this.parseExpression());
        this.expect(']');
        expr = { kind: 'index', target: expr, index, start, end: this.pos };
      } else if (this.peekChar() === '!' && this.source[this.pos + 1] !== '=') {
        this.pos++; // non-null assertion
      } else {
        return expr;
      }
    }
  }

  private parsePrimary(): Expr {
    this.skipTrivia(this.parenDepth > 0);
    const start = this.pos;
    const char = this.peekChar();
    if (char === "'") return this.parseString();
    if (char === '{') return this.parseObject();
    if (char === '[') return this.parseArray();
    if (char === '(') {
      this.pos++;
      const inner = this.withParens(() => this.parseExpression());
      this.expect(')');
      return inner;
    }
    if (/[0-9]/.test(char)) {
      const digits = /^[0-9]+(\.[0-9]+)?/.exec(this.source.slice(this.pos))![0];
      this.pos += digits.length;
      return { kind: 'number', value: Number(digits), start, end: this.pos };
    }
    const name = this.readIdentifier();
    if (name === 'true' || name === 'false') return { kind: 'bool', value: name === 'true', start, end: this.pos };
    if (name === 'null') return { kind: 'null', start, end: this.pos };
    if (name === 'if') {
      this.expect('(');
      const condition = this.withParens(() => this.parseExpression());
      this.expect(')');
      return { kind: 'if', condition, body: this.parseExpression(), start, end: this.pos };
    }
    if (this.peekChar() === '(')
      return { kind: 'call', callee: name, args: this.parseArguments(), start, end: this.pos };
    return { kind: 'identifier', name, start, end: this.pos };
  }

  private parseArguments(): Expr[] {
    this.expect('(');
    return this.withParens(() => {
      const args: Expr[] = [];
      while (!this.tryConsume(')')) {
        args.push(this.parseExpression());
        if (!this.tryConsume(',')) {
          this.expect(')');
          break;
        }
      }
      return args;
    });
  }

  private parseObject(): Expr {
    const start = this.pos;
    this.expect('{');
    return this.withoutParens(() => {
      const properties: ObjectProperty[] = [];
      for (;;) {
        this.skipTrivia(true);
        if (this.tryConsume('}')) return { kind: 'object', properties, start, end: this.pos } as const;
        const key = this.peekChar() === "'" ? this.rawStringKey() : this.readIdentifier();
        this.expect(':');
        properties.push({ key, value: this.parseExpression() });
        this.skipTrivia(false);
        if (!this.tryConsume(',') && this.peekChar() !== '}' && !this.atNewline())
          this.fail('expected newline or , between properties');
      }
    });
  }

  private parseArray(): Expr {
    const start = this.pos;
    this.expect('[');
    return this.withoutParens((): Expr => {
      this.skipTrivia(true);
      if (this.source.startsWith('for ', this.pos) || this.source.startsWith('for(', this.pos)) {
        this.readIdentifier();
        let itemName: string;
        let indexName: string | undefined;
        if (this.tryConsume('(')) {
          itemName = this.readIdentifier();
          this.expect(',');
          indexName = this.readIdentifier();
          this.expect(')');
        } else {
          itemName = this.readIdentifier();
        }
        if (this.readIdentifier() !== 'in') this.fail("expected 'in'");
        const source = this.withParens(() => this.parseBinary(0));
        this.expect(':');
        const body = this.parseExpression();
        this.skipTrivia(true);
        this.expect(']');
        const loop: Expr = { kind: 'for', itemName, indexName, source, body, start, end: this.pos };
        return { kind: 'array', items: [loop], start, end: this.pos };
      }
      const items: Expr[] = [];
      for (;;) {
        this.skipTrivia(true);
        if (this.tryConsume(']')) return { kind: 'array', items, start, end: this.pos };
        items.push(this.parseExpression());
        this.skipTrivia(false);
        if (!this.tryConsume(',') && this.peekChar() !== ']' && !this.atNewline())
          this.fail('expected newline or , between items');
      }
    });
  }

  private parseString(): Extract<Expr, { kind: 'string' }> {
    this.skipTrivia(this.parenDepth > 0);
    const start = this.pos;
    if (this.source.startsWith("'''", this.pos)) {
      const close = this.source.indexOf("'''", this.pos + 3);
      if (close < 0) this.fail('unterminated multi-line string');
      this.pos = close + 3;
      return { kind: 'string', parts: [this.source.slice(start + 3, close)], start, end: this.pos };
    }
    this.expect("'");
    const parts: (string | Expr)[] = [];
    let text = '';
    const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };
    for (;;) {
      const char = this.source[this.pos];
      if (char === undefined || char === '\n') this.fail('unterminated string');
      if (char === "'") break;
      if (char === '\\') {
        text += escapes[this.source[this.pos + 1]] ?? this.fail('unknown escape');
        this.pos += 2;
      } else if (this.source.startsWith('${', this.pos)) {
        if (text) parts.push(text);
        text = '';
        this.pos += 2;
        parts.push(this.withParens(() => this.parseExpression()));
        this.expect('}');
      } else {
        text += char;
        this.pos++;
      }
    }
    this.pos++;
    if (text || parts.length === 0) parts.push(text);
    return { kind: 'string', parts, start, end: this.pos };
  }

  /** Object keys may be quoted and interpolated ('${identityId}'); the check only needs their text. */
  private rawStringKey(): string {
    const str = this.parseString();
    return literalString(str) ?? this.source.slice(str.start + 1, str.end - 1);
  }

  private readTypeName(): string {
    this.skipTrivia(false);
    if (this.source.startsWith('resource', this.pos)) {
      this.readIdentifier();
      return `resource ${literalString(this.parseString())}`;
    }
    const name = this.readIdentifier();
    return this.tryConsume('?') ? `${name}?` : name;
  }

  private readIdentifier(): string {
    this.skipTrivia(this.parenDepth > 0);
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.source.slice(this.pos, this.pos + 200));
    if (!match) this.fail('identifier expected');
    this.pos += match[0].length;
    return match[0];
  }

  private withParens<T>(read: () => T): T {
    this.parenDepth++;
    try {
      return read();
    } finally {
      this.parenDepth--;
    }
  }

  private withoutParens<T>(read: () => T): T {
    const saved = this.parenDepth;
    this.parenDepth = 0;
    try {
      return read();
    } finally {
      this.parenDepth = saved;
    }
  }

  private skipTrivia(newlines: boolean): void {
    for (;;) {
      const char = this.source[this.pos];
      if (char === ' ' || char === '\t' || char === '\r' || (newlines && char === '\n')) this.pos++;
      else if (this.source.startsWith('//', this.pos)) {
        const end = this.source.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.source.length : end;
      } else if (this.source.startsWith('/*', this.pos)) {
        const end = this.source.indexOf('*/', this.pos);
        if (end < 0) this.fail('unterminated comment');
        this.pos = end + 2;
      } else return;
    }
  }

  private atNewline(): boolean {
    return this.source[this.pos] === '\n' || this.pos >= this.source.length;
  }

  private expectEndOfStatement(): void {
    this.skipTrivia(false);
    if (!this.atNewline()) this.fail('expected end of line after declaration');
  }

  private peekChar(): string {
    return this.source[this.pos] ?? '';
  }

  private tryConsume(token: string): boolean {
    this.skipTrivia(this.parenDepth > 0 || token === ')' || token === ']');
    if (!this.source.startsWith(token, this.pos)) return false;
    // `=` must not swallow the first half of `==`, nor `?` the start of `??`.
    if ((token === '=' || token === '?') && this.source[this.pos + 1] === token) return false;
    this.pos += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.tryConsume(token)) this.fail(`'${token}' expected`);
  }

  private lineAt(offset: number): number {
    return this.source.slice(0, offset).split('\n').length;
  }

  private fail(message: string): never {
    throw new BicepSyntaxError(
      `${this.path}:${this.lineAt(this.pos)}: ${message} near '${this.source.slice(this.pos, this.pos + 30)}'`,
    );
  }
}
