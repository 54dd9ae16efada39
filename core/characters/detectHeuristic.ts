/**
 * Offline character detection over the whole book (docs/characters.md): names that the book writes as names,
 * clustered into people on evidence (clusters.ts), speakers known by their role (roles.ts), the narrator of a
 * first-person book (narration.ts), gender from titles, pronouns and articles. Deterministic: the same chapters give
 * the same characters and ids.
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
import { PersonIndex, type PlacedForm } from './clusters';
import { companionOf, isCompanionRole, type NamedPerson } from './companions';
import { addVote, ageBefore, articleBefore, emptyVotes, genderOf, pronounAfter, type Votes } from './genderEvidence';
import { honorificClass, honorificOf } from './honorifics';
import {
  findAttributions,
  findMentions,
  formLabel,
  isVocative,
  WordCase,
  type Attribution,
  type NameForm,
} from './mentions';
import { detectNarration, dialogueSpans } from './narration';
import { findRoleAttributions, type RoleAttribution } from './roles';
import { foldNamedRoles, foldTitleRoles, rolePhraseOf, roleTallyKey } from './roleFolds';
import { isStoryCollection } from './stories';
import { absorbRole, absorbTally, addVotes, countLine, genderOfTally, newTally, unique, type Tally } from './tally';
import { heuristicLanguage, type HeuristicLanguage } from './vocabulary';

/** A titled name ("Mrs. Long") is a character when mentioned this often, even if never tagged as speaking. */
const MIN_TITLED_MENTIONS = 3;
/** Twice with a title among this many mentions also makes a person ("Mr. Godfrey Norton", then "Godfrey Norton"). */
const MIN_TITLED_WITH_OTHERS = 2;
const MIN_TITLED_PERSON_MENTIONS = 5;
/**
 * A name followed, again and again, by "he" or by "she" (never mixed) is a person the narration follows, even if the
 * tags never name them as speaking ("Jimmy", "Eveline").
 */
const MIN_DESCRIBED_MENTIONS = 8;
const MIN_PRONOUN_VOTES = 4;
const CONSISTENT_PRONOUNS = 0.85;
/** Prepositions of place right before a mention, per language. */
const LOCATIVE: Record<HeuristicLanguage, RegExp> = {
  en: /(?:^|[^\p{L}])(?:in|at|into|near|inside|towards?)\s+$/iu,
  es: /(?:^|[^\p{L}])(?:en|hacia|desde)\s+$/iu,
  pt: /(?:^|[^\p{L}])(?:em|para|desde)\s+$/iu,
};
/** This share of mentions after a preposition of place makes a name a place. */
const PLACE_SHARE = 0.25;
/** A name addressed in dialogue this often is a character; once is enough with this many mentions. */
const MIN_VOCATIVES = 2;
const MIN_ADDRESSED_MENTIONS = 5;
/** A role is a character when it speaks at least this often ("said the old man" twice). */
const MIN_ROLE_LINES = 2;
/**
 * A first-person narrator who never says his name is the person addressed this often whom the narration mentions
 * at most this share of the time (the narration says "I").
 */
const MIN_NARRATOR_VOCATIVES = 3;
const NARRATOR_NARRATED_SHARE = 0.1;

interface Placed extends PlacedForm {
  chapterText: string;
  local: number;
  length: number;
  votes: Votes;
  /** The pronoun part of `votes` (articles left out: places have articles too). */
  pronoun: Votes;
  age: AgeBand | null;
  vocative: boolean;
  /** Written after "in", "at", "em", "en": a place more likely than a person. */
  locative: boolean;
  /** Written in narration, outside every line of dialogue. */
  narrated: boolean;
}

interface ChapterScan {
  chapter: ChapterInput;
  language: HeuristicLanguage;
  base: number;
  mentions: Placed[];
  attributions: { form: NameForm; at: number; chapter: number; verb: string }[];
  roles: RoleAttribution[];
}

