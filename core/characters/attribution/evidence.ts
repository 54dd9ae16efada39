/**
 * What the text around a line says about its speaker: a speech tag after or inside it ("said Elizabeth", "—dijo
 * Rosa—", "he replied", "disse eu"), narration introducing it ("Mrs. Bennet said only,", "Then he said:", "thus
 * accosted by Miss Bingley:"), an action beat by a named person in its paragraph, and the people it addresses by
 * name (who are not its speaker). Names and "I" give claims; "he"/"she" give a claim when the scene makes the
 * referent clear (the only person of that gender there, or the one the narration was just about), else a gender
 * for turn-taking to settle. CLAIM holds how reliable each kind is (docs/dialogue-and-attribution.md).
 */
import { SOMEONE_ELSE } from '../attributeTurns';
import { NARRATOR_ID, type Gender } from '../character';
import { Cast, nounGender, unnamedPeopleIn, type Mention } from './cast';
import {
  isFirstPersonPronoun,
  isOnlyFirstPersonVerb,
  pronounGender,
  readSpeechTag,
  sentencesOf,
  speechVerbsIn,
  subjectPronounsIn,
  type SpeechTag,
} from './speechTags';

/** How often each kind of evidence names the right speaker. */
export const CLAIM = {
  namedTag: 0.985,
  unnamedTag: 0.9,
  firstPersonTag: 0.985,
  pronounOnlyCandidate: 0.9,
  pronounFocus: 0.8,
  relationBySurname: 0.9,
  namedIntro: 0.92,
  subjectIntro: 0.75,
  beat: 0.65,
  precedingNarration: 0.6,
  silentBeat: 0.9,
  silentPronounBeat: 0.7,
  selfNamed: 0.9,
} as const;

/** How many of the most recently named people count as "in the scene" for a pronoun. */
const SCENE_WINDOW = 4;
/** Someone last named longer ago than this (in characters of text) has left the scene. */
const SCENE_CHARS = 3000;
/** Someone named this close (in characters) before a pronoun is its likely antecedent. */
const FOCUS_CHARS = 400;

export interface Finding {
  claim?: { speakerId: string; confidence: number };
  gender?: 'female' | 'male';
  preference?: string[];
  excluded?: string[];
}

/** What is known around a line when its evidence is read. */
export interface Scene {
  cast: Cast;
  /** People named lately, most recent first. */
  recent: string[];
  /** People named just before the line (within a few sentences), most recent first. */
  fresh: string[];
  /** People the line addresses: never its speaker. */
  excluded: ReadonlySet<string>;
  /** Genders whose latest antecedent is someone the cast does not name. */
  unnamedLatest: ReadonlySet<Gender>;
}

/**
 * The people a scene has named, most recent first. A sentence's subject (the person it opens with) is remembered
 * after the others it names, so "he" prefers the person the narration is about.
 */
export class Recency {
  private readonly order: string[] = [];
  private readonly when = new Map<string, number>();
  /** The last person of each gender a sentence was about: "He …" goes on being about him. */
  private readonly subjectOf = new Map<Gender, string>();
  /** When someone the cast does not name was last named, per gender ("o capitão", "a slatternly girl"). */
  private readonly unnamed = new Map<Gender, number>();
  /** Characters of text read so far: how long ago someone was named. */
  private clock = 0;

  remember(id: string, at = this.clock): void {
    const index = this.order.indexOf(id);
    if (index >= 0) this.order.splice(index, 1);
    this.order.unshift(id);
    this.when.set(id, at);
  }

  /** The speaker of the line just read: the person the scene is now about. */
  rememberSpeaker(id: string, cast: Cast): void {
    this.remember(id);
    const gender = cast.genderOf(id);
    if (gender !== 'unknown') this.subjectOf.set(gender, id);
  }

  /** Text read without looking for names in it (dialogue): it still puts earlier namings further back. */
  pass(text: string): void {
    this.clock += text.length;
  }

