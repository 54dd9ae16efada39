/**
 * Azure AI Speech voice catalog: `GET https://{region}.tts.speech.microsoft.com/cognitiveservices/voices/list`
 * (or the same path on a custom-domain endpoint) → VoiceDescriptor[] for casting. Cached in memory per region with
 * a TTL; concurrent callers share one request; a failed refresh serves the stale list if there is one.
 */
import { z } from 'zod';
import type { VoiceAgeHint, VoiceDescriptor } from '../../../core/casting/casting';
import { SpeechAuthProvider, type SpeechCredentials } from './speechAuth';

export interface AzureVoiceListClientOptions {
  /** Default region for `listVoices()`. */
  region?: string;
  /** REST base (custom domain, or a test fake): the path `/cognitiveservices/voices/list` is appended. */
  endpoint?: string;
  credentials: SpeechCredentials;
  /** Default 6 hours: the catalog changes a few times a year. */
  ttlMs?: number;
  timeoutMs?: number;
  /** The real list is about 1.5 MB; refuse anything far larger. */
  maxResponseBytes?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

export interface AzureVoiceListClient {
  listVoices(region?: string): Promise<VoiceDescriptor[]>;
}

const voiceEntry = z.object({
  // Names become casting allowlist entries and SSML attributes: anything unusual is dropped, not escaped.
  ShortName: z.string().regex(/^[A-Za-z0-9:_.-]{1,120}$/),
  Locale: z.string().min(2).max(35),
  Gender: z.string().optional(),
  StyleList: z.array(z.string().max(100)).max(200).optional(),
  VoiceType: z.string().optional(),
  DisplayName: z.string().optional(),
  LocalName: z.string().optional(),
  VoiceTag: z
    .object({
      TailoredScenarios: z.array(z.string()).optional(),
      VoicePersonalities: z.array(z.string()).optional(),
    })
    .partial()
    .optional(),
});
type VoiceEntry = z.infer<typeof voiceEntry>;

/** Voices Microsoft describes as children's voices; the list API carries no age field. */
const CHILD_VOICES = new Set([
  'en-us-ananeural',
  'en-gb-maisieneural',
  'zh-cn-xiaoyouneural',
  'zh-cn-yunxianeural',
  'de-de-giselaneural',
  'fr-fr-eloiseneural',
]);

export function createAzureVoiceListClient(options: AzureVoiceListClientOptions): AzureVoiceListClient {
  const auth = new SpeechAuthProvider(options.credentials, options.now);
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 6 * 60 * 60_000;
  const doFetch = options.fetch ?? fetch;
  const cache = new Map<string, { voices: VoiceDescriptor[]; expiresAt: number }>();
  const inFlight = new Map<string, Promise<VoiceDescriptor[]>>();

  async function download(url: string): Promise<VoiceDescriptor[]> {
    const { headers } = await auth.authorization();
    const response = await doFetch(url, {
      headers: { ...headers, accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`Azure Speech voices/list answered HTTP ${response.status}`);
    }
    const text = await readLimited(response, options.maxResponseBytes ?? 8 * 1024 * 1024);
    const entries = z.array(z.unknown()).parse(JSON.parse(text));
    return entries.flatMap((raw) => {
      const parsed = voiceEntry.safeParse(raw);
      return parsed.success ? [toDescriptor(parsed.data)] : [];
    });
  }

  return {
    async listVoices(region = options.region) {
      const url = voiceListUrl(options.endpoint, region);
      const cached = cache.get(url);
      if (cached && now() < cached.expiresAt) return cached.voices.map(copyVoice);
      let pending = inFlight.get(url);
      if (!pending) {
        pending = download(url).finally(() => inFlight.delete(url));
        inFlight.set(url, pending);
      }
      try {
        const voices = await pending;
        cache.set(url, { voices, expiresAt: now() + ttlMs });
        return voices.map(copyVoice);
      } catch (error) {
        if (cached) return cached.voices.map(copyVoice);
        throw error;
      }
    },
  };
}

export function voiceListUrl(endpoint: string | undefined, region: string | undefined): string {
  if (endpoint) {
    const url = new URL(endpoint);
    if (url.protocol === 'wss:') url.protocol = 'https:';
    if (url.protocol === 'ws:') url.protocol = 'http:';
    url.pathname = '/cognitiveservices/voices/list';
    url.search = '';
    return url.toString();
  }
  // The region becomes part of a host name: letters, digits and dashes only.
  if (!region || !/^[a-z0-9-]{2,40}$/i.test(region)) throw new Error('Azure Speech voice list needs a valid region');
  return `https://${region.toLowerCase()}.tts.speech.microsoft.com/cognitiveservices/voices/list`;
}

export function toDescriptor(entry: VoiceEntry): VoiceDescriptor {
  const gender = entry.Gender?.toLowerCase();
  const descriptor: VoiceDescriptor = {
    name: entry.ShortName,
    locale: entry.Locale,
    gender: gender === 'female' ? 'female' : gender === 'male' ? 'male' : 'neutral',
    styles: [...new Set(entry.StyleList ?? [])].sort(),
    engine: 'azure',
  };
  const ageHint = inferAge(entry);
  if (ageHint) descriptor.ageHint = ageHint;
  if (/DragonHD|:.*HD/i.test(entry.ShortName) || /\bHD\b/.test(entry.VoiceType ?? '')) descriptor.hd = true;
  return descriptor;
}

function inferAge(entry: VoiceEntry): VoiceAgeHint | undefined {
  if (CHILD_VOICES.has(entry.ShortName.toLowerCase())) return 'child';
  const tags = [...(entry.VoiceTag?.VoicePersonalities ?? []), ...(entry.VoiceTag?.TailoredScenarios ?? [])].map((t) =>
    t.toLowerCase(),
  );
  if (tags.some((t) => t === 'child' || t === 'kid' || t === 'children')) return 'child';
  if (tags.some((t) => t === 'teen' || t === 'teenager')) return 'teen';
  if (tags.some((t) => t === 'youthful' || t === 'young')) return 'young_adult';
  if (tags.some((t) => t === 'senior' || t === 'elderly' || t === 'old')) return 'elderly';
  return undefined;
}

function copyVoice(voice: VoiceDescriptor): VoiceDescriptor {
  return { ...voice, styles: [...voice.styles] };
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`Azure Speech voices/list response exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