export function detectCharactersHeuristic(chapters: ChapterInput[]): Character[] {
  const { bookLanguage, scans, placed, people, tallies } = tallyPeople(chapters);
  const collection = readsAsCollection(tallies, chapters.length);
  tallyRoles(scans, tallies, collection);
  foldTitleRoles(tallies);
  foldNamedRoles(tallies, placed, people, bookLanguage, collection);
  rejoinStories(tallies);

  const narration = detectNarration(chapters);
  let narratorKey =
    narration.name !== null
      ? narratorPerson(narration.name, placed, people)
      : narration.firstPerson
        ? addressedNarrator(tallies)
        : undefined;
  // "alcunhando-me Dom Casmurro": the person of the nickname is the narrator too.
  for (const nickname of narration.nicknames) {
    const person = narratorPerson(nickname, placed, people);
    if (person === undefined || person === narratorKey || !tallies.has(person)) continue;
    if (narratorKey === undefined || !tallies.has(narratorKey)) narratorKey = person;
    else {
      absorbTally(tallies.get(narratorKey)!, tallies.get(person)!);
      tallies.delete(person);
    }
  }
  if (narration.firstPerson) foldCompanions(tallies, placed, people, narratorKey);
  const selected = [...tallies.entries()].filter(
    ([key, tally]) =>
      key !== narratorKey && (key.startsWith('role|') ? tally.lines >= MIN_ROLE_LINES : isPerson(tally)),
  );
  const scores = selected.map(([, tally]) => tally.mentions + 3 * tally.lines);
  const top = Math.max(1, ...scores);

  const characters = selected.map(([key, tally], index): Character & { at: number } => {
    const name = labelOf(tally);
    const score = scores[index];
    const importance: Importance = score >= top * 0.15 ? 'main' : score >= top * 0.03 ? 'supporting' : 'minor';
    return {
      id: characterIdFor(name),
      name,
      aliases: aliasesOf(tally, name),
      gender: genderOfTally(tally),
      ageBand: ageBandOf(tally, key),
      description: `Mentioned ${tally.mentions} times in ${tally.chapters.size} chapter(s); ${tally.lines} attributed line(s).`,
      traits: [],
      speakingStyle: speakingStyleOf(tally),
      dialogueLineCount: tally.lines,
      firstAppearance: tally.first && { chapterId: tally.first.chapterId, offset: tally.first.offset },
      importance,
      at: tally.first?.at ?? Number.MAX_SAFE_INTEGER,
    };
  });
  characters.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));

  const narratorTally = narratorKey === undefined ? undefined : tallies.get(narratorKey);
  const narrator = narratorCharacter(chapters[0]?.id ?? null, {
    firstPerson: narration.firstPerson,
    name: narratorTally ? labelOf(narratorTally) : narration.name,
    aliases: narratorTally ? [...narratorTally.forms.keys()] : [],
    gender: narration.gender !== 'unknown' || !narratorTally ? narration.gender : genderOfTally(narratorTally),
    lines: narration.lines + (narratorTally?.lines ?? 0),
  });
  const seenIds = new Set([narrator.id]);
  const result: Character[] = [narrator];
  for (const { at: _at, ...character } of characters) {
    let id = character.id;
    for (let suffix = 2; seenIds.has(id); suffix++) id = `${character.id}-${suffix}`;
    seenIds.add(id);
    result.push({ ...character, id });
  }
  return result;
}

/** Whether the book reads as a collection of independent stories (stories.ts), from the people it names. */
export function isStoryCollectionBook(chapters: ChapterInput[]): boolean {
  return readsAsCollection(tallyPeople(chapters).tallies, chapters.length);
}

function readsAsCollection(tallies: Map<string, Tally>, chapterCount: number): boolean {
  return isStoryCollection(
    [...tallies.values()].map((tally) => ({ chapters: tally.chapters.size, lines: tally.lines })),
    chapterCount,
  );
}