  rememberText(text: string, cast: Cast): void {
    const start = this.clock;
    this.clock += text.length;
    for (const { offset, text: sentence } of sentencesOf(text)) {
      const at = start + offset;
      // A role names a person when its noun is a person's ("a man", "the nephew") or as a sentence's subject; "the
      // subject" in "on the subject" names nobody.
      const lead = sentence.search(/\p{L}/u);
      const mentions = cast.mentions(sentence).filter(
        (mention) =>
          !mention.role ||
          opensSentence(sentence, lead, mention) ||
          nounGender(
            sentence
              .slice(mention.offset, mention.offset + mention.length)
              .split(/\s+/u)
              .at(-1)!,
          ) !== 'unknown',
      );
      const possessors = (gender: Gender) => [
        ...(this.subjectOf.get(gender) ? [this.subjectOf.get(gender)!] : []),
        ...this.snapshot(),
      ];
      for (const relative of relativesNamed(sentence, cast, possessors)) mentions.push(relative);
      mentions.sort((a, b) => a.offset - b.offset);
      // A sentence is about the person it opens with, or the one its speech tag names ("said Corley."), or, opening
      // with "He"/"She", about the last person of that gender a sentence was about.
      const tag = readSpeechTag(sentence, cast.language);
      const tagged = tag ? cast.subjectOf(tag.subject) : null;
      const pronoun = /^(he|she|ele|ela|elle|ella|él)(?![\p{L}\p{N}])/iu.exec(sentence.slice(Math.max(0, lead)))?.[1];
      const gender = pronoun ? pronounGender(pronoun.toLowerCase()) : null;
      const subject =
        mentions.find((mention) => opensSentence(sentence, lead, mention))?.id ??
        mentions.find((mention) => mention.id === tagged && !mention.possessive)?.id ??
        (gender ? this.subjectOf.get(gender) : undefined);
      for (const mention of mentions) if (mention.id !== subject) this.remember(mention.id, at + mention.offset);
      for (const person of unnamedPeopleIn(sentence, cast)) {
        this.unnamed.set(person.gender, at + person.offset);
        if (person.offset === lead) this.subjectOf.set(person.gender, SOMEONE_ELSE);
      }
      if (subject === SOMEONE_ELSE && gender) this.unnamed.set(gender, at + Math.max(0, lead));
      else if (subject) {
        this.remember(subject, at + Math.max(0, lead));
        const subjectGender = cast.genderOf(subject);
        if (subjectGender !== 'unknown') this.subjectOf.set(subjectGender, subject);
      }
    }
  }

  /** Who is still in the scene: named within about a page, most recent first. */
  snapshot(): string[] {
    return this.order.filter((id) => this.clock - this.when.get(id)! <= SCENE_CHARS);
  }

  /** People named in the last few sentences read, most recent first (a pronoun's likely antecedents). */
  fresh(): string[] {
    return this.order.filter((id) => this.clock - this.when.get(id)! <= FOCUS_CHARS);
  }

  /** Genders for which someone the cast does not name was named after everyone of that gender it does name. */
  unnamedLatest(cast: Cast): Set<Gender> {
    const latest = new Set<Gender>();
    for (const [gender, at] of this.unnamed) {
      if (this.clock - at > FOCUS_CHARS) continue;
      const named = this.order.find((id) => cast.genderOf(id) === gender);
      if (named === undefined || this.when.get(named)! < at) latest.add(gender);
    }
    return latest;
  }
}

/** A naming that opens its sentence, after at most two words ("Old Cotter looked…", "But Lenehan could…"). */
function opensSentence(sentence: string, lead: number, mention: Mention): boolean {
  if (mention.possessive || lead < 0 || mention.offset < lead) return false;
  return (
    (sentence.slice(lead, mention.offset).match(/\p{L}+/gu) ?? []).length <= 2 &&
    !/[,;:]/u.test(sentence.slice(lead, mention.offset))
  );
}

