/**
 * Offline character detection over the whole book: speakers from attributions, titled names, alias merging,
 * gender from titles and nearby pronouns. Deterministic: the same chapters give the same characters and ids.
 */
import {
  characterIdFor,
  narratorCharacter,
  type AgeBand,
  type Character,
  type ChapterInput,
  type Gender,
  type Importance,
} from './character';
import { ClusterSet } from './clusters';
import { findAttributions, findMentions, formLabel, WordCase, type NameForm } from './mentions';
import { heuristicLanguage, PRONOUNS, type HeuristicLanguage } from './vocabulary';

/** Titled names that never speak still count as characters when mentioned this often. */
const MIN_TITLED_MENTIONS = 5;
const PRONOUN_WINDOW = 120;

interface Tally {
  aliases: Map<string, number>;
  mentions: number;
  lines: number;
  chapters: Set<string>;
  first: { chapterId: string; offset: number; order: number } | null;
  female: number;
  male: number;
  ages: Map<AgeBand, number>;
  verbs: Map<string, number>;
}

function newTally(): Tally {
  return {
    aliases: new Map(),
    mentions: 0,
    lines: 0,
    chapters: new Set(),
    first: null,
    female: 0,
    male: 0,
    ages: new Map(),
    verbs: new Map(),
  };
}

function formKey(form: NameForm): string {
  return formLabel(form);
}

function isPlausibleName(form: NameForm, wordCase: WordCase): boolean {
  return form.honorific !== null || form.tokens.every((token) => wordCase.looksLikeName(token));
}

export function detectCharactersHeuristic(chapters: ChapterInput[]): Character[] {
  const wordCase = new WordCase();
  for (const chapter of chapters) wordCase.add(chapter.text);

  const seeds = new Map<string, { form: NameForm; weight: number }>();
  const addSeed = (form: NameForm, weight: number) => {
    const key = formKey(form);
    const existing = seeds.get(key);
    if (existing) existing.weight += weight;
    else seeds.set(key, { form, weight });
  };
  const attributionsByChapter = chapters.map((chapter) =>
    findAttributions(chapter.text, heuristicLanguage(chapter.language)).filter((found) =>
      isPlausibleName(found.form, wordCase),
    ),
  );
  for (const found of attributionsByChapter.flat()) addSeed(found.form, 1);

  const mentionsByChapter = chapters.map((chapter) =>
    findMentions(chapter.text).filter((found) => isPlausibleName(found.form, wordCase)),
  );
  const titledCounts = new Map<string, { form: NameForm; count: number; chapters: Set<number> }>();
  mentionsByChapter.forEach((mentions, index) => {
    for (const { form } of mentions) {
      if (form.honorific === null) continue;
      const key = formKey(form);
      const entry = titledCounts.get(key) ?? { form, count: 0, chapters: new Set<number>() };
      entry.count++;
      entry.chapters.add(index);
      titledCounts.set(key, entry);
    }
  });
  for (const { form, count, chapters: seen } of titledCounts.values()) {
    if (count >= MIN_TITLED_MENTIONS && seen.size >= 2 && !seeds.has(formKey(form)))
      seeds.set(formKey(form), { form, weight: 0 });
  }

  const clusters = new ClusterSet();
  clusters.seed([...seeds.values()]);
  const chaptersOf = new Map<string, Set<number>>();
  mentionsByChapter.forEach((mentions, index) => {
    for (const { form } of mentions) {
      if (form.honorific !== null || form.tokens.length !== 1) continue;
      const key = `given|${form.tokens[0]}`;
      if (!chaptersOf.has(key)) chaptersOf.set(key, new Set());
      chaptersOf.get(key)!.add(index);
    }
  });
  clusters.mergeDiminutives((a, b) => [...(chaptersOf.get(a) ?? [])].some((index) => chaptersOf.get(b)?.has(index)));

  const tallies = new Map<string, Tally>();
  const tallyFor = (key: string) => {
    if (!tallies.has(key)) tallies.set(key, newTally());
    return tallies.get(key)!;
  };
  let order = 0;
  chapters.forEach((chapter, index) => {
    const language = heuristicLanguage(chapter.language);
    for (const mention of mentionsByChapter[index]) {
      const key = clusters.resolve(mention.form);
      if (key === undefined) continue;
      const tally = tallyFor(key);
      const label = formLabel(mention.form);
      tally.aliases.set(label, (tally.aliases.get(label) ?? 0) + 1);
      tally.mentions++;
      tally.chapters.add(chapter.id);
      if (tally.first === null) tally.first = { chapterId: chapter.id, offset: mention.offset, order: order };
      order++;
      votePronoun(tally, chapter.text, mention.offset + mention.length, language);
      voteAge(tally, chapter.text.slice(Math.max(0, mention.offset - 24), mention.offset));
    }
    for (const found of attributionsByChapter[index]) {
      const key = clusters.resolve(found.form);
      if (key === undefined) continue;
      const tally = tallyFor(key);
      tally.lines++;
      const verb = found.verb.toLowerCase();
      tally.verbs.set(verb, (tally.verbs.get(verb) ?? 0) + 1);
    }
  });

  const scored = [...clusters.clusters.values()]
    .filter((cluster) => tallies.has(cluster.key))
    .map((cluster) => ({ cluster, tally: tallies.get(cluster.key)!, score: 0 }));
  for (const entry of scored) entry.score = entry.tally.mentions + 3 * entry.tally.lines;
  const top = Math.max(1, ...scored.map((entry) => entry.score));

  const characters = scored.map(({ cluster, tally, score }): Character & { order: number } => {
    const aliases = [...tally.aliases.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([alias]) => alias);
    const name = cluster.label;
    const gender: Gender = cluster.gender !== 'unknown' ? cluster.gender : genderFromVotes(tally, name, chapters);
    const importance: Importance = score >= top * 0.15 ? 'main' : score >= top * 0.03 ? 'supporting' : 'minor';
    return {
      id: characterIdFor(name),
      name,
      aliases: aliases.filter((alias) => alias !== name),
      gender,
      ageBand: ageBandOf(tally, cluster.kind),
      description: `Mentioned ${tally.mentions} times in ${tally.chapters.size} chapter(s); ${tally.lines} attributed line(s).`,
      traits: [],
      speakingStyle: speakingStyleOf(tally),
      dialogueLineCount: tally.lines,
      firstAppearance: tally.first && { chapterId: tally.first.chapterId, offset: tally.first.offset },
      importance,
      order: tally.first?.order ?? Number.MAX_SAFE_INTEGER,
    };
  });
  characters.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const narrator = narratorCharacter(chapters[0]?.id ?? null);
  const seenIds = new Set([narrator.id]);
  const result: Character[] = [narrator];
  for (const { order: _order, ...character } of characters) {
    let id = character.id;
    for (let suffix = 2; seenIds.has(id); suffix++) id = `${character.id}-${suffix}`;
    seenIds.add(id);
    result.push({ ...character, id });
  }
  return result;
}