/** The book's named people: mentions found, clustered into people, and counted per person with their lines. */
function tallyPeople(chapters: ChapterInput[]) {
  const bookLanguage = heuristicLanguage(chapters[0]?.language ?? 'en');
  const wordCase = new WordCase(bookLanguage);
  for (const chapter of chapters) wordCase.add(chapter.text);
  wordCase.admitSpeakers(chapters.flatMap(bareTagSubjects));
  const scans = scanChapters(chapters, wordCase);
  const placed = scans.flatMap((scan) => scan.mentions);
  dropFamilyPlurals(placed);

  const bareVotes = new Map<string, Votes>();
  const formVotes = new Map<string, Votes>();
  for (const mention of placed) {
    const key = formLabel(mention.form);
    if (!formVotes.has(key)) formVotes.set(key, emptyVotes());
    addVotes(formVotes.get(key)!, mention.votes);
    if (mention.form.honorific === null && mention.form.tokens.length === 1) {
      if (!bareVotes.has(mention.form.tokens[0])) bareVotes.set(mention.form.tokens[0], emptyVotes());
      addVotes(bareVotes.get(mention.form.tokens[0])!, mention.votes);
    }
  }
  const people = new PersonIndex(placed, (keys) => nodeGender(keys, formVotes, bareVotes), bookLanguage);

  const tallies = new Map<string, Tally>();
  const tallyFor = (key: string) => {
    if (!tallies.has(key)) tallies.set(key, newTally());
    return tallies.get(key)!;
  };
  for (const mention of placed) {
    const person = people.resolve(mention.form, mention.at, mention.chapter);
    if (person === undefined) continue;
    const chapter = chapters[mention.chapter];
    const tally = tallyFor(person);
    const label = formLabel(mention.form);
    tally.forms.set(label, (tally.forms.get(label) ?? 0) + 1);
    if (people.isBareSurname(mention.form)) tally.bareSurnames.add(label);
    tally.mentions++;
    if (mention.vocative) tally.vocatives++;
    if (mention.locative) tally.locatives++;
    if (mention.narrated) tally.narrated++;
    tally.chapters.add(chapter.id);
    if (tally.first === null) tally.first = { chapterId: chapter.id, offset: mention.local, at: mention.at };
    addVotes(tally.votes, mention.votes);
    addVotes(tally.pronounVotes, mention.pronoun);
    const title = mention.form.honorific ? honorificOf(mention.form.honorific) : undefined;
    if (title) {
      tally.titled++;
      addVote(tally.titleVotes, title.gender);
    }
    if (mention.age) tally.ages.set(mention.age, (tally.ages.get(mention.age) ?? 0) + 1);
  }
  for (const scan of scans)
    for (const found of scan.attributions) {
      const person = people.resolve(found.form, found.at, found.chapter);
      if (person === undefined || !tallies.has(person)) continue;
      countLine(tallies.get(person)!, found.verb);
    }
  return { bookLanguage, scans, placed, people, tallies };
}

/**
 * Someone who speaks, is named with a title often enough, or is spoken to ("Martha, …") is a person of the story;
 * a name often written after "in" or "at" is a place, even when someone apostrophises it ("Ah, Lisboa!").
 */
function isPerson(tally: Tally): boolean {
  if (tally.lines >= 1 || tally.titled >= MIN_TITLED_MENTIONS) return true;
  if (tally.titled >= MIN_TITLED_WITH_OTHERS && tally.mentions >= MIN_TITLED_PERSON_MENTIONS) return true;
  if (tally.locatives >= tally.mentions * PLACE_SHARE) return false;
  if (tally.vocatives >= MIN_VOCATIVES || (tally.vocatives >= 1 && tally.mentions >= MIN_ADDRESSED_MENTIONS))
    return true;
  const { female, male } = tally.pronounVotes;
  return (
    tally.mentions >= MIN_DESCRIBED_MENTIONS &&
    female + male >= MIN_PRONOUN_VOTES &&
    Math.max(female, male) >= (female + male) * CONSISTENT_PRONOUNS
  );
}

