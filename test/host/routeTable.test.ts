import { compileRoute, RouteTable } from '../../local/host/routeTable';

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
});
