/**
 * Merging the per-chunk character lists of a model into one cast for the whole book, by the rules the offline engine
 * follows (docs/characters.md). Two entries are one person when they share a name form (canonical name or alias) and
 * their genders agree; a form that several characters of one reply claim (a family surname, "Miss Bennet") is
 * ambiguous and merges nothing, and so is a one-word name that entries with different full names carry across the
 * book (two Johns, "John Smith" and "John Brown", are not joined by "John"). The narrator is the offline engine's:
 * a first-person narrator's name, if a reply lists it, joins the narrator instead of becoming a second person.
 * Names are sanitised and must occur in the book: a model (or a manuscript trying to steer it) cannot add characters
 * the text never names.
 */
import {
  characterIdFor,
  narratorCharacter,
  type AgeBand,
  type ChapterInput,
  type Character,
  type Gender,
  type Importance,
} from '../../core/characters/character';
import { detectNarration } from '../../core/characters/narration';
import type { ReplyCharacter } from './prompts';

const MAX_NAME = 80;
const MAX_ALIASES = 12;
const MAX_TEXT = 300;
const MAX_TRAITS = 5;

interface Entry extends ReplyCharacter {
  forms: string[];
}

export function clean(text: string, max: number): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, max);
}

export function nameKey(form: string): string {
  return form.normalize('NFC').toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

function isName(form: string): boolean {
  return /\p{L}/u.test(form) && form.length <= MAX_NAME;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A word-bounded, case-insensitive pattern for any of the forms; dots are optional ("Mr Darcy" = "Mr. Darcy"). */
export function formsPattern(forms: string[]): RegExp | null {
  const alternatives = [...new Set(forms)]
    .filter((form) => form.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((form) => escapeRegExp(form).replace(/\\\./g, '\\.?').replace(/\s+/g, '\\s+'));
  if (alternatives.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

export class CharacterMerger {
  private readonly entries: Entry[] = [];
  private readonly ambiguous = new Set<string>();

  /** Adds one chunk's reply; forms that do not occur in the chunk text are dropped. */
  add(reply: ReplyCharacter[], chunkText: string): void {
    const accepted: Entry[] = [];
    for (const raw of reply) {
      const name = clean(raw.name, MAX_NAME);
      const aliases = raw.aliases.map((alias) => clean(alias, MAX_NAME));
      const forms = [name, ...aliases].filter(isName).filter((form) => formsPattern([form])!.test(chunkText));
      if (forms.length === 0) continue;
      const canonical = isName(name) ? name : forms[0];
      accepted.push({
        ...raw,
        name: canonical,
        aliases: forms.filter((form) => form !== canonical).slice(0, MAX_ALIASES),
        forms,
        description: clean(raw.description, MAX_TEXT),
        speakingStyle: clean(raw.speakingStyle, MAX_NAME),
        traits: raw.traits.map((trait) => clean(trait, 40)).filter((trait) => trait.length > 0),
        dialogueLines: Number.isFinite(raw.dialogueLines) ? Math.max(0, Math.round(raw.dialogueLines)) : 0,
      });
    }
    const claims = new Map<string, Set<string>>();
    for (const entry of accepted)
      for (const key of new Set([entry.name, ...entry.aliases].map(nameKey))) {
        if (!claims.has(key)) claims.set(key, new Set());
        claims.get(key)!.add(nameKey(entry.name));
      }
    for (const [key, owners] of claims) if (owners.size > 1) this.ambiguous.add(key);
    this.entries.push(...accepted);
  }

  /** Names and aliases found so far, to keep later chunks consistent. */
  knownNames(limit: number): { name: string; aliases: string[] }[] {
    return this.groups()
      .slice(0, limit)
      .map((group) => ({ name: group.name, aliases: group.aliases.slice(0, 6) }));
  }

  /** The cast: narrator first, then characters by first appearance in the book; ids stable for the same replies. */
  characters(chapters: ChapterInput[]): Character[] {
    const narration = detectNarration(chapters);
    const narratorKey = narration.name === null ? null : nameKey(narration.name);
    const groups = this.groups();
    const isNarrator = (group: Group) =>
      narratorKey !== null && [group.name, ...group.aliases].some((form) => nameKey(form) === narratorKey);
    const narratorGroup = groups.find(isNarrator);
    const located = groups
      .filter((group) => !isNarrator(group))
      .map((group) => ({ group, first: firstAppearance([group.name, ...group.aliases], chapters) }))
      .filter((entry) => entry.first !== null);
    located.sort((a, b) => a.first!.order - b.first!.order || a.group.name.localeCompare(b.group.name));
    const narrator = narratorCharacter(chapters[0]?.id ?? null, {
      firstPerson: narration.firstPerson,
      name: narratorGroup?.name ?? narration.name,
      aliases: narratorGroup ? [narratorGroup.name, ...narratorGroup.aliases] : [],
      gender: narration.gender !== 'unknown' ? narration.gender : (narratorGroup?.gender ?? 'unknown'),
      lines: narration.lines + (narratorGroup?.dialogueLineCount ?? 0),
    });
    const taken = new Set([narrator.id]);
    const result: Character[] = [narrator];
    for (const { group, first } of located) {
      let id = characterIdFor(group.name);
      const base = id;
      for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
      taken.add(id);
      result.push({ ...group, id, firstAppearance: { chapterId: first!.chapterId, offset: first!.offset } });
    }
    return result;
  }

  private groups(): Group[] {
    const parent = this.entries.map((_, index) => index);
    const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index])));
    const byKey = new Map<string, number>();
    const shared = this.sharedFirstNames();
    this.entries.forEach((entry, index) => {
      const keys = new Set([entry.name, ...entry.aliases].map(nameKey));
      for (const key of keys) {
        if ((this.ambiguous.has(key) || shared.has(key)) && key !== nameKey(entry.name)) continue;
        const other = byKey.get(key);
        if (other === undefined) byKey.set(key, index);
        else if (compatible(this.entries[root(other)], entry)) parent[root(index)] = root(other);
      }
    });
    const members = new Map<number, Entry[]>();
    this.entries.forEach((entry, index) => {
      const group = root(index);
      if (!members.has(group)) members.set(group, []);
      members.get(group)!.push(entry);
    });
    return [...members.values()].map((group) => this.combine(group));
  }

  /**
   * One-word names that entries with different full names carry ("John" with "John Smith" and with "John Brown"):
   * they say nothing about which John is meant.
   */
  private sharedFirstNames(): Set<string> {
    const fullNames = new Map<string, Set<string>>();
    for (const entry of this.entries) {
      const forms = [entry.name, ...entry.aliases].map(nameKey);
      const full = forms.filter((form) => form.includes(' ')).map((form) => form.split(' ').pop()!);
      for (const word of forms.filter((form) => !form.includes(' '))) {
        if (!fullNames.has(word)) fullNames.set(word, new Set());
        for (const surname of full) if (surname !== word) fullNames.get(word)!.add(surname);
      }
    }
    return new Set([...fullNames.entries()].filter(([, surnames]) => surnames.size > 1).map(([word]) => word));
  }

  private combine(group: Entry[]): Group {
    const name = mostCommon(group.map((entry) => entry.name));
    const aliasSet = new Map<string, string>();
    for (const entry of group)
      for (const form of [entry.name, ...entry.aliases]) {
        const key = nameKey(form);
        if (key !== nameKey(name) && !this.ambiguous.has(key) && !aliasSet.has(key)) aliasSet.set(key, form);
      }
    const lines = group.reduce((sum, entry) => sum + entry.dialogueLines, 0);
    return {
      name,
      aliases: [...aliasSet.values()].slice(0, MAX_ALIASES),
      gender: vote<Gender>(group.map((entry) => entry.gender).filter((gender) => gender !== 'unknown')) ?? 'unknown',
      ageBand: vote<AgeBand>(group.map((entry) => entry.ageBand)) ?? 'adult',
      description: group.map((entry) => entry.description).find((text) => text.length > 0) ?? '',
      traits: [...new Set(group.flatMap((entry) => entry.traits))].slice(0, MAX_TRAITS),
      speakingStyle: vote(group.map((entry) => entry.speakingStyle).filter((style) => style.length > 0)) ?? 'neutral',
      dialogueLineCount: lines,
      importance: bestImportance(group.map((entry) => entry.importance)),
    };
  }
}

type Group = Omit<Character, 'id' | 'firstAppearance'>;

function compatible(a: Entry, b: Entry): boolean {
  return a.gender === 'unknown' || b.gender === 'unknown' || a.gender === b.gender;
}

function vote<T extends string>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

function mostCommon(values: string[]): string {
  return vote(values) ?? values[0];
}

const IMPORTANCE_RANK: Record<Exclude<Importance, 'narrator'>, number> = { main: 0, supporting: 1, minor: 2 };

function bestImportance(values: ('main' | 'supporting' | 'minor')[]): Importance {
  return [...values].sort((a, b) => IMPORTANCE_RANK[a] - IMPORTANCE_RANK[b])[0] ?? 'minor';
}

function firstAppearance(
  forms: string[],
  chapters: ChapterInput[],
): { chapterId: string; offset: number; order: number } | null {
  const pattern = formsPattern(forms);
  if (!pattern) return null;
  let before = 0;
  for (const chapter of chapters) {
    pattern.lastIndex = 0;
    const match = pattern.exec(chapter.text);
    if (match) return { chapterId: chapter.id, offset: match.index, order: before + match.index };
    before += chapter.text.length;
  }
  return null;
}