function scanChapters(chapters: ChapterInput[], wordCase: WordCase): ChapterScan[] {
  let base = 0;
  return chapters.map((chapter, index) => {
    const language = heuristicLanguage(chapter.language);
    const text = chapter.text;
    const raw = findMentions(text, language)
      .map((mention) => ({ ...mention, form: wordCase.plausible(mention.form) }))
      .filter((mention): mention is typeof mention & { form: NameForm } => mention.form !== null);
    const inDialogue = spanTest(dialogueSpans(text, language));
    const mentions = raw.map((mention, position): Placed => {
      const end = mention.offset + mention.length;
      const next = raw[position + 1]?.offset ?? text.length;
      const votes = emptyVotes();
      const pronoun = emptyVotes();
      addVote(pronoun, pronounAfter(text, end, next, language));
      addVotes(votes, pronoun);
      addVote(votes, articleBefore(text, mention.offset, language));
      return {
        form: mention.form,
        at: base + mention.offset,
        chapter: index,
        chapterText: text,
        local: mention.offset,
        length: mention.length,
        votes,
        pronoun,
        age: ageBefore(text, mention.offset),
        vocative: isVocative(text, mention.offset, mention.length),
        locative: LOCATIVE[language].test(text.slice(Math.max(0, mention.offset - 8), mention.offset)),
        narrated: !inDialogue(mention.offset),
      };
    });
    const attributions = findAttributions(text, language)
      .map((found) => ({
        form: wordCase.plausible(found.form),
        at: base + found.offset,
        chapter: index,
        verb: found.verb,
      }))
      .filter((found): found is ChapterScan['attributions'][number] => found.form !== null);
    const scan = { chapter, language, base, mentions, attributions, roles: findRoleAttributions(text, language) };
    base += text.length;
    return scan;
  });
}

/**
 * Speech tags whose subject has no article ("said Five", not "dijo el Molinero"): a capitalised common noun after an
 * article is a role written as a title, the same person as a name the book gives elsewhere ("el tío Lucas").
 */
function bareTagSubjects(chapter: ChapterInput): Attribution[] {
  const language = heuristicLanguage(chapter.language);
  return findAttributions(chapter.text, language).filter(
    (found) => !ARTICLE_BEFORE.test(chapter.text.slice(Math.max(0, found.offset - 6), found.offset)),
  );
}
const ARTICLE_BEFORE = /(?:^|[^\p{L}])(?:the|el|la|los|las|o|a|os|as)\s+$/iu;

/** "the Miss Bennets", "the two young Cratchits": a family in the plural is nobody in particular. */
function dropFamilyPlurals(placed: Placed[]): void {
  const tokens = new Set(placed.flatMap((mention) => mention.form.tokens));
  for (let index = placed.length - 1; index >= 0; index--) {
    const { form, chapterText, local } = placed[index];
    const last = form.tokens[form.tokens.length - 1];
    if (!/s$/u.test(last) || !tokens.has(last.slice(0, -1))) continue;
    const before = chapterText.slice(Math.max(0, local - 30), local);
    if (/(?:^|[^\p{L}])(?:the|The|os|as|los|las)\s+(?:\p{L}+\s+){0,2}$/u.test(before)) placed.splice(index, 1);
  }
}

/** The gender of a group of nodes before clustering: titles first, then the votes on their forms. */
function nodeGender(keys: string[], formVotes: Map<string, Votes>, bareVotes: Map<string, Votes>): Gender {
  const titles = emptyVotes();
  const votes = emptyVotes();
  for (const key of keys) {
    const [kind, name] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
    // A full name's own mentions only: its bare given name may belong to someone else.
    if (kind === 'full') addVotes(votes, formVotes.get(name) ?? emptyVotes());
    else if (kind === 'given' || kind === 'bare' || kind === 'alone')
      addVotes(votes, bareVotes.get(name) ?? emptyVotes());
    else addVote(titles, honorificClass(kind)?.gender ?? 'unknown');
  }
  return genderOf(titles) !== 'unknown' ? genderOf(titles) : genderOf(votes);
}