/**
 * "he"/"she": a claim for the only person of that gender in the scene, or for the one the narration was just about;
 * otherwise the gender, with the people of that gender in the scene, most recent first.
 */
function gendered(gender: 'female' | 'male', scene: Scene, exclude: readonly string[] = []): Finding {
  const { cast, recent, excluded, fresh } = scene;
  // "he" and "she" never mean a first-person narrator, who is "I".
  const fits = (id: string) =>
    id !== NARRATOR_ID && cast.genderOf(id) === gender && !excluded.has(id) && !exclude.includes(id);
  const candidates = recent.filter(fits);
  // Someone the cast does not name, brought in after everyone of that gender it does name, comes first.
  if (scene.unnamedLatest.has(gender))
    return {
      claim: { speakerId: SOMEONE_ELSE, confidence: CLAIM.pronounFocus },
      gender,
      preference: candidates.slice(0, 3),
    };
  const inScene = recent.slice(0, SCENE_WINDOW).filter(fits);
  if (candidates.length > 0 && inScene.length === 1 && inScene[0] === candidates[0])
    return { claim: { speakerId: candidates[0], confidence: CLAIM.pronounOnlyCandidate }, gender };
  const antecedent = fresh.find(fits);
  if (antecedent) return { claim: { speakerId: antecedent, confidence: CLAIM.pronounFocus }, gender };
  return { gender, preference: candidates.slice(0, 3) };
}

/** The family name a character is known by: "Mrs. Bennet" → Bennet, "Elizabeth Bennet" → Bennet. */
function surnameOf(id: string, cast: Cast): string | null {
  for (const form of cast.formsOf(id)) {
    const tokens = form.split(/\s+/u);
    if (tokens.length >= 2 && /^\p{Lu}/u.test(tokens[tokens.length - 1])) return tokens[tokens.length - 1];
  }
  return null;
}

const SPOUSE_OR_PARENT =
  /^(?:wife|husband|lady|mother|father|mamma|mama|papa|mãe|mae|pae|pai|mulher|marido|madre|padre|esposa|esposo)$/iu;
const MARRIED_WOMAN = /^(?:Mrs|Sra|Señora|Senhora|Madame|Mme|D|Dona|Doña)\.?$/u;
const MAN = /^(?:Mr|Sr|Señor|Senhor|Monsieur|M|Dom|Don)\.?$/u;
const UNMARRIED = /^(?:Miss|Srta|Señorita|Mlle)\.?$/u;

/** The relative of `possessor` that a spouse or parent noun names: same family name, the right title or alone. */
function relativeBySurname(possessor: string, gender: 'female' | 'male', cast: Cast): string | null {
  const surname = surnameOf(possessor, cast);
  if (!surname) return null;
  const title = gender === 'female' ? MARRIED_WOMAN : MAN;
  const tokensOf = (form: string) => form.split(/\s+/u);
  const family = cast.ids.filter(
    (id) =>
      id !== possessor &&
      cast.genderOf(id) === gender &&
      cast.formsOf(id).some((form) => tokensOf(form).length >= 2 && tokensOf(form).at(-1) === surname),
  );
  const titled = family.filter((id) =>
    cast.formsOf(id).some((form) => {
      const tokens = tokensOf(form);
      return tokens.length === 2 && tokens[1] === surname && title.test(tokens[0]);
    }),
  );
  if (titled.length === 1) return titled[0];
  // Untitled only when the family holds one such person and no unmarried title says otherwise ("Miss Bingley").
  const single = family.length === 1 && !cast.formsOf(family[0]).some((form) => UNMARRIED.test(tokensOf(form)[0]));
  return single ? family[0] : null;
}

const RELATION_IN_NARRATION = /(?<![\p{L}\p{N}])(his|her)\s+(wife|husband|mother|father|lady)(?![\p{L}\p{N}])/giu;

/**
 * Relatives a narration names by relation ("fatigued with the raptures of his wife"), as mentions: the possessor is
 * the person of the possessive's gender named last, the relative the one sharing the family name.
 */
