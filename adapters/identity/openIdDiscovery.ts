/** Finds an issuer's JWKS through OpenID Connect discovery, once per verifier. */

const DISCOVERY_TIMEOUT_MS = 5000;
const MAX_DISCOVERY_DOCUMENT_BYTES = 64 * 1024;
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Returns a function resolving the issuer's `jwks_uri`. The first success is cached for the life of the process;
 * a failure is not, so an IdP that was briefly unreachable at startup is retried on the next request.
 */
export function createDiscoveredJwksUri(issuer: string): () => Promise<URL> {
  let pending: Promise<URL> | undefined;
  return () => {
    pending ??= discoverJwksUri(issuer).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

export function openIdConfigurationUrl(issuer: string): URL {
  return new URL(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`);
}

async function discoverJwksUri(issuer: string): Promise<URL> {
  const discoveryUrl = openIdConfigurationUrl(issuer);
  const response = await fetch(discoveryUrl, {
    headers: { accept: 'application/json' },
    redirect: 'error',
    signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`OpenID discovery at ${discoveryUrl.href} answered ${response.status}`);
  const body = await response.text();
  if (body.length > MAX_DISCOVERY_DOCUMENT_BYTES) throw new Error('OpenID discovery document is too large');
  const document = JSON.parse(body) as { issuer?: unknown; jwks_uri?: unknown };
  // OpenID Connect Discovery 1.0 §4.3: the document must name exactly the issuer it was fetched for.
  if (document.issuer !== issuer) throw new Error('OpenID discovery document names a different issuer');
  if (typeof document.jwks_uri !== 'string') throw new Error('OpenID discovery document has no jwks_uri');
  const jwksUri = new URL(document.jwks_uri);
  const isLoopback = jwksUri.protocol === 'http:' && loopbackHosts.has(jwksUri.hostname);
  if (jwksUri.protocol !== 'https:' && !isLoopback) throw new Error('jwks_uri must use https');
  return jwksUri;
}