/**
 * Roles that speak often enough, with every mention of the same phrase counted and its pronouns read. In a story
 * collection a role that speaks in several stories is counted per story while roles fold ("the lady" of one story is
 * not the lady of the next, and a naming in one story names only that story's role); the narrator's own people ("my
 * aunt", "my friend") are counted once, as the narrator is one.
 */
const NARRATORS_OWN = /^(?:my|mi|meu|minha) /u;
function tallyRoles(scans: ChapterScan[], tallies: Map<string, Tally>, collection: boolean): void {
  const speaking = new Map<string, (RoleAttribution & { chapter: number })[]>();
  for (const [chapter, scan] of scans.entries())
    for (const role of scan.roles) {
      if (!speaking.has(role.key)) speaking.set(role.key, []);
      speaking.get(role.key)!.push({ ...role, chapter });
    }
  for (const [key, attributions] of speaking) {
    if (attributions.length < MIN_ROLE_LINES) continue;
    const stories = unique(attributions.map((role) => role.chapter));
    if (!collection || stories.length < 2 || NARRATORS_OWN.test(key)) {
      tallies.set(roleTallyKey(key, null), tallyRole(attributions, scans, null));
      continue;
    }
    for (const story of stories)
      tallies.set(
        roleTallyKey(key, story),
        tallyRole(
          attributions.filter((role) => role.chapter === story),
          scans,
          story,
        ),
      );
  }
}

/**
 * A role's per-story records that no fold took become one record again: the attribution engine resolves a speech tag
 * ("said the lady") to one record of the book, so records that share a phrase cannot be told apart there yet.
 */
function rejoinStories(tallies: Map<string, Tally>): void {
  for (const [key, tally] of [...tallies]) {
    if (!key.startsWith('role|') || tally.story === null) continue;
    const phraseKey = roleTallyKey(rolePhraseOf(key), null);
    const into = tallies.get(phraseKey);
    tallies.delete(key);
    tally.story = null;
    if (into === undefined) {
      tallies.set(phraseKey, tally);
      continue;
    }
    absorbTally(into, tally);
    for (const chapter of tally.speaksIn) into.speaksIn.add(chapter);
  }
}

/** One record of a speaking role: its lines, and its phrase counted in the whole book or in its story only. */
function tallyRole(
  attributions: (RoleAttribution & { chapter: number })[],
  scans: ChapterScan[],
  story: number | null,
): Tally {
  const tally = newTally();
  tally.roleGender = attributions.find((role) => role.gender !== 'unknown')?.gender ?? 'unknown';
  tally.story = story;
  for (const role of attributions) {
    countLine(tally, role.verb);
    tally.speaksIn.add(role.chapter);
  }
  const phrase = attributions[0].phrase;
  const pattern = new RegExp(
    `(?<!\\p{L})${escapeRegExp(phrase)
      .replace(/^(\p{L})/u, (first: string) => `[${first.toLowerCase()}${first.toUpperCase()}]`)
      .replace(/ /gu, '\\s+')}(?!\\p{L})`,
    'gu',
  );
  for (const [index, scan] of scans.entries()) {
    if (story !== null && index !== story) continue;
    const text = scan.chapter.text;
    for (const match of text.matchAll(pattern)) {
      const label = match[0].replace(/\s+/gu, ' ');
      tally.forms.set(label, (tally.forms.get(label) ?? 0) + 1);
      tally.mentions++;
      tally.chapters.add(scan.chapter.id);
      tally.roleAt.push(scan.base + match.index);
      if (tally.first === null)
        tally.first = { chapterId: scan.chapter.id, offset: match.index, at: scan.base + match.index };
      // Up to the next name, as for names: "said the Rabbit, and Alice … she" says nothing of the Rabbit.
      const end = match.index + match[0].length;
      addVote(tally.votes, pronounAfter(text, end, nextMentionAt(scan.mentions, end) ?? text.length, scan.language));
    }
  }
  return tally;
}