function relativesNamed(sentence: string, cast: Cast, possessors: (gender: Gender) => string[]): Mention[] {
  const found: Mention[] = [];
  for (const match of sentence.matchAll(RELATION_IN_NARRATION)) {
    const possessorGender = match[1].toLowerCase() === 'his' ? 'male' : 'female';
    const gender = nounGender(match[2]);
    if (gender === 'unknown') continue;
    const before = cast
      .mentions(sentence.slice(0, match.index))
      .reverse()
      .map((mention) => mention.id);
    // The possessor is whoever, named before it or lately, has a relative of that family in the cast.
    const candidates = [...before, ...possessors(possessorGender)].filter(
      (id) => cast.genderOf(id) === possessorGender,
    );
    for (const possessor of [...new Set(candidates)].slice(0, SCENE_WINDOW)) {
      const relative = relativeBySurname(possessor, gender, cast);
      if (!relative) continue;
      found.push({ id: relative, offset: match.index, length: match[0].length, possessive: false });
      break;
    }
  }
  return found;
}

/**
 * A relation instead of a name ("cried his wife", "said her father", "disse meu pae"): someone of the noun's gender
 * other than the possessor (someone the line addresses, else the person of the possessive's gender named last, or
 * the narrator for "my"); a spouse or parent shares the family name ("his wife" of Mr. Bennet is Mrs. Bennet).
 */
function relation(subject: string, scene: Scene): Finding | null {
  const match = /^(his|her|their|my|seu|sua|meu|minha|su|mi)\s+(\p{L}+)/iu.exec(subject.trim());
  if (!match) return null;
  const gender = nounGender(match[2]);
  if (gender === 'unknown') return null;
  const possessive = match[1].toLowerCase();
  const possessorGender = possessive === 'his' ? 'male' : possessive === 'her' ? 'female' : null;
  const possessors = /^(?:my|meu|minha|mi)$/u.test(possessive)
    ? [NARRATOR_ID]
    : possessorGender === null
      ? []
      : [...scene.excluded, ...scene.recent].filter((id) => scene.cast.genderOf(id) === possessorGender);
  const possessor = possessors[0];
  if (SPOUSE_OR_PARENT.test(match[2])) {
    // The possessor is whichever person near the line has a spouse or parent of that family in the cast.
    for (const candidate of possessors.slice(0, SCENE_WINDOW)) {
      const relative = relativeBySurname(candidate, gender, scene.cast);
      if (relative && !scene.excluded.has(relative))
        return { claim: { speakerId: relative, confidence: CLAIM.relationBySurname }, gender };
    }
  }
  // No relative of that family in the cast: only the gender is known (the relative may well be outside the cast).
  const others = possessor ? [possessor] : [];
  const found = gendered(gender, scene, others);
  return {
    gender,
    preference: found.claim ? [found.claim.speakerId, ...(found.preference ?? [])] : found.preference,
    excluded: others,
  };
}

/** Who a speech tag names: a character, the narrator ("said I"), or by pronoun or relation someone in the scene. */
export function fromTag(tag: SpeechTag, scene: Scene): Finding | null {
  if (tag.firstPerson) return { claim: { speakerId: NARRATOR_ID, confidence: CLAIM.firstPersonTag } };
  const named = scene.cast.subjectOf(tag.subject);
  if (named) return { claim: { speakerId: named, confidence: CLAIM.namedTag } };
  const gender = pronounGender(tag.pronoun);
  if (gender) return gendered(gender, scene);
  const related = relation(tag.subject, scene);
  if (related) return related;
  const guest = ourGuest(tag.subject, scene);
  if (guest) return guest;
  const head = UNNAMED_SUBJECT.exec(tag.subject.trim());
  if (!head) return null;
  // "retrucou a irmã", "said the nephew": a relative, of the noun's gender, of the person just named.
  const kinGender = KINSHIP.test(head[1]) ? nounGender(head[1]) : 'unknown';
  const relativeOf = scene.fresh[0] ?? scene.recent[0];
  if (kinGender !== 'unknown') return gendered(kinGender, scene, relativeOf ? [relativeOf] : []);
  // "replied the girl", "said a voice": someone the cast does not name.
  return { claim: { speakerId: SOMEONE_ELSE, confidence: CLAIM.unnamedTag } };
}

