import { z } from 'zod';
import type { EndpointDefinition } from '../../functions/http/catalog';
import { standardResponses } from '../../functions/http/standardResponses';

const base: EndpointDefinition = {
  operationId: 'op',
  method: 'GET',
  route: 'v1/things',
  summary: 'A thing',
  tags: ['things'],
  access: 'tenant',
  responses: { 200: { description: 'OK' } },
};

const statuses = (definition: EndpointDefinition) => Object.keys(standardResponses(definition)).map(Number);

describe('standard responses derived from a registration', () => {
  it('gives a public route without input none, and a signed-in one 401 and 429', () => {
    expect(statuses({ ...base, access: 'public' })).toEqual([]);
    expect(statuses({ ...base, access: 'signed-in' })).toEqual([401, 429]);
  });

  it('names the objects of the path in its 404 and refuses roles on tenant and operator routes', () => {
    const responses = standardResponses({
      ...base,
      route: 'v1/projects/{projectId}/segments/{segmentId}/takes/{takeId}',
      params: z.strictObject({ projectId: z.string(), segmentId: z.string(), takeId: z.string() }),
    });
    expect(Object.keys(responses).map(Number)).toEqual([400, 401, 403, 404, 429]);
    expect(responses[404].description).toBe('No such project, segment or take in your tenant');
    expect(responses[403].description).toMatch(/terms in force/);
    expect(standardResponses({ ...base, access: 'operator' })[403].description).toMatch(/operator/);
    expect(standardResponses({ ...base, beforeConsent: true })[403].description).not.toMatch(/terms/);
  });

  it('documents the version checks of updates and the limits of bodies', () => {
    const update = { ...base, method: 'PATCH' as const, body: { kind: 'json' as const, schema: z.object({}) } };
    expect(statuses({ ...update, ifMatch: 'required' })).toEqual([400, 401, 403, 412, 413, 415, 428, 429]);
    expect(statuses({ ...update, ifMatch: 'optional' })).toEqual([400, 401, 403, 412, 413, 415, 429]);
    expect(statuses(update)).toEqual([400, 401, 403, 413, 415, 429]);
  });
});
