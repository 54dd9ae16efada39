/**
 * The error responses every endpoint of a kind can give, derived from its registration so no function file restates
 * them: invalid input when it takes any, not signed in and the per-tenant rate limit unless public, a refused role
 * for tenant and operator routes, not found for the objects its path names, and the version checks of updates.
 * An endpoint's own `responses` are laid over these (a more precise description wins).
 */
import { ErrorBody } from '../../core/api/common';
import type { EndpointDefinition, ResponseSpec } from './catalog';

export function standardResponses(definition: EndpointDefinition): Record<number, ResponseSpec> {
  const responses: Record<number, ResponseSpec> = {};
  const error = (description: string): ResponseSpec => ({ description, schema: ErrorBody });
  if (definition.params || definition.query || definition.body)
    responses[400] = error('Invalid input; `details.fields` names each field');
  if (definition.access !== 'public') responses[401] = error('Not signed in');
  if (definition.access === 'tenant')
    responses[403] = error(
      definition.beforeConsent
        ? 'Your role may not do this'
        : 'Your role may not do this, or the terms in force are not accepted yet',
    );
  if (definition.access === 'operator') responses[403] = error('Only the platform operator may do this');
  const objects = namedObjects(definition.route);
  if (objects.length > 0) responses[404] = error(`No such ${listed(objects)} in your tenant`);
  if (definition.ifMatch)
    responses[412] = error('Changed since you read it; `details.current` is the version stored now');
  if (definition.body) responses[413] = error('The body is larger than this operation accepts');
  if (definition.body) responses[415] = error('The content type is not one this operation accepts');
  if (definition.ifMatch === 'required')
    responses[428] = error('If-Match is required: the ETag of the version you edited');
  if (definition.access !== 'public')
    responses[429] = error('Too many requests for your organization; `Retry-After` says when to try again');
  return responses;
}

/** `v1/projects/{projectId}/segments/{segmentId}` names a project and a segment. */
function namedObjects(route: string): string[] {
  return [...route.matchAll(/\{(\w+?)Id\b[^}]*\}/g)].map(([, name]) =>
    name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(),
  );
}

function listed(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
