/**
 * Merging name forms into people: "Mr. Darcy", "Darcy" and "Fitzwilliam Darcy" resolve to one cluster, while
 * "Mr. Bennet" and "Mrs. Bennet" stay two. Clusters are seeded from speaker forms and frequent titled names;
 * every later mention is resolved against them with the same rules.
 */
import type { Gender } from './character';
import { DIMINUTIVES, honorificOf } from './vocabulary';
import { formLabel, type NameForm } from './mentions';

export interface Cluster {
  key: string;
  gender: Gender;
  /** Title kind that seeded it (`mr`, `miss`, `given`). */
  kind: string;
  seedWeight: number;
  /** Display name: the given name, or the title with the surname (`Mr. Darcy`). */
  label: string;
}

function maleFirst(cluster: Cluster): number {
  return cluster.gender === 'male' ? 0 : 1;
}

/** Titles whose name is ambiguous between given name and surname ("Miss Lydia", "Miss Bingley"). */
const AMBIGUOUS_TITLES = new Set(['miss', 'lady', 'ms']);
/** "Miss Lydia" is Lydia; "Lady Catherine" is usually not the bare "Catherine" of the same book. */
const MERGES_WITH_GIVEN = new Set(['miss', 'ms']);

function titleKey(honorific: string): string {
  return honorific.replace(/\.$/, '').toLowerCase();
}

function takesGivenName(honorific: string): boolean {
  return honorificOf(honorific)?.takesGivenName ?? false;
}

export class ClusterSet {
  readonly clusters = new Map<string, Cluster>();
  private readonly redirects = new Map<string, string>();

  /** Seeds clusters from forms, most reliable first; `weight` is how often the form was seen. */
  seed(forms: { form: NameForm; weight: number }[]): void {
    const ordered = [...forms].sort((a, b) => rank(a.form) - rank(b.form) || b.weight - a.weight);
    for (const { form, weight } of ordered) {
      if (this.resolve(form) !== undefined) {
        this.clusters.get(this.resolve(form) as string)!.seedWeight += weight;
        continue;
      }
      const key = this.newKeyFor(form);
      if (key === undefined) continue;
      const gender = form.honorific ? (honorificOf(form.honorific)?.gender ?? 'unknown') : 'unknown';
      const label = formLabel({ honorific: form.honorific, tokens: [key.slice(key.indexOf('|') + 1)] });
      this.clusters.set(key, {
        key,
        gender,
        kind: form.honorific ? titleKey(form.honorific) : 'given',
        seedWeight: weight,
        label,
      });
    }
  }

  /** Merges diminutive clusters ("Lizzy") into their full name when both occur together in some chapter. */
  mergeDiminutives(coOccur: (a: string, b: string) => boolean): void {
    for (const [full, shorts] of Object.entries(DIMINUTIVES)) {
      const fullKey = `given|${full}`;
      if (!this.clusters.has(fullKey)) continue;
      for (const shortKey of shorts.flatMap((short) => [`given|${short}`, `miss|${short}`])) {
        if (this.clusters.has(shortKey) && coOccur(shortKey, fullKey)) {
          this.clusters.get(fullKey)!.seedWeight += this.clusters.get(shortKey)!.seedWeight;
          this.clusters.delete(shortKey);
          this.redirects.set(shortKey, fullKey);
        }
      }
    }
  }

  resolve(form: NameForm): string | undefined {
    const key = this.lookup(form);
    return key === undefined ? undefined : (this.redirects.get(key) ?? key);
  }

  private has(key: string): boolean {
    return this.clusters.has(key) || this.redirects.has(key);
  }

  private lookup(form: NameForm): string | undefined {
    const [first] = form.tokens;
    const last = form.tokens[form.tokens.length - 1];
    if (form.honorific !== null) {
      const title = titleKey(form.honorific);
      if (form.tokens.length > 1 && title !== 'lady' && this.has(`given|${first}`)) return `given|${first}`;
      if (takesGivenName(form.honorific) && this.has(`given|${first}`)) return `given|${first}`;
      if (MERGES_WITH_GIVEN.has(title) && form.tokens.length === 1 && this.has(`given|${first}`))
        return `given|${first}`;
      const own = `${title}|${takesGivenName(form.honorific) || (AMBIGUOUS_TITLES.has(title) && form.tokens.length > 1) ? first : last}`;
      return this.has(own) ? own : undefined;
    }
    if (this.has(`given|${first}`)) return `given|${first}`;
    const bySurname = this.surnameClusters(last);
    if (form.tokens.length === 1) return bySurname[0];
    return bySurname.length === 1 ? bySurname[0] : undefined;
  }

  /** Clusters titled with a surname (`Mr. Darcy`): men first (a bare surname usually means the man), then most seen. */
  private surnameClusters(surname: string): string[] {
    return [...this.clusters.values()]
      .filter(
        (cluster) => cluster.kind !== 'given' && !takesGivenName(cluster.kind) && cluster.key.endsWith(`|${surname}`),
      )
      .sort((a, b) => maleFirst(a) - maleFirst(b) || b.seedWeight - a.seedWeight || a.key.localeCompare(b.key))
      .map((cluster) => cluster.key);
  }

  private newKeyFor(form: NameForm): string | undefined {
    const [first] = form.tokens;
    const last = form.tokens[form.tokens.length - 1];
    if (form.honorific === null) return `given|${first}`;
    const title = titleKey(form.honorific);
    if (takesGivenName(form.honorific) || (AMBIGUOUS_TITLES.has(title) && form.tokens.length > 1))
      return `${title}|${first}`;
    return `${title}|${last}`;
  }
}

/** Titled single names seed first (they fix surnames), then bare and full names. */
function rank(form: NameForm): number {
  if (form.honorific !== null && form.tokens.length === 1 && !AMBIGUOUS_TITLES.has(titleKey(form.honorific))) return 0;
  if (form.honorific === null && form.tokens.length === 1) return 1;
  if (form.honorific === null) return 2;
  return 3;
}
