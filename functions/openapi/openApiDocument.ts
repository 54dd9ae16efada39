import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { AnyEndpoint } from '../http/catalog';

/** OpenAPI 3.1 generated from the same zod schemas and registrations the API validates with. */
export function buildOpenApiDocument(endpoints: readonly AnyEndpoint[], version: string): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const e of endpoints) {
    const jsonBody = e.body?.kind === 'json' ? e.body.schema : undefined;
    const binaryBody = e.body?.kind === 'binary' ? e.body.contentTypes : undefined;
    registry.registerPath({
      method: e.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete',
      path: `/api/${e.route.replace(/\{(\w+)(:[^}]*)?\??\}/g, '{$1}')}`,
      operationId: e.operationId,
      summary: e.summary,
      tags: e.tags,
      security: e.access === 'public' ? [] : [{ bearer: [] }],
      // Who may call and which path parameters name tenant-owned objects: read by clients and the isolation tests.
      'x-khipu-access': e.access,
      ...(e.objects ? { 'x-khipu-objects': e.objects } : {}),
      request: {
        params: e.params,
        query: e.query,
        body: jsonBody
          ? { required: true, content: { 'application/json': { schema: jsonBody } } }
          : binaryBody
            ? {
                required: true,
                content: Object.fromEntries(
                  binaryBody.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
                ),
              }
            : undefined,
      },
      responses: Object.fromEntries(
        Object.entries(e.responses).map(([status, spec]) => [
          status,
          {
            description: spec.description,
            ...(spec.schema
              ? { content: { 'application/json': { schema: spec.schema } } }
              : spec.contentType
                ? { content: { [spec.contentType]: { schema: { type: 'string', format: 'binary' } } } }
                : {}),
          },
        ]),
      ),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Khipu Cloud API',
      version,
      description:
        'Audiobook production: projects, manuscripts, casting, planning, production and packaging. ' +
        'Errors are `{ error: { code, message, details, requestId } }`; updates need `If-Match`; creating POSTs honour `Idempotency-Key`.',
    },
    servers: [{ url: '/' }],
  });
}
