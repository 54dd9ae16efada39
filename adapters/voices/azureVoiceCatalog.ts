/** Azure voices as the catalog port, cached per region (the list changes rarely; a refresh failure keeps the old one). */
import type { VoiceCatalog, VoiceDescriptor, VoiceFilter } from '../../core/ports/voices';
import { filterVoices } from '../../core/voices/voiceFilter';

const DEFAULT_TTL_MS = 6 * 60 * 60_000;

interface CacheEntry {
  voices: VoiceDescriptor[];
  byName: Map<string, VoiceDescriptor>;
  fetchedAt: number;
}

/** One cache per process, keyed by region/endpoint, shared by every catalog instance. */
const cacheByRegion = new Map<string, CacheEntry>();
const pendingByRegion = new Map<string, Promise<CacheEntry>>();

export class AzureVoiceCatalog implements VoiceCatalog {
  readonly engine = 'azure';

  constructor(
    private readonly regionKey: string,
    private readonly fetchVoices: () => Promise<VoiceDescriptor[]>,
    private readonly ttlMs = DEFAULT_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async list(filter?: VoiceFilter): Promise<VoiceDescriptor[]> {
    return filterVoices((await this.entry()).voices, filter);
  }

  async find(name: string): Promise<VoiceDescriptor | undefined> {
    return (await this.entry()).byName.get(name.trim().toLowerCase());
  }

  private async entry(): Promise<CacheEntry> {
    const cached = cacheByRegion.get(this.regionKey);
    if (cached && this.now() - cached.fetchedAt < this.ttlMs) return cached;
    let pending = pendingByRegion.get(this.regionKey);
    if (!pending) {
      pending = this.refresh().finally(() => pendingByRegion.delete(this.regionKey));
      pendingByRegion.set(this.regionKey, pending);
    }
    try {
      return await pending;
    } catch (error) {
      if (cached) return cached;
      throw error;
    }
  }

  private async refresh(): Promise<CacheEntry> {
    const voices = await this.fetchVoices();
    if (voices.length === 0) throw new Error('Azure Speech returned an empty voice list');
    const entry = { voices, byName: new Map(voices.map((v) => [v.name.toLowerCase(), v])), fetchedAt: this.now() };
    cacheByRegion.set(this.regionKey, entry);
    return entry;
  }
}

/** Tests only: forget cached lists. */
export function clearAzureVoiceCache(): void {
  cacheByRegion.clear();
}