/** "our visitor", "our strange client", "o nosso hospede", "nuestro visitante": someone "we" (the narrator's side) receive. */
const OUR_SUBJECT = /^(?:(?:o|a|el|la)\s+)?(?:our|nosso|nossa|nuestro|nuestra)\s+(?:\p{L}+\s+)??\p{L}+$/iu;
/** A character the narration calls by the narrator's "my" ("my friend", "my companion", "meu amigo"). */
const NARRATORS_OWN = /^(?:my|meu|minha|mi)\s/iu;

/**
 * "said our visitor", "continued our client", in a book its narrator tells in the first person: the person "we"
 * receive is neither the narrator nor the narrator's own people ("my friend", "my companion"), but the latest other
 * person of the scene; when the scene names nobody else, someone the cast does not name (a visitor not yet
 * introduced).
 */
function ourGuest(subject: string, scene: Scene): Finding | null {
  // In a book a third person narrates, "our knight" is the story's hero, whom narrator and reader share.
  const { cast } = scene;
  if (!cast.firstPersonNarrator || !OUR_SUBJECT.test(subject.trim())) return null;
  const ours = (id: string) => id === NARRATOR_ID || cast.formsOf(id).some((form) => NARRATORS_OWN.test(form));
  const guest = scene.recent.find((id) => !ours(id) && !scene.excluded.has(id));
  return { claim: { speakerId: guest ?? SOMEONE_ELSE, confidence: guest ? CLAIM.pronounFocus : CLAIM.unnamedTag } };
}

const KINSHIP =
  /^(?:sister|brother|mother|father|aunt|uncle|wife|husband|daughter|son|nephew|niece|cousin|irmã|irmão|mãe|pae|pai|tia|tio|filha|filho|sobrinha|sobrinho|prima|primo|mulher|marido|hermana|hermano|madre|padre|hija|hijo|sobrina|sobrino|esposa|esposo)$/iu;

const UNNAMED_SUBJECT =
  /^(?:the|a|an|one|some|o|um|uma|el|la|un|una|os|as|los|las)\s+(?:\p{L}+\s+)??(\p{L}+)(?=\s|$)/iu;

function fromPronoun(pronoun: string, scene: Scene): Finding | null {
  if (isFirstPersonPronoun(pronoun)) return { claim: { speakerId: NARRATOR_ID, confidence: CLAIM.subjectIntro } };
  const gender = pronounGender(pronoun);
  return gender ? gendered(gender, scene) : null;
}

/** The last sentence of a narration (a semicolon or colon ends a clause, which is what an introduction needs). */
function lastSentence(text: string): string {
  const trimmed = text.trimEnd().replace(/[:,—–-]+$/u, '');
  return sentencesOf(trimmed).at(-1)?.text ?? trimmed;
}

/** Words that open a clause without being its subject: "and thus began:", "e então disse:". */
const CLAUSE_OPENERS =
  /^(?:(?:and|but|then|thus|so|now|again|at last|e|mas|então|depois|logo|assim|y|pero|entonces|luego|así)\s+)+/iu;

