/**
 * Accepted token lifetime is capped (AUTH_MAX_TOKEN_LIFETIME_SECONDS): a token must say when it was issued, may not
 * claim a longer life than the cap, and is refused once it is older than the cap, whatever its `exp`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TokenVerifier } from '../../core/auth/principal';
import { UnauthenticatedError } from '../../core/errors';
import { createJwtTokenVerifier, type TokenRejection } from '../../adapters/identity/jwtTokenVerifier';
import { parseConfig } from '../../adapters/config/config';
import { azureConfigEnv, localConfigEnv } from '../support/configEnv';
import { startDevIdentityProvider, type DevIdentityProvider } from '../../local/identity/devIdentityProvider';
import { seedUsers } from '../../local/identity/seedUsers';

const audience = 'api://khipu-lifetime-test';
const HOUR = 3600;
let keyDir: string;
let idp: DevIdentityProvider;
let verifier: TokenVerifier;
const rejections: TokenRejection[] = [];
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  keyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'khipu-lifetime-'));
  idp = await startDevIdentityProvider({
    port: 0,
    audience,
    keyDir,
    users: seedUsers,
    tenantClaim: 'khipu_tenant',
    rolesClaim: 'roles',
  });
  verifier = createJwtTokenVerifier({
    issuer: idp.issuer,
    audience,
    tenantClaim: 'khipu_tenant',
    rolesClaim: 'roles',
    maxTokenLifetimeSeconds: HOUR,
    clockToleranceSeconds: 60,
    onRejected: (rejection) => rejections.push(rejection),
  });
});
afterAll(async () => {
  await idp?.stop();
  await fs.rm(keyDir, { recursive: true, force: true });
});
beforeEach(() => {
  rejections.length = 0;
});

async function rejectionOf(claims: Record<string, unknown>): Promise<string | undefined> {
  const token = await idp.mintToken('admin@andes.test', { claims });
  rejections.length = 0;
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) return undefined;
  expect(error).toBeInstanceOf(UnauthenticatedError);
  return rejections[0]?.code;
}

test('a token living exactly the cap is accepted', async () => {
  expect(await rejectionOf({ iat: now(), nbf: now(), exp: now() + HOUR })).toBeUndefined();
});

test('a token issued for longer than the cap is refused even while fresh', async () => {
  expect(await rejectionOf({ iat: now(), nbf: now(), exp: now() + HOUR + 1 })).toBe('ERR_TOKEN_LIFETIME');
  expect(await rejectionOf({ iat: now(), nbf: now(), exp: now() + 8 * HOUR })).toBe('ERR_TOKEN_LIFETIME');
});

test('a token without iat is refused: its lifetime cannot be checked', async () => {
  expect(await rejectionOf({ iat: undefined, exp: now() + 600 })).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
});

test('a token issued longer ago than the cap, or in the future, is refused', async () => {
  expect(await rejectionOf({ iat: now() - 2 * HOUR, nbf: now() - 2 * HOUR, exp: now() + 600 })).toBe('ERR_JWT_EXPIRED');
  expect(await rejectionOf({ iat: now() + 600, exp: now() + 1200 })).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
});

describe('AUTH_MAX_TOKEN_LIFETIME_SECONDS', () => {
  test('defaults to the longest token Entra issues by default (90 minutes) in Azure and to the dev identity provider’s working day locally', () => {
    expect(parseConfig(azureConfigEnv).AUTH_MAX_TOKEN_LIFETIME_SECONDS).toBe(1.5 * HOUR);
    expect(parseConfig(localConfigEnv).AUTH_MAX_TOKEN_LIFETIME_SECONDS).toBe(8 * HOUR);
    expect(
      parseConfig({ ...azureConfigEnv, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600' }).AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    ).toBe(HOUR);
    expect(() => parseConfig({ ...azureConfigEnv, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '0' })).toThrow(
      /AUTH_MAX_TOKEN_LIFETIME_SECONDS/,
    );
  });
});
