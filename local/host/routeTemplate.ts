/**
 * ASP.NET-style route templates as the Functions host understands them: literal segments, `{param}`, `{param?}`,
 * `{param=default}`, `{*rest}`, inline constraints (`{id:int}`, `{slug:minlength(3)}`, `{code:regex(^a)}`) and
 * complex segments such as `{name}.{ext}`.
 */

export type ConstraintCheck = (value: string) => boolean;

export interface ParamPart {
  kind: 'param';
  name: string;
  optional: boolean;
  catchAll: boolean;
  defaultValue?: string;
  constraints: ConstraintCheck[];
}
export type SegmentPart = { kind: 'literal'; text: string } | ParamPart;
export type RouteSegment = SegmentPart[];

const INT32 = { min: -2147483648, max: 2147483647 };
const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function numberArgs(args: string[], count: number, constraint: string): number[] {
  const numbers = args.map(Number);
  if (numbers.length !== count || numbers.some((n) => !Number.isFinite(n))) {
    throw new Error(`Route constraint "${constraint}" needs ${count} numeric argument(s)`);
  }
  return numbers;
}

function isNumeric(value: string): boolean {
  return value.trim() !== '' && Number.isFinite(Number(value));
}

/** Builds one constraint from its inline text, e.g. `int`, `length(2,8)`, `regex(^[a-z]+$)`. */
export function parseConstraint(text: string): ConstraintCheck {
  const open = text.indexOf('(');
  const name = (open < 0 ? text : text.slice(0, open)).toLowerCase();
  const argText = open < 0 ? '' : text.slice(open + 1, text.lastIndexOf(')'));
  const args =
    name === 'regex'
      ? [argText]
      : argText
          .split(',')
          .map((a) => a.trim())
          .filter((a) => a !== '');
  switch (name) {
    case 'int':
      return (v) => /^-?\d+$/.test(v) && Number(v) >= INT32.min && Number(v) <= INT32.max;
    case 'long':
      return (v) => /^-?\d{1,19}$/.test(v);
    case 'bool':
      return (v) => /^(true|false)$/i.test(v);
    case 'guid':
      return (v) => GUID.test(v.replace(/^\{(.*)\}$/, '$1'));
    case 'alpha':
      return (v) => /^[a-z]+$/i.test(v);
    case 'decimal':
    case 'double':
    case 'float':
      return isNumeric;
    case 'datetime':
      return (v) => !Number.isNaN(Date.parse(v));
    case 'minlength': {
      const [min] = numberArgs(args, 1, text);
      return (v) => v.length >= min;
    }
    case 'maxlength': {
      const [max] = numberArgs(args, 1, text);
      return (v) => v.length <= max;
    }
    case 'length': {
      const bounds = args.length === 1 ? numberArgs(args, 1, text).concat(Number(args[0])) : numberArgs(args, 2, text);
      return (v) => v.length >= bounds[0] && v.length <= bounds[1];
    }
    case 'min': {
      const [min] = numberArgs(args, 1, text);
      return (v) => /^-?\d+$/.test(v) && Number(v) >= min;
    }
    case 'max': {
      const [max] = numberArgs(args, 1, text);
      return (v) => /^-?\d+$/.test(v) && Number(v) <= max;
    }
    case 'range': {
      const [min, max] = numberArgs(args, 2, text);
      return (v) => /^-?\d+$/.test(v) && Number(v) >= min && Number(v) <= max;
    }
    case 'regex': {
      const pattern = new RegExp(argText, 'i');
      return (v) => pattern.test(v);
    }
    default:
      throw new Error(`Unsupported route constraint "${text}"`);
  }
}

/** Splits `name:c1:c2(a,b)=default?` respecting parentheses (regex constraints may contain `:`). */
function parseParam(body: string): ParamPart {
  let rest = body.trim();
  const catchAll = rest.startsWith('*');
  rest = rest.replace(/^\*{1,2}/, '');
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of rest) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ':' && depth === 0) {
      pieces.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  pieces.push(current);
  let last = pieces[pieces.length - 1];
  let optional = false;
  let defaultValue: string | undefined;
  if (last.endsWith('?') && !last.endsWith('\\?')) {
    optional = true;
    last = last.slice(0, -1);
  }
  const equals = last.lastIndexOf('=');
  if (equals >= 0 && !last.slice(equals).includes(')')) {
    defaultValue = last.slice(equals + 1);
    last = last.slice(0, equals);
  }
  pieces[pieces.length - 1] = last;
  const [name, ...constraintTexts] = pieces;
  if (!/^[A-Za-z_][\w-]*$/.test(name)) throw new Error(`Invalid route parameter name "${name}"`);
  return { kind: 'param', name, optional, catchAll, defaultValue, constraints: constraintTexts.map(parseConstraint) };
}

function parseSegment(segmentText: string, template: string): RouteSegment {
  const parts: SegmentPart[] = [];
  let index = 0;
  while (index < segmentText.length) {
    const open = segmentText.indexOf('{', index);
    if (open < 0) {
      parts.push({ kind: 'literal', text: segmentText.slice(index) });
      break;
    }
    if (open > index) parts.push({ kind: 'literal', text: segmentText.slice(index, open) });
    let depth = 0;
    let close = -1;
    for (let cursor = open + 1; cursor < segmentText.length; cursor += 1) {
      const char = segmentText[cursor];
      if (char === '(') depth += 1;
      else if (char === ')') depth -= 1;
      else if (char === '}' && depth === 0) {
        close = cursor;
        break;
      }
    }
    if (close < 0) throw new Error(`Unclosed "{" in route template "${template}"`);
    parts.push(parseParam(segmentText.slice(open + 1, close)));
    index = close + 1;
  }
  return parts;
}

/** Template segments; a template may not use "/" inside a regex constraint (same limitation as ASP.NET). */
export function parseRouteTemplate(template: string): RouteSegment[] {
  const trimmed = template.replace(/^[~/]+|\/+$/g, '');
  if (trimmed === '') return [];
  const segments = trimmed.split('/').map((segment) => parseSegment(segment, template));
  segments.forEach((segment, position) => {
    const hasCatchAll = segment.some((part) => part.kind === 'param' && part.catchAll);
    if (hasCatchAll && position !== segments.length - 1) {
      throw new Error(`A catch-all parameter must be the last segment of route template "${template}"`);
    }
  });
  return segments;
}