function votePronoun(tally: Tally, text: string, from: number, language: HeuristicLanguage): void {
  const window = text.slice(from, from + PRONOUN_WINDOW);
  const { female, male } = PRONOUNS[language];
  for (const [word] of window.matchAll(/\p{L}+/gu)) {
    const lower = word.toLowerCase();
    if (female.includes(lower)) {
      tally.female++;
      return;
    }
    if (male.includes(lower)) {
      tally.male++;
      return;
    }
  }
}

function voteAge(tally: Tally, before: string): void {
  const vote = (band: AgeBand) => tally.ages.set(band, (tally.ages.get(band) ?? 0) + 1);
  if (/\b(old|elderly|aged|viej[oa]|anciano|anciana|velh[oa]|idos[oa])\s*$/iu.test(before)) vote('elderly');
  else if (/\b(little|child|boy|girl|niñ[oa]|pequeñ[oa]|menin[oa]|garot[oa])\s*$/iu.test(before)) vote('child');
  else if (/\b(young|joven|jovem|moç[oa])\s*$/iu.test(before)) vote('young_adult');
}

function genderFromVotes(tally: Tally, name: string, chapters: ChapterInput[]): Gender {
  let female = tally.female;
  let male = tally.male;
  const romance = chapters.some((chapter) => heuristicLanguage(chapter.language) !== 'en');
  // Spanish and Portuguese given names mostly end in -a (female) or -o (male): weak evidence, one vote each way.
  if (romance && /a$/u.test(name)) female += 1;
  if (romance && /o$/u.test(name)) male += 1;
  if (female === male) return 'unknown';
  return female > male ? 'female' : 'male';
}

function ageBandOf(tally: Tally, kind: string): AgeBand {
  const votes = [...tally.ages.entries()].sort((a, b) => b[1] - a[1]);
  if (votes.length > 0 && votes[0][1] >= 2 && votes[0][1] >= tally.mentions * 0.2) return votes[0][0];
  if (kind === 'miss' || kind === 'srta') return 'young_adult';
  return 'adult';
}

function speakingStyleOf(tally: Tally): string {
  const loud = ['cried', 'exclaimed', 'shouted', 'exclamó', 'gritó', 'exclamou', 'gritou'];
  const soft = [
    'whispered',
    'murmured',
    'muttered',
    'sighed',
    'susurró',
    'murmuró',
    'suspiró',
    'sussurrou',
    'murmurou',
    'suspirou',
  ];
  let loudCount = 0;
  let softCount = 0;
  for (const [verb, count] of tally.verbs) {
    if (loud.includes(verb)) loudCount += count;
    if (soft.includes(verb)) softCount += count;
  }
  if (tally.lines === 0) return 'neutral';
  if (loudCount / tally.lines >= 0.3) return 'exclamatory';
  if (softCount / tally.lines >= 0.3) return 'soft-spoken';
  return 'conversational';
}