/** A first-person narrator's "my friend", "my companion": the named person it is takes its lines and forms. */
function foldCompanions(
  tallies: Map<string, Tally>,
  placed: Placed[],
  people: PersonIndex,
  narratorKey: string | undefined,
): void {
  const namedAt = new Map<string, number[]>();
  for (const mention of placed) {
    if (!mention.narrated) continue;
    const person = people.resolve(mention.form, mention.at, mention.chapter);
    if (person === undefined || person === narratorKey || !tallies.has(person)) continue;
    namedAt.set(person, [...(namedAt.get(person) ?? []), mention.at]);
  }
  const named: NamedPerson[] = [...namedAt].map(([key, at]) => ({
    key,
    gender: genderOfTally(tallies.get(key)!),
    namedAt: at.sort((a, b) => a - b),
  }));
  for (const [key, role] of [...tallies]) {
    if (!key.startsWith('role|') || !isCompanionRole(rolePhraseOf(key))) continue;
    const companion = companionOf(role.roleAt, genderOfTally(role), named);
    if (companion === undefined) continue;
    absorbRole(tallies.get(companion)!, role);
    tallies.delete(key);
  }
}

/** Where the first name mention at or after `offset` starts in its chapter (mentions are in reading order). */
function nextMentionAt(mentions: Placed[], offset: number): number | undefined {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].local < offset) low = mid + 1;
    else high = mid;
  }
  return mentions[low]?.local;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The person the narrator's own name resolves to, so the narrator is not cast twice. */
function narratorPerson(name: string, placed: Placed[], people: PersonIndex): string | undefined {
  const found = placed.find((mention) => mention.form.tokens.join(' ') === name || formLabel(mention.form) === name);
  return found ? people.resolve(found.form, found.at, found.chapter) : undefined;
}

/**
 * The name a first-person narrator who never names himself goes by: the person others address by name again and
 * again ("my dear Hale", "Tonico") whom the narration never mentions and no tag names, because the narration
 * calls him "I". The most addressed such person; nobody when two are addressed equally often.
 */
function addressedNarrator(tallies: Map<string, Tally>): string | undefined {
  const candidates = [...tallies.entries()]
    .filter(
      ([key, tally]) =>
        !key.startsWith('role|') &&
        tally.vocatives >= MIN_NARRATOR_VOCATIVES &&
        tally.lines <= 1 &&
        tally.narrated <= tally.mentions * NARRATOR_NARRATED_SHARE,
    )
    .sort((a, b) => b[1].vocatives - a[1].vocatives);
  if (candidates.length === 0) return undefined;
  if (candidates.length > 1 && candidates[1][1].vocatives === candidates[0][1].vocatives) return undefined;
  return candidates[0][0];
}

/** Whether an offset falls inside one of the sorted, non-overlapping spans. */
function spanTest(spans: [number, number][]): (offset: number) => boolean {
  return (offset) => {
    let low = 0;
    let high = spans.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (offset < spans[mid][0]) high = mid - 1;
      else if (offset >= spans[mid][1]) low = mid + 1;
      else return true;
    }
    return false;
  };
}

/** The most used form, preferring any fuller form to a bare surname; a role's name is its phrase, capitalised. */
function labelOf(tally: Tally): string {
  const ranked = [...tally.forms.entries()].sort(
    (a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]),
  );
  const best = ranked.find(([label]) => !tally.bareSurnames.has(label)) ?? ranked[0];
  const label = best?.[0] ?? 'Unnamed';
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function aliasesOf(tally: Tally, name: string): string[] {
  return [...tally.forms.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([alias]) => alias)
    .filter((alias) => alias !== name);
}

function ageBandOf(tally: Tally, key: string): AgeBand {
  const votes = [...tally.ages.entries()].sort((a, b) => b[1] - a[1]);
  if (votes.length > 0 && votes[0][1] >= 2 && votes[0][1] >= tally.mentions * 0.2) return votes[0][0];
  if (key.startsWith('miss|')) return 'young_adult';
  return 'adult';
}

function speakingStyleOf(tally: Tally): string {
  const loud = ['cried', 'exclaimed', 'shouted', 'exclamó', 'gritó', 'exclamou', 'gritou', 'bradou'];
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
