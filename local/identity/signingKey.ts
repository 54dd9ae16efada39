import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

/** The dev IdP's RS256 key pair, persisted so tokens stay valid across restarts of the local platform. */
export interface DevSigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** Public half only, ready for the JWKS document. */
  publicJwk: JWK;
}

export const SIGNING_ALGORITHM = 'RS256';
const PRIVATE_KEY_FILE = 'signing-key.private.jwk.json';
const PUBLIC_KEY_FILE = 'signing-key.public.jwk.json';
const publicRsaMembers = ['kty', 'n', 'e'] as const;

/**
 * Loads the key pair from `keyDir`, creating it on first use. Creation is atomic and create-only
 * (write to a temp file, then hard-link into place), so two processes starting together end up with one key.
 */
export async function loadOrCreateSigningKey(keyDir: string): Promise<DevSigningKey> {
  await fs.mkdir(keyDir, { recursive: true, mode: 0o700 });
  const privatePath = path.join(keyDir, PRIVATE_KEY_FILE);
  const existing = await readJwk(privatePath);
  const privateJwk = existing ?? (await createKeyFile(keyDir, privatePath));
  return toSigningKey(privateJwk, keyDir);
}

async function readJwk(file: string): Promise<JWK | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Dev identity signing key at ${file} is unreadable; delete it to generate a new one`, {
      cause: error,
    });
  }
}

async function createKeyFile(keyDir: string, privatePath: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const tempPath = path.join(keyDir, `.${PRIVATE_KEY_FILE}.${randomBytes(8).toString('hex')}.tmp`);
  await fs.writeFile(tempPath, JSON.stringify(jwk, null, 2), { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(tempPath, privatePath);
    return jwk;
  } catch (error) {
    // Another process won the race: its key is the one everybody uses.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readJwk(privatePath);
    if (!winner) throw error;
    return winner;
  } finally {
    await fs.rm(tempPath, { force: true });
  }
}

async function toSigningKey(privateJwk: JWK, keyDir: string): Promise<DevSigningKey> {
  if (privateJwk.kty !== 'RSA' || !privateJwk.d) {
    throw new Error(`Dev identity signing key in ${keyDir} is not an RSA private key`);
  }
  const publicMembers: JWK = Object.fromEntries(publicRsaMembers.map((member) => [member, privateJwk[member]]));
  const kid = await calculateJwkThumbprint(publicMembers);
  const publicJwk: JWK = { ...publicMembers, kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  const privateKey = (await importJWK({ ...privateJwk, alg: SIGNING_ALGORITHM }, SIGNING_ALGORITHM)) as CryptoKey;
  // The public file is informational (handy for pasting into other tools); the JWKS is served from memory.
  await fs.writeFile(path.join(keyDir, PUBLIC_KEY_FILE), JSON.stringify(publicJwk, null, 2), { mode: 0o644 });
  return { kid, privateKey, publicJwk };
}
