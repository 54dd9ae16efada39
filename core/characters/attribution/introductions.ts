/**
 * What the narration beside a line says about its speaker: narration introducing it ("Mrs. Bennet said only,",
 * "Then he said:", "thus accosted by Miss Bingley:"), a narrated paragraph just before it, an aside about "he" or
 * "she", and an action beat by a named person in its paragraph.
 */
import { SOMEONE_ELSE } from '../attributeTurns';
import type { Cast, Mention } from './cast';
import { CLAIM, firstPersonClaim, gendered, UNNAMED_SUBJECT, type Finding, type Scene } from './evidence';
import { formerOrLatter } from './formerLatter';
import { kinIntroduced } from './kinIntroductions';
import { objectsBefore, topicBefore } from './objectsBeforePronoun';
import { opensWithPreposition } from './prepositionalClauses';
import {
  isFirstPersonPronoun,
  isOnlyFirstPersonVerb,
  pronounGender,
  sentencesOf,
  speechVerbsIn,
  subjectPronounsIn,
} from './speechTags';

/** `objects`: people the sentence names as someone acted on before the pronoun, whom it does not mean. */
function fromPronoun(pronoun: string, scene: Scene, objects: readonly string[] = []): Finding | null {
  if (isFirstPersonPronoun(pronoun)) return { claim: firstPersonClaim(scene, CLAIM.subjectIntro) };
  const gender = pronounGender(pronoun);
  return gender ? gendered(gender, scene, objects) : null;
}

/** The last sentence of a narration (a semicolon or colon ends a clause, which is what an introduction needs). */
function lastSentence(text: string): string {
  const trimmed = text.trimEnd().replace(/[:,—–-]+$/u, '');
  return sentencesOf(trimmed).at(-1)?.text ?? trimmed;
}

/** Words that open a clause without being its subject: "and thus began:", "e então disse:". */
const CLAUSE_OPENERS =
  /^(?:(?:and|but|then|thus|so|now|again|at last|e|mas|então|depois|logo|assim|y|pero|entonces|luego|así)\s+)+/iu;

/** A conjunction of time opening a clause of its own, whose subject may be the speaker. */
const TIME_CONJUNCTION = /(?<![\p{L}\p{N}])(?:when|while|whereupon|until|till|cuando|mientras|quando|enquanto)\s+/giu;

/**
 * Where the speech verb's clause begins when a conjunction of time opens it with its own subject right before the
 * verb ("Corley had thrown one leg over the chains when Lenehan called out:"); 0 otherwise, as in "My aunt waited
 * until Eliza sighed and then said:", whose speech verb is the sentence subject's.
 */
function subordinateSubject(sentence: string, verb: number, mentions: Mention[]): number {
  const conjunction = [...sentence.slice(0, verb).matchAll(TIME_CONJUNCTION)].at(-1);
  if (!conjunction) return 0;
  const start = conjunction.index + conjunction[0].length;
  const subject = mentions.find((mention) => mention.offset === start);
  if (!subject) return 0;
  const between = sentence.slice(subject.offset + subject.length, verb);
  return /^\s+(?:\p{L}+ly\s+)?$/u.test(between) ? start : 0;
}

