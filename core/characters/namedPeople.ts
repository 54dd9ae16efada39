/**
 * The book's named people before any role is considered: every chapter scanned once for name mentions (with the
 * evidence around each: pronouns, articles, age, vocatives, places, narration) and speech tags, the mentions
 * clustered into people (clusters.ts), and each person counted (tally.ts). Kept apart from detection so the story
 * collection rule and the role folds read the same people the cast is made of.
 */
import { sameAddressees } from './addressedInTags';
import type { AgeBand, ChapterInput, Gender } from './character';
import { PersonIndex, type PlacedForm } from './clusters';
import { familiarFormsKeptApart } from './familiarForms';
import {
  addVote,
  ageBefore,
  appositionAfter,
  articleBefore,
  copulaArticleAfter,
  emptyVotes,
  genderOf,
  namingParticipleBefore,
  nounBefore,
  pronounAfter,
  type Votes,
} from './genderEvidence';
import { honorificClass, honorificOf } from './honorifics';
import { kinSpokenIn } from './kinSpokenOf';
import {
  findAttributions,
  findMentions,
  formLabel,
  isCallInsideLine,
  isVocative,
  WordCase,
  type Attribution,
  type NameForm,
} from './mentions';
import { dialogueSpans } from './narration';
import { nicknamesIn } from './nicknames';
import { findRoleAttributions, type RoleAttribution } from './roles';
import { calledAnAnimal } from './animals';
import { addVotes, countLine, newTally, type Tally } from './tally';
import { foldWord, heuristicLanguage, type HeuristicLanguage } from './vocabulary';

/** Prepositions of place right before a mention, per language. */
const LOCATIVE: Record<HeuristicLanguage, RegExp> = {
  en: /(?:^|[^\p{L}])(?:in|at|into|near|inside|towards?)\s+$/iu,
  es: /(?:^|[^\p{L}])(?:en|hacia|desde)\s+$/iu,
  pt: /(?:^|[^\p{L}])(?:em|para|desde)\s+$/iu,
};

export interface Placed extends PlacedForm {
  chapterText: string;
  local: number;
  length: number;
  votes: Votes;
  /** The pronoun part of `votes` (articles left out: places have articles too). */
  pronoun: Votes;
  age: AgeBand | null;
  vocative: boolean;
  /** Called by name inside a line, between commas or before a sentence's end (mentions.ts isCallInsideLine). */
  calledInLine: boolean;
  /** Written after "in", "at", "em", "en": a place more likely than a person. */
  locative: boolean;
  /** Written in narration, outside every line of dialogue. */
  narrated: boolean;
  /** Called an animal by an apposition right after it ("Biscuit, a brown dog"). */
  animal: boolean;
}

export interface ChapterScan {
  chapter: ChapterInput;
  language: HeuristicLanguage;
  base: number;
  mentions: Placed[];
  attributions: { form: NameForm; at: number; chapter: number; verb: string; end: number }[];
  roles: RoleAttribution[];
  /** The chapter's lines of dialogue, as sorted [from, to) offsets. */
  dialogue: [number, number][];
}

/** The book's named people: mentions found, clustered into people, and counted per person with their lines. */
export function tallyPeople(chapters: ChapterInput[]) {
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
  const addressed = scans.flatMap((scan) =>
    sameAddressees(scan.chapter.text, scan.language, scan.attributions, scan.mentions),
  );
  const nicknames = scans.flatMap((scan) => nicknamesIn(scan.chapter.text, scan.language, scan.mentions));
  const people = new PersonIndex(
    placed,
    (keys) => nodeGender(keys, formVotes, bareVotes),
    bookLanguage,
    addressed,
    nicknames,
    scans.flatMap((scan) =>
      kinSpokenIn(
        scan.chapter.text,
        scan.language,
        scan.attributions.map((tag) => ({ form: tag.form, local: tag.at - scan.base })),
        scan.mentions,
      ),
    ),
    familiarFormsKeptApart(scans),
  );

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
    else if (mention.calledInLine) tally.callsInLine++;
    if (mention.locative) tally.locatives++;
    if (mention.narrated) tally.narrated++;
    if (mention.animal) tally.animals++;
    tally.chapters.add(chapter.id);
    if (tally.first === null) tally.first = { chapterId: chapter.id, offset: mention.local, at: mention.at };
    // A bare family name goes to one person of the family, but the article or phrase around it says which of the
    // family the text means ("¿Usted es el Quispe que viene de Lima?" asked of Rosa Quispe's brother): only the
    // pronouns after it, which follow the person the scene is about, count.
    addVotes(tally.votes, people.isBareSurname(mention.form) ? mention.pronoun : mention.votes);
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
  return { bookLanguage, wordCase, scans, placed, people, tallies };
}