/** The speaker an introduction names: the subject of its last speech verb's clause, or of the sentence. */
function introducedBy(narration: string, scene: Scene, punctuated = true): Finding | null {
  const { cast, excluded } = scene;
  const named = (id: string | undefined, confidence: number): Finding | null =>
    id !== undefined && !excluded.has(id) ? { claim: { speakerId: id, confidence } } : null;
  const agent = /(?<![\p{L}\p{N}])by\s+(.{2,40}?)\s*[:,]?\s*$/u.exec(narration.trimEnd());
  if (agent) {
    // "thus accosted by Miss Bingley:": the agent of a passive introduction speaks.
    const mention = cast.mentions(agent[1]).find((found) => found.offset === 0 && !found.possessive);
    if (mention) return named(mention.id, CLAIM.namedIntro);
  }
  const sentence = lastSentence(narration);
  const verbs = speechVerbsIn(sentence, cast.language);
  const mentions = cast.mentions(sentence).filter((mention) => !mention.possessive);
  const pronouns = subjectPronounsIn(sentence);
  if (verbs.length > 0) {
    const verb = verbs[verbs.length - 1].offset;
    // The verb's own clause names its subject ("…went to the tube, a furious voice called out:"); a clause of the
    // verb alone ("Mrs. Bennet, with a smile, said:", "…, and thus began:") leaves it to the sentence.
    const clauseStart = Math.max(
      0,
      ...[...sentence.slice(0, verb).matchAll(/[,;]\s*/gu)].map((m) => m.index + m[0].length),
    );
    const clause = sentence.slice(clauseStart, verb).replace(CLAUSE_OPENERS, '').trim();
    const inClause = mentions.filter((mention) => mention.offset >= clauseStart && mention.offset < verb);
    const pronounInClause = pronouns.filter((pronoun) => pronoun.offset >= clauseStart && pronoun.offset < verb).at(-1);
    if (inClause.length > 0) return named(inClause[0].id, CLAIM.namedIntro);
    if (pronounInClause) return fromPronoun(pronounInClause.pronoun, scene);
    // "E emendei logo:", "Y añadí:": a verb in the narrator's own person, with no other subject, is the narrator.
    // Without the colon it more often reports what was said ("perguntei-lhe se tinha coragem."), and the line after
    // it answers.
    if (
      punctuated &&
      isOnlyFirstPersonVerb(verbs[verbs.length - 1].verb, cast.language) &&
      !/\p{Lu}/u.test(clause.slice(1))
    )
      return named(NARRATOR_ID, CLAIM.namedIntro);
    if (/\p{L}/u.test(clause) && !/^\p{Ll}+(?:ly)?$/u.test(clause)) {
      const role = cast.subjectOf(clause);
      if (role) return named(role, CLAIM.namedIntro);
      // "…, a furious voice called out:": someone the cast does not name.
      return UNNAMED_SUBJECT.test(clause) ? { claim: { speakerId: SOMEONE_ELSE, confidence: CLAIM.unnamedTag } } : null;
    }
    const before = mentions.filter((mention) => mention.offset < verb);
    const pronounBefore = pronouns.filter((pronoun) => pronoun.offset < verb).at(-1);
    if (pronounBefore && (before.length === 0 || pronounBefore.offset > before[0].offset))
      return fromPronoun(pronounBefore.pronoun, scene);
    const after = mentions.find((mention) => mention.offset > verb && mention.offset - verb < 30);
    return named((before[0] ?? after)?.id, CLAIM.namedIntro);
  }
  if (!/:\s*$/u.test(narration)) return null;
  const lead = sentence.search(/\p{L}/u);
  if (mentions[0]?.offset === lead) return named(mentions[0].id, CLAIM.subjectIntro);
  const pronoun = pronouns[0];
  if (!pronoun || pronoun.offset !== lead) return null;
  const found = fromPronoun(pronoun.pronoun, scene);
  return found?.claim ? { ...found, claim: { ...found.claim, confidence: CLAIM.subjectIntro } } : found;
}

/**
 * Narration that introduces the line after it, ending in a colon, comma or dash: the subject of its last speech
 * verb ("Mrs. Bennet said only,", "Then he said:"), the agent of a passive ("accosted by Miss Bingley:"), or, before
 * a colon with no speech verb, the person its last sentence opens with ("Lenehan called out:", "He bawled upstairs:").
 */
