/**
 * Credentials for Azure AI Speech. Locally a resource key (never in Azure: config forbids SPEECH_KEY there); in
 * Azure, Microsoft Entra tokens from the managed identity, sent as `aad#{resourceId}#{accessToken}` (the form the
 * Speech service accepts for keyless access by region or custom domain), cached and refreshed before they expire.
 */
import type { TokenCredential } from '@azure/identity';

export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

/** Refresh this long before the token's own expiry, so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export type SpeechCredentials =
  { kind: 'key'; key: string } | { kind: 'entra'; resourceId: string; credential: TokenCredential };

export interface SpeechAuthorization {
  /** Key to pass to the SDK, if key auth. */
  key?: string;
  /** Authorization token for the SDK (`aad#…`), if Entra auth. */
  authorizationToken?: string;
  /** Headers for REST calls (voices list). */
  headers: Record<string, string>;
}

export class SpeechAuthProvider {
  private cached: { value: string; refreshAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly credentials: SpeechCredentials,
    private readonly now: () => number = Date.now,
  ) {
    if (credentials.kind === 'key' && !credentials.key) throw new Error('Speech key is empty');
    if (credentials.kind === 'entra' && !/^\/subscriptions\/[^#\s]+$/i.test(credentials.resourceId)) {
      throw new Error('SPEECH_RESOURCE_ID must be the Speech account resource id (/subscriptions/…)');
    }
  }

  async authorization(): Promise<SpeechAuthorization> {
    if (this.credentials.kind === 'key') {
      return { key: this.credentials.key, headers: { 'Ocp-Apim-Subscription-Key': this.credentials.key } };
    }
    const token = await this.entraToken(this.credentials);
    return { authorizationToken: token, headers: { Authorization: `Bearer ${token}` } };
  }

  private entraToken(credentials: Extract<SpeechCredentials, { kind: 'entra' }>): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAt) return Promise.resolve(this.cached.value);
    // Concurrent callers share one token request instead of stampeding the identity endpoint.
    this.pending ??= (async () => {
      try {
        const accessToken = await credentials.credential.getToken(COGNITIVE_SERVICES_SCOPE);
        if (!accessToken?.token) throw new Error('Microsoft Entra returned no token for Azure AI Speech');
        const value = `aad#${credentials.resourceId}#${accessToken.token}`;
        const lifetimeEnd = accessToken.expiresOnTimestamp;
        const refreshAt = Math.max(
          this.now(),
          Math.min(lifetimeEnd - REFRESH_MARGIN_MS, accessToken.refreshAfterTimestamp ?? Infinity),
        );
        this.cached = { value, refreshAt };
        return value;
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }
}
