/**
 * The HTTP route table, built from the app's own httpTrigger registrations. Matching follows ASP.NET routing as the
 * Functions host uses it: case-insensitive literals, and the most specific route wins (literal segments beat complex
 * segments, which beat constrained parameters, which beat plain parameters, which beat catch-alls).
 */
import { parseRouteTemplate, type ParamPart, type RouteSegment } from './routeTemplate';

export interface HttpRoute {
  functionName: string;
  template: string;
  /** Upper-case methods, or null when the function accepts every method. */
  methods: ReadonlySet<string> | null;
  segments: RouteSegment[];
  precedence: number[];
  registrationOrder: number;
  /**
   * Per template segment, the lower-cased text of a segment that is one literal, else null: a lookup rejects a route
   * whose literals differ from the path with string comparisons alone, before matching it in full.
   */
  literals: (string | null)[];
}

export interface RouteMatch {
  route: HttpRoute;
  params: Record<string, string>;
}

function segmentPrecedence(segment: RouteSegment): number {
  if (segment.length > 1) return 2;
  const [part] = segment;
  if (part.kind === 'literal') return 1;
  if (part.catchAll) return 5;
  return part.constraints.length > 0 ? 3 : 4;
}

export function compileRoute(
  functionName: string,
  template: string,
  methods: string[] | null,
  registrationOrder: number,
): HttpRoute {
  const segments = parseRouteTemplate(template);
  return {
    functionName,
    template,
    methods: methods && methods.length > 0 ? new Set(methods.map((m) => m.toUpperCase())) : null,
    segments,
    precedence: segments.map(segmentPrecedence),
    registrationOrder,
    literals: segments.map(([part, ...rest]) =>
      part.kind === 'literal' && rest.length === 0 ? part.text.toLowerCase() : null,
    ),
  };
}

function compareRoutes(a: HttpRoute, b: HttpRoute): number {
  const shared = Math.min(a.precedence.length, b.precedence.length);
  for (let index = 0; index < shared; index += 1) {
    if (a.precedence[index] !== b.precedence[index]) return a.precedence[index] - b.precedence[index];
  }
  if (a.precedence.length !== b.precedence.length) return b.precedence.length - a.precedence.length;
  return a.registrationOrder - b.registrationOrder;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function acceptsValue(param: ParamPart, value: string): boolean {
  return param.constraints.every((check) => check(value));
}

/** Matches one path segment against one template segment, collecting parameter values. */
function matchSegment(segment: RouteSegment, value: string, params: Record<string, string>): boolean {
  if (segment.length === 1) {
    const [part] = segment;
    if (part.kind === 'literal') return part.text.toLowerCase() === value.toLowerCase();
    if (value === '' || !acceptsValue(part, value)) return false;
    params[part.name] = value;
    return true;
  }
  const pattern = segment.map((part) => (part.kind === 'literal' ? escapeRegExp(part.text) : '(.+?)')).join('');
  const found = new RegExp(`^${pattern}$`, 'i').exec(value);
  if (!found) return false;
  const paramParts = segment.filter((part): part is ParamPart => part.kind === 'param');
  for (const [index, part] of paramParts.entries()) {
    if (!acceptsValue(part, found[index + 1])) return false;
    params[part.name] = found[index + 1];
  }
  return true;
}

/** A template segment that can be absent from the path (optional, defaulted or catch-all parameter). */
function omittable(segment: RouteSegment): ParamPart | null {
  const [part] = segment;
  if (segment.length !== 1 || part.kind !== 'param') return null;
  return part.optional || part.catchAll || part.defaultValue !== undefined ? part : null;
}

export function matchRoute(route: HttpRoute, pathSegments: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const [index, segment] of route.segments.entries()) {
    const [first] = segment;
    if (segment.length === 1 && first.kind === 'param' && first.catchAll) {
      const rest = pathSegments.slice(index).join('/');
      if (rest !== '') {
        if (!acceptsValue(first, rest)) return null;
        params[first.name] = rest;
      } else if (first.defaultValue !== undefined) {
        params[first.name] = first.defaultValue;
      }
      return params;
    }
    if (index >= pathSegments.length) {
      const absent = omittable(segment);
      if (!absent) return null;
      if (absent.defaultValue !== undefined) params[absent.name] = absent.defaultValue;
      continue;
    }
    if (!matchSegment(segment, pathSegments[index], params)) return null;
  }
  return pathSegments.length <= route.segments.length ? params : null;
}

/**
 * Whether the route's one-literal segments agree with the (lower-cased) path: false rules the route out; true leaves
 * the full match to decide. A literal segment is never omittable, so one beyond the end of the path rules it out too.
 */
function literalsAgree(route: HttpRoute, lowerCaseSegments: readonly string[]): boolean {
  const { literals } = route;
  for (let index = 0; index < literals.length; index += 1) {
    const literal = literals[index];
    if (literal !== null && literal !== lowerCaseSegments[index]) return false;
  }
  return true;
}

export type RouteLookup =
  { kind: 'match'; match: RouteMatch } | { kind: 'methodNotAllowed'; allowed: string[] } | { kind: 'none' };

export class RouteTable {
  readonly #routes: HttpRoute[];

  constructor(routes: HttpRoute[]) {
    this.#routes = [...routes].sort(compareRoutes);
  }

  get routes(): readonly HttpRoute[] {
    return this.#routes;
  }

  /** The first route in precedence order that matches (of a route per HTTP function, most differ in a literal). */
  lookup(method: string, pathSegments: string[]): RouteLookup {
    const allowed = new Set<string>();
    const lowerCaseSegments = pathSegments.map((segment) => segment.toLowerCase());
    for (const route of this.#routes) {
      if (!literalsAgree(route, lowerCaseSegments)) continue;
      const params = matchRoute(route, pathSegments);
      if (!params) continue;
      if (!route.methods || route.methods.has(method.toUpperCase())) return { kind: 'match', match: { route, params } };
      route.methods.forEach((m) => allowed.add(m));
    }
    return allowed.size > 0 ? { kind: 'methodNotAllowed', allowed: [...allowed] } : { kind: 'none' };
  }
}