/** The first of the ascending `offsets` at or after `offset`, else never. */
function firstAtOrAfter(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return offsets[low] ?? Number.POSITIVE_INFINITY;
}

/** A determiner and one word, the opening of a role's phrase ("a mãe", "the old"), matched lower-cased. */
const DETERMINER_AND_WORD = /(?<!\p{L})(?=(\p{L}+)[ \t]+(\p{L}+))/gu;

/**
 * The opening (determiner and first word, folded: "a mae", "the old") of each role of one gender the book makes
 * speak.
 */
function genderedRoleOpenings(roles: readonly RoleAttribution[]): Map<string, 'female' | 'male'> {
  const genderOf = new Map<string, 'female' | 'male'>();
  for (const role of roles) {
    const opening = role.key.split(' ').slice(0, 2).join(' ');
    if (role.gender !== 'unknown' && opening.includes(' ') && !genderOf.has(opening))
      genderOf.set(opening, role.gender);
  }
  return genderOf;
}

/**
 * Where the chapter's narration writes the phrase of a role the book makes speak ("disse a mãe" … "com a mãe"), by
 * the phrase's opening, ascending, for the roles of each gender. One pass over the chapter, whatever the number of
 * roles.
 */
function roleMentions(
  text: string,
  genderOf: ReadonlyMap<string, 'female' | 'male'>,
  inDialogue: (offset: number) => boolean,
): Record<'female' | 'male', number[]> {
  const starts: Record<'female' | 'male', number[]> = { female: [], male: [] };
  if (genderOf.size === 0) return starts;
  for (const found of text.matchAll(DETERMINER_AND_WORD)) {
    const gender = genderOf.get(`${foldWord(found[1])} ${foldWord(found[2])}`);
    if (gender !== undefined && !inDialogue(found.index)) starts[gender].push(found.index);
  }
  return starts;
}

/** Where the first line of dialogue starting at or after `offset` starts (lines are sorted), else never. */
function nextLineStart(lines: [number, number][], offset: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lines[mid][0] < offset) low = mid + 1;
    else high = mid;
  }
  return lines[low]?.[0] ?? Number.POSITIVE_INFINITY;
}

