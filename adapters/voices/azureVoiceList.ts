/**
 * Azure AI Speech voice list over REST (GET https://{region}.tts.speech.microsoft.com/cognitiveservices/voices/list),
 * mapped to catalog descriptors. Kept small: one request, a size cap and a timeout; the catalog caches the result.
 */
import { z } from 'zod';
import type { VoiceDescriptor } from '../../core/ports/voices';

const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

/** The fields we use from one entry of the service's answer; others are ignored. */
const AzureVoiceEntry = z.object({
  ShortName: z.string().regex(/^[A-Za-z0-9:_.-]{1,120}$/),
  Locale: z.string().min(2).max(35),
  Gender: z.string().default('Neutral'),
  StyleList: z.array(z.string().max(100)).max(100).optional(),
  VoiceType: z.string().optional(),
  Status: z.string().optional(),
});
export type AzureVoiceEntry = z.infer<typeof AzureVoiceEntry>;

export interface AzureVoiceListOptions {
  /** `SPEECH_ENDPOINT` (custom domain or regional) or, when absent, the region. */
  endpoint?: string;
  region?: string;
  /** Auth headers (key locally, `Authorization: Bearer aad#…` in Azure). */
  headers: () => Promise<Record<string, string>>;
  fetchImpl?: typeof fetch;
}

export function voiceListUrl(options: Pick<AzureVoiceListOptions, 'endpoint' | 'region'>): string {
  if (options.endpoint) {
    const base = new URL(options.endpoint);
    // A regional TTS host or a custom-domain resource both serve the list under this path.
    return new URL('/cognitiveservices/voices/list', base.origin).toString();
  }
  if (!options.region || !/^[a-z0-9]{2,40}$/.test(options.region))
    throw new Error('SPEECH_REGION is not a region name');
  return `https://${options.region}.tts.speech.microsoft.com/cognitiveservices/voices/list`;
}

export async function fetchAzureVoiceList(options: AzureVoiceListOptions): Promise<VoiceDescriptor[]> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const response = await fetchImpl(voiceListUrl(options), {
    headers: { accept: 'application/json', ...(await options.headers()) },
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`Azure Speech voice list answered ${response.status}`);
  const body = await response.text();
  if (body.length > MAX_RESPONSE_BYTES) throw new Error('Azure Speech voice list is unexpectedly large');
  const entries = z.array(z.unknown()).parse(JSON.parse(body));
  return entries.flatMap((raw) => {
    const parsed = AzureVoiceEntry.safeParse(raw);
    return parsed.success ? [toDescriptor(parsed.data)] : [];
  });
}

export function toDescriptor(entry: AzureVoiceEntry): VoiceDescriptor {
  const gender = entry.Gender.toLowerCase();
  return {
    name: entry.ShortName,
    locale: entry.Locale,
    gender: gender === 'female' ? 'female' : gender === 'male' ? 'male' : 'neutral',
    styles: entry.StyleList ?? [],
    engine: 'azure',
    ...(/:DragonHD|HDLatest/i.test(entry.ShortName) ? { hd: true } : {}),
  };
}