export function fromIntro(narration: string, scene: Scene): Finding | null {
  return /[:,—–-]\s*$/u.test(narration) ? introducedBy(narration, scene) : null;
}

/**
 * A narrated paragraph just before a line that does not introduce it by punctuation still tells, more weakly, who
 * is about to speak: its last sentence's speaker ("she began to declare that…") or the person it is about
 * ("Mrs. Bennet … began scolding one of her daughters.").
 */
export function fromPrecedingNarration(narration: string, scene: Scene): Finding | null {
  if (/[:,—–-]\s*$/u.test(narration)) return fromIntro(narration, scene);
  const found = introducedBy(`${narration.trimEnd().replace(/[.!?…]+["'”’»]*$/u, '')}:`, scene, false);
  return found?.claim ? { ...found, claim: { ...found.claim, confidence: CLAIM.precedingNarration } } : found;
}

/**
 * A narrated aside inside or beside a line that is about "he" or "she" ("Oh! my dear," as she entered the room,
 * "…"): the person of that gender the scene makes likely.
 */
export function fromPronounAside(narration: string, scene: Scene): Finding | null {
  const match =
    /^\s*(?:(?:as|and|then|while|when|but|e|y|enquanto|emquanto|mientras)\s+)?(he|she|ele|ela|elle|ella|él)(?![\p{L}\p{N}])/iu.exec(
      narration,
    );
  const gender = match ? pronounGender(match[1].toLowerCase()) : null;
  if (!gender) return null;
  const found = gendered(gender, scene);
  return found.claim ? { ...found, claim: { ...found.claim, confidence: found.claim.confidence * 0.9 } } : found;
}

/** "Sir William only smiled." beside a line in its paragraph: the one acting there usually speaks. */
export function beatBy(narration: string, cast: Cast): string | null {
  const mentions = cast.mentions(narration);
  const lead = narration.search(/\p{L}/u);
  const first = mentions[0];
  return first && first.offset === lead && !first.possessive ? first.id : null;
}

const SUBJECT_AFTER_ASIDE =
  /^[_*]*,\s*(?:(?:\p{L}+\s+){0,2}\p{L}+,\s*(?:is|was|has|had|will|would|does|did|é|era|foi|tem|es|fue|está|estaba)|who|whom|whose|which|que|quem|cujo|cuja|quien|cuyo)(?![\p{L}\p{N}])/iu;
const OPENERS = /(?:^|[,!?;:]\s*|(?<![\p{L}\p{N}])(?:my dear|dear|oh|ah|well|yes|no|nay|pray|now)[,!]?\s+)$/iu;
/** English "O Romeo!": in Spanish and Portuguese "o" before a name is the article. */
const ENGLISH_VOCATIVE_O = /(?<![\p{L}\p{N}])O,?\s+$/u;

/** A role named with the speaker's own "my" ("my friend", "mi amigo", "meu amigo"). */
const FIRST_PERSON_POSSESSIVE = /^(?:my|mi|meu|minha)\s/iu;