/** The speaker an introduction names: the subject of its last speech verb's clause, or of the sentence. */
/** A sentence that only presents someone, an arrival or a face seen ("Era o Henrique", "It was Mr. Crane", "Fue el cura"). */
const PRESENTING = /^((?:era|it\s+was|fue)\s+)(?:(?:o|a|the|el|la)\s+)?/iu;

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
      subordinateSubject(sentence, verb, mentions),
    );
    const opened = sentence.slice(clauseStart, verb).replace(CLAUSE_OPENERS, '').trim();
    const clause = opensWithPreposition(opened, cast.language) ? '' : opened;
    const inClause = mentions.filter((mention) => mention.offset >= clauseStart && mention.offset < verb);
    const pronounInClause = pronouns.filter((pronoun) => pronoun.offset >= clauseStart && pronoun.offset < verb).at(-1);
    if (inClause.length > 0) return named(inClause[0].id, CLAIM.namedIntro);
    const objectsBeforeOf = (offset: number) => objectsBefore(sentence, offset, mentions, cast.language);
    if (pronounInClause) {
      const topic = topicBefore(sentence, pronounInClause.offset, mentions);
      if (topic !== null) return named(topic, CLAIM.pronounFocus);
      return fromPronoun(pronounInClause.pronoun, scene, objectsBeforeOf(pronounInClause.offset));
    }
    // "E emendei logo:", "Y añadí:": a verb in the narrator's own person, with no other subject, is the narrator.
    // Without the colon it more often reports what was said ("perguntei-lhe se tinha coragem."), and the line after
    // it answers.
    if (
      punctuated &&
      isOnlyFirstPersonVerb(verbs[verbs.length - 1].verb, cast.language) &&
      !/\p{Lu}/u.test(clause.slice(1))
    ) {
      const voice = firstPersonClaim(scene, CLAIM.namedIntro);
      return named(voice.speakerId, voice.confidence);
    }
    if (/\p{L}/u.test(clause) && !/^\p{Ll}+(?:ly)?$/u.test(clause)) {
      const role = cast.subjectOf(clause);
      if (role) return named(role, CLAIM.namedIntro);
      const kin = kinIntroduced(clause, scene) ?? formerOrLatter(clause, scene);
      if (kin) return kin;
      // "…, a furious voice called out:": someone the cast does not name.
      return UNNAMED_SUBJECT.test(clause) ? { claim: { speakerId: SOMEONE_ELSE, confidence: CLAIM.unnamedTag } } : null;
    }
    const before = mentions.filter((mention) => mention.offset < verb);
    const pronounBefore = pronouns.filter((pronoun) => pronoun.offset < verb).at(-1);
    if (pronounBefore && (before.length === 0 || pronounBefore.offset > before[0].offset))
      return fromPronoun(pronounBefore.pronoun, scene, objectsBeforeOf(pronounBefore.offset));
    const after = mentions.find((mention) => mention.offset > verb && mention.offset - verb < 30);
    if (before.length === 0 && after === undefined) {
      // The pronoun right after its verb: "disse-me elle:", "dijo él:", "said he:".
      const verbEnd = verb + verbs[verbs.length - 1].verb.length;
      const pronounAfter = pronouns.find((pronoun) => /^\s+$/u.test(sentence.slice(verbEnd, pronoun.offset)));
      if (pronounAfter) return fromPronoun(pronounAfter.pronoun, scene);
    }
    return named((before[0] ?? after)?.id, CLAIM.namedIntro);
  }
  if (!/:\s*$/u.test(narration)) return null;
  const lead = sentence.search(/\p{L}/u);
  if (mentions[0]?.offset === lead) return named(mentions[0].id, CLAIM.subjectIntro);
  // "Bateram à porta. Era o Henrique, de gabardina molhada.", "It was Mr. Crane.": the one the sentence presents.
  const presenting = PRESENTING.exec(sentence.slice(lead));
  if (
    presenting &&
    (mentions[0]?.offset === lead + presenting[1].length || mentions[0]?.offset === lead + presenting[0].length)
  )
    return named(mentions[0].id, CLAIM.subjectIntro);
  const pronoun = pronouns[0];
  // "As for Mary, she was…:" opens with the person the pronoun takes up.
  const topic = pronoun ? topicBefore(sentence, pronoun.offset, mentions) : null;
  if (topic !== null) return named(topic, CLAIM.subjectIntro);
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

/**
 * The subject that narration after another speaker's tag brings in to say a quotation of the same paragraph
 * ("…' Alice called; and the others all joined in chorus, '…'", "…' said the Hatter; and the Queen turned: '…'"):
 * the person it names, or someone the cast does not name. An action rather than a speech verb, so a claim no
 * stronger than a subject introducing a line.
 */
export function fromBroughtIn(subject: string, scene: Scene): Finding | null {
  const id = scene.cast.subjectOf(subject);
  if (id !== null) return scene.excluded.has(id) ? null : { claim: { speakerId: id, confidence: CLAIM.subjectIntro } };
  return UNNAMED_SUBJECT.test(subject) ? { claim: { speakerId: SOMEONE_ELSE, confidence: CLAIM.subjectIntro } } : null;
}

/** "Sir William only smiled." beside a line in its paragraph: the one acting there usually speaks. */
export function beatBy(narration: string, cast: Cast): string | null {
  const mentions = cast.mentions(narration);
  const lead = narration.search(/\p{L}/u);
  const first = mentions[0];
  return first && first.offset === lead && !first.possessive ? first.id : null;
}
