import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import { CreateUserRequest, toUserView, UpdateUserRequest, UserPage, UserView } from '../core/api/users';
import { endpoint } from './http/endpoint';

const UserParams = z.strictObject({ userId: Id });

endpoint({
  operationId: 'listUsers',
  method: 'GET',
  route: 'v1/users',
  summary: 'Users of your organization (admin)',
  tags: ['users'],
  access: 'tenant',
  query: z.strictObject({
    continuationToken: z.string().max(4096).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  }),
  responses: { 200: { description: 'A page of users', schema: UserPage } },
  async handle({ principal, query, services }) {
    const page = await services.users.list(principal, query);
    return { status: 200, json: { items: page.items.map(toUserView), continuationToken: page.continuationToken } };
  },
});

endpoint({
  operationId: 'inviteUser',
  method: 'POST',
  route: 'v1/users',
  summary: 'Invite a user with a role (admin); they sign in with that email',
  tags: ['users'],
  access: 'tenant',
  idempotent: true,
  body: { kind: 'json', schema: CreateUserRequest },
  responses: {
    201: { description: 'Invited', schema: UserView },
    409: { description: 'Email already in use', schema: ErrorBody },
  },
  async handle({ principal, body, services }) {
    return { status: 201, json: toUserView(await services.users.invite(principal, body)) };
  },
});

endpoint({
  operationId: 'getUser',
  method: 'GET',
  route: 'v1/users/{userId}',
  summary: 'One user (admin)',
  tags: ['users'],
  access: 'tenant',
  params: UserParams,
  objects: { userId: 'user' },
  responses: {
    200: { description: 'The user', schema: UserView },
    404: { description: 'No such user', schema: ErrorBody },
  },
  async handle({ principal, params, services }) {
    return { status: 200, json: toUserView(await services.users.get(principal, params.userId)) };
  },
});

endpoint({
  operationId: 'updateUser',
  method: 'PATCH',
  route: 'v1/users/{userId}',
  summary: 'Change role or name, deactivate or reactivate (admin)',
  tags: ['users'],
  access: 'tenant',
  params: UserParams,
  body: { kind: 'json', schema: UpdateUserRequest },
  objects: { userId: 'user' },
  ifMatch: 'optional',
  responses: {
    200: { description: 'Updated', schema: UserView },
    404: { description: 'No such user', schema: ErrorBody },
    409: { description: 'Would leave the organization without an active admin (`last_admin`)', schema: ErrorBody },
  },
  async handle({ principal, params, body, ifMatch, services }) {
    return { status: 200, json: toUserView(await services.users.update(principal, params.userId, ifMatch, body)) };
  },
});