function scanChapters(chapters: ChapterInput[], wordCase: WordCase): ChapterScan[] {
  let base = 0;
  const spokenRolesOf = chapters.map((chapter) =>
    findRoleAttributions(chapter.text, heuristicLanguage(chapter.language)),
  );
  const roleGenders = genderedRoleOpenings(spokenRolesOf.flat());
  return chapters.map((chapter, index) => {
    const language = heuristicLanguage(chapter.language);
    const text = chapter.text;
    const raw = findMentions(text, language)
      .map((mention) => ({ ...mention, form: wordCase.plausible(mention.form) }))
      .filter((mention): mention is typeof mention & { form: NameForm } => mention.form !== null);
    const dialogue = dialogueSpans(text, language);
    const inDialogue = spanTest(dialogue);
    const roleMentionStarts = roleMentions(text, roleGenders, inDialogue);
    // Quotations only: after a dash line's tag the text may be narration again ("—…, disse Nené. Joana tornou a
    // procurar, e ela…"), which segmentation cannot tell from speech resumed.
    const inQuotation = spanTest(dialogue.filter(([from]) => QUOTATION_OPENING.test(text.charAt(from))));
    // A place ("at Lydd", "em Lisboa") takes no "he" or "she": the pronoun after it is still about the person named
    // before.
    const nobody = raw.map((mention) =>
      LOCATIVE[language].test(text.slice(Math.max(0, mention.offset - 8), mention.offset)),
    );
    // Where the next name of someone after each mention is written (one pass from the end).
    const nextPersonAt: number[] = new Array<number>(raw.length);
    for (let index = raw.length - 1, following = text.length; index >= 0; index--) {
      nextPersonAt[index] = following;
      if (!nobody[index]) following = raw[index].offset;
    }
    // A speaking role of the pronoun's gender written in between ("Pedro suspirou. Bobagem discutir com a mãe; ela
    // ganhava sempre") may be whom the pronoun is about: it votes for nobody. A role of the other gender or of none
    // ("Dr. Lamb had been the doctor… He") leaves it to the name.
    const pronounBeforeRole = (end: number, next: number): Gender => {
      const gender = pronounAfter(text, end, next, language);
      if (gender === 'unknown') return gender;
      return pronounAfter(text, end, Math.min(next, firstAtOrAfter(roleMentionStarts[gender], end)), language);
    };
    const mentions = raw.map((mention, position): Placed => {
      const end = mention.offset + mention.length;
      // Up to the next name of someone or the next line of dialogue: after a tag ("—…, disse Rosa. Ele falava…") the
      // speech goes on, and its pronouns are the speaker's words about anyone.
      const next = Math.min(nextPersonAt[position], nextLineStart(dialogue, end));
      const votes = emptyVotes();
      const pronoun = emptyVotes();
      // A name inside a quotation: the speaker's next pronoun is about anyone ("Harriet thinks… whether he dances").
      // The standard of a comparison is no subject: "a year older than Meg, and he had been…" is about the man.
      const compared = language === 'en' && COMPARED.test(text.slice(Math.max(0, mention.offset - 6), mention.offset));
      if (!inQuotation(mention.offset) && !compared) addVote(pronoun, pronounBeforeRole(end, next));
      addVotes(votes, pronoun);
      addVote(votes, articleBefore(text, mention.offset, language));
      // After a tag's subject, a comma then a line of dialogue is the speech going on ("— Mãe, disse Quincas, a
      // senhora vai…"), not a phrase about the speaker.
      const speechResumes = /^,[ \t]*$/u.test(text.slice(end, nextLineStart(dialogue, end)));
      if (!inDialogue(mention.offset) && !speechResumes) addVote(votes, appositionAfter(text, end, language));
      if (!inDialogue(mention.offset)) addVote(votes, copulaArticleAfter(text, mention.offset, end, language));
      addVote(votes, nounBefore(text, mention.offset, end, language));
      addVote(votes, namingParticipleBefore(text, mention.offset, language));
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
        calledInLine: inDialogue(mention.offset) && isCallInsideLine(text, mention.offset, mention.length),
        locative: nobody[position],
        narrated: !inDialogue(mention.offset),
        animal: !inDialogue(mention.offset) && calledAnAnimal(text, end, language),
      };
    });
    const attributions = findAttributions(text, language)
      .map((found) => ({
        form: wordCase.plausible(found.form),
        at: base + found.offset,
        chapter: index,
        verb: found.verb,
        end: found.offset + found.length,
      }))
      .filter((found): found is ChapterScan['attributions'][number] => found.form !== null)
      // A tag within a line of dialogue is speech reporting speech ("“But Mr Shelley said, sir——”"), no tag of it.
      .filter((found) => !(inDialogue(found.at - base) && inDialogue(found.end - 1)));
    // "dijo el Corregidor" where the book makes "Corregidor" a name is that name's tag, not a role's.
    const named = attributions.map((found) => found.at - base);
    const roles = spokenRolesOf[index].filter(
      (role) => !named.some((at) => at >= role.offset && at < role.offset + role.length),
    );
    const scan = { chapter, language, base, mentions, attributions, roles, dialogue };
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

/**
 * "the Miss Bennets", "the two young Cratchits", "two smaller Cratchits, boy and girl", "these young Cratchits": a
 * family in the plural, after an article, a demonstrative or a numeral, is nobody in particular.
 */
function dropFamilyPlurals(placed: Placed[]): void {
  const tokens = new Set(placed.flatMap((mention) => mention.form.tokens));
  for (let index = placed.length - 1; index >= 0; index--) {
    const { form, chapterText, local } = placed[index];
    const last = form.tokens[form.tokens.length - 1];
    if (!/s$/u.test(last) || !tokens.has(last.slice(0, -1))) continue;
    const before = chapterText.slice(Math.max(0, local - 30), local);
    if (FAMILY_BEFORE.test(before)) placed.splice(index, 1);
  }
}
const FAMILY_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(?:${`the these those both two three four five os as estes estas esses essas aqueles aquelas dois duas
    três los las estos esos esas aquellos aquellas dos tres`
    .split(/\s+/u)
    .join('|')})\\s+(?:\\p{L}+\\s+){0,2}$`,
  'iu',
);

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

/** Whether an offset falls inside one of the sorted, non-overlapping spans. */
/** What opens a quoted line of dialogue (a dash line opens with a dash). */
const QUOTATION_OPENING = /["“„«‘']/u;
/** "than" right before a name (English): the name is what someone is compared with. */
const COMPARED = /(?:^|[^\p{L}])than[ \t\r\n]+$/u;

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