/** Quotations a line holds, by the marks that open them: a single quote inside double quotes, and the like. */
const NESTED_QUOTATIONS: Record<string, RegExp> = {
  single: /(?<![\p{L}\p{N}])['‘](?=[\p{L}\p{N}¡¿_])[^]*?['’](?![\p{L}\p{N}])/gu,
  double: /(?<![\p{L}\p{N}])["“](?=[\p{L}\p{N}¡¿_])[^"“”]*["”]/gu,
  guillemets: /«[^«»]*»/gu,
};

/**
 * A line without the quotations it reports ("'I wish to the Lord, Mr. Wilson, that I was…' he says"): the names
 * and "I am" inside them are another person's words, so they say nothing about who speaks the line itself. A
 * quotation counts as nested when its marks differ from those the line opens with.
 */
export function ownWords(line: string): string {
  const trimmed = line.trimStart();
  const opener = trimmed[0] ?? '';
  const outer = /['‘’]/u.test(opener)
    ? 'single'
    : /["“”„]/u.test(opener)
      ? 'double'
      : /[«»]/u.test(opener)
        ? 'guillemets'
        : 'dash';
  // The line's own opening mark is left in place so that a nested quotation right after it still counts as one.
  const head = outer === 'dash' ? '' : opener;
  let body = outer === 'dash' ? trimmed : trimmed.slice(1);
  for (const [family, pattern] of Object.entries(NESTED_QUOTATIONS))
    if (family !== outer) body = body.replace(pattern, ' ');
  return head + body;
}

/**
 * Names a line addresses: at its start or end, or set off by commas inside it ("Mr. Bennet, how can you…",
 * "…, Lizzy.", "Tell me, John,"). A line of one or two words that is a name ("Bingley.") answers, not addresses.
 * Quotations the line reports are left out: a name addressed there was addressed by someone else.
 */
export function addressedIn(line: string, cast: Cast): string[] {
  const inner = ownWords(line).replace(/^[\s"'“”‘’«»—―–-]+|[\s"'“”‘’«»—―–-]+$/gu, '');
  if ((inner.match(/\p{L}+/gu) ?? []).length < 3) return [];
  return cast
    .mentions(inner)
    .filter((mention) => {
      if (mention.possessive) return false;
      // In a line, "my friend" is the speaker's friend, not the one the narrator calls so.
      if (mention.role && FIRST_PERSON_POSSESSIVE.test(inner.slice(mention.offset))) return false;
      const before = inner.slice(Math.max(0, mention.offset - 16), mention.offset);
      const after = inner.slice(mention.offset + mention.length);
      // "Mr. Darcy, you see, is the man!", "Mr. Darcy, who never looks…": the name is what the line talks about.
      if (SUBJECT_AFTER_ASIDE.test(after)) return false;
      const opened = OPENERS.test(before) || ((cast.language ?? 'en') === 'en' && ENGLISH_VOCATIVE_O.test(before));
      return opened && /^\s*(?:[,!?.;:…]|$)/u.test(after);
    })
    .map((mention) => mention.id);
}

/** "I am …", "My name is …", "Sou o …", "Me llamo …": the speaker says who they are. */
const SELF_NAMING =
  /(?<![\p{L}\p{N}])(?:I\s+am|I['’]m|my\s+name\s+is|they\s+call\s+me|sou|chamo-me|me\s+chamo|(?:o\s+)?meu\s+nome\s+é|soy|me\s+llamo|mi\s+nombre\s+es)\s+/giu;
const ARTICLE = /^(?:the|o|a|el|la)\s+/iu;
/**
 * After a role ("I am the King.", "Soy el cura, de este lugar"), what ends the phrase: a role followed by more words
 * ("I am the man who…", "I am the King's messenger") describes the speaker rather than naming them.
 */
const ROLE_PHRASE_END = /^(?:\s*[.,;:!?…—–)]|\s+(?:of|de|do|da|del)\s|\s*$)/u;

/**
 * The character a line names as its own speaker ("Sou o Borba, o Quincas Borba.", "I am Mr. Holmes", "Me llamo
 * Rosa", "I am the King."), or null. A possessive ("I am Mr. Bennet's niece") names someone else; a role names the
 * speaker only when the phrase ends with it (an unnamed visitor who says at last who he is).
 */
export function selfNamedIn(quoted: string, cast: Cast): string | null {
  const line = ownWords(quoted);
  for (const match of line.matchAll(SELF_NAMING)) {
    const rest = line.slice(match.index + match[0].length);
    const article = ARTICLE.exec(rest)?.[0] ?? '';
    const name = cast.mentions(rest.slice(article.length)).find((found) => found.offset === 0);
    if (name && !name.possessive && !name.role) return name.id;
    if (!article) continue;
    const role = cast.mentions(rest).find((found) => found.offset === 0 && found.role);
    if (role && !role.possessive && ROLE_PHRASE_END.test(rest.slice(role.length))) return role.id;
  }
  return null;
}
