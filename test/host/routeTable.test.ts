import { compileRoute, matchRoute, RouteTable } from '../../local/host/routeTable';

function table(...templates: [string, string, string[]?][]): RouteTable {
  return new RouteTable(
    templates.map(([name, template, methods], order) => compileRoute(name, template, methods ?? null, order)),
  );
}

function resolve(
  routes: RouteTable,
  path: string,
  method = 'GET',
): { name?: string; params?: Record<string, string>; kind: string } {
  const lookup = routes.lookup(method, path.split('/').filter(Boolean));
  return lookup.kind === 'match'
    ? { kind: 'match', name: lookup.match.route.functionName, params: lookup.match.params }
    : { kind: lookup.kind };
}

describe('route table', () => {
  test('orders literal > constrained > plain > catch-all regardless of registration order', () => {
    const routes = table(
      ['rest', 'v1/{*rest}'],
      ['plain', 'v1/{name}'],
      ['guid', 'v1/{id:guid}'],
      ['literal', 'v1/health'],
    );
    expect(resolve(routes, 'v1/health').name).toBe('literal');
    expect(resolve(routes, 'v1/3f2504e0-4f89-11d3-9a0c-0305e82c3301').name).toBe('guid');
    expect(resolve(routes, 'v1/other').name).toBe('plain');
    expect(resolve(routes, 'v1/a/b')).toEqual({ kind: 'match', name: 'rest', params: { rest: 'a/b' } });
  });

  test('applies constraints, optional parameters and defaults', () => {
    const routes = table(
      ['range', 'pages/{n:range(1,10)}'],
      ['len', 'codes/{code:length(3)}'],
      ['re', 'isbn/{value:regex(^97[89]\\d{10}$)}'],
      ['def', 'list/{page:int=1}'],
      ['opt', 'opt/{a?}'],
    );
    expect(resolve(routes, 'pages/5').params).toEqual({ n: '5' });
    expect(resolve(routes, 'pages/11').kind).toBe('none');
    expect(resolve(routes, 'codes/abc').name).toBe('len');
    expect(resolve(routes, 'codes/abcd').kind).toBe('none');
    expect(resolve(routes, 'isbn/9780306406157').name).toBe('re');
    expect(resolve(routes, 'isbn/123').kind).toBe('none');
    expect(resolve(routes, 'list').params).toEqual({ page: '1' });
    expect(resolve(routes, 'list/3').params).toEqual({ page: '3' });
    expect(resolve(routes, 'opt').params).toEqual({});
    expect(resolve(routes, 'opt/x/y').kind).toBe('none');
  });

  test('filters by method and reports the path as matched with other methods', () => {
    const routes = table(['read', 'books/{id}', ['GET']], ['write', 'books/{id}', ['PUT', 'patch']]);
    expect(resolve(routes, 'books/1', 'GET').name).toBe('read');
    expect(resolve(routes, 'books/1', 'PATCH').name).toBe('write');
    expect(routes.lookup('DELETE', ['books', '1'])).toEqual({
      kind: 'methodNotAllowed',
      allowed: ['GET', 'PUT', 'PATCH'],
    });
  });

  test('rejects malformed templates at registration', () => {
    expect(() => compileRoute('x', 'a/{*rest}/b', null, 0)).toThrow(/catch-all/);
    expect(() => compileRoute('x', 'a/{id:nonsense}', null, 0)).toThrow(/Unsupported route constraint/);
    expect(() => compileRoute('x', 'a/{id', null, 0)).toThrow(/Unclosed/);
  });

  test('matches case-insensitively, and a literal segment is never omitted', () => {
    const routes = table(['list', 'v1/Projects'], ['one', 'v1/projects/{id}/Audio'], ['file', 'v1/files/{name}.{ext}']);
    expect(resolve(routes, 'V1/PROJECTS').name).toBe('list');
    expect(resolve(routes, 'v1/projects/P-1/audio').params).toEqual({ id: 'P-1' });
    expect(resolve(routes, 'v1/projects/p-1').kind).toBe('none');
    expect(resolve(routes, 'v1/FILES/Book.MP3').params).toEqual({ name: 'Book', ext: 'MP3' });
    expect(resolve(routes, '').kind).toBe('none');
  });

  test('finds the route a full match of every route in precedence order finds', () => {
    const templates = [
      'v1/projects',
      'v1/projects/{projectId}',
      'v1/projects/{projectId}/chapters/{chapterId:int}',
      'v1/projects/{projectId}/chapters/{chapterId}/segments/{*rest}',
      'v1/{kind:alpha}/{id?}',
      'v1/files/{name}.{ext}',
      'v1/{*anything}',
      'health',
      '{page=home}',
    ];
    const routes = table(...templates.map((template, i): [string, string] => [`f${i}`, template]));
    const paths = [
      '',
      'health',
      'HEALTH/x',
      'v1',
      'v1/projects',
      'v1/Projects/p1',
      'v1/projects/p1/chapters/7',
      'v1/projects/p1/chapters/x',
      'v1/projects/p1/chapters/7/segments',
      'v1/projects/p1/chapters/7/segments/a/b',
      'v1/files/a.b',
      'v1/abc',
      'v1/abc/1',
      'v1/abc/1/2',
      'other',
      'other/deeper',
    ];
    for (const path of paths) {
      const segments = path.split('/').filter(Boolean);
      const everyRoute = routes.routes
        .map((route) => ({ route, params: matchRoute(route, segments) }))
        .find((candidate) => candidate.params !== null);
      const found = routes.lookup('GET', segments);
      expect({ path, name: found.kind === 'match' ? found.match.route.functionName : undefined }).toEqual({
        path,
        name: everyRoute?.route.functionName,
      });
      if (found.kind === 'match') expect(found.match.params).toEqual(everyRoute?.params);
    }
  });

  test('a lookup rules out routes by their literal segments without matching each in full', () => {
    // The host has a route per HTTP function and looks one up per request: the path is lower-cased once, and a route
    // whose literals differ from it costs string comparisons, not a full (case-folding) match.
    const others = Array.from({ length: 40 }, (_, i): [string, string] => [`other${i}`, `v1/other${i}/{id}`]);
    const routes = table(...others, ['list', 'v1/projects']);
    const toLowerCase = jest.spyOn(String.prototype, 'toLowerCase');
    try {
      const found = routes.lookup('GET', ['v1', 'projects']);
      expect(found.kind === 'match' && found.match.route.functionName).toBe('list');
      // Once per path segment, then the one route that agrees is matched in full (twice per literal).
      expect(toLowerCase).toHaveBeenCalledTimes(2 + 4);
    } finally {
      toLowerCase.mockRestore();
    }
  });
});
