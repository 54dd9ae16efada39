/**
 * Label-only speaker attribution: a speaker id per segment id, never text. Per chapter: find the turns and the
 * exchanges they form (attribution/structure), read the evidence beside each turn (the readers attribution/evidence
 * lists: tags, introductions, beats, pronouns, names addressed), then settle each exchange by turn-taking
 * (attributeTurns), whose probabilities are the labels' confidences. Narration and headings belong to the narrator,
 * and so do a first-person narrator's own lines ("said I", "disse eu", "respondi"). See
 * docs/dialogue-and-attribution.md.
 */
import { Cast } from './attribution/cast';
import { foldRolesIntoNames } from './attribution/coreference';
import { addresseesBeside } from './attribution/addressees';
import { addressedLast } from './attribution/answering';
import { CLAIM, type Finding, type Scene } from './attribution/evidence';
import {
  beatBy,
  fromBroughtIn,
  fromIntro,
  fromPrecedingNarration,
  fromPronounAside,
} from './attribution/introductions';
import { Recency } from './attribution/recency';
import { selfNamedIn } from './attribution/selfNaming';
import { fromTag } from './attribution/tagEvidence';
import { addressedIn } from './attribution/vocatives';
import { readSpeechTag } from './attribution/speechTags';
import { chapterStructure, type ChapterStructure } from './attribution/structure';
import { believe, SOMEONE_ELSE, type TurnEvidence } from './attributeTurns';
import { NARRATOR_ID, type Character } from './character';
import { heuristicLanguage } from './vocabulary';

export interface AttributableSegment {
  id: string;
  kind: 'narration' | 'dialogue' | 'heading';
  text: string;
  chapterId: string;
  index: number;
  /** When known, a paragraph boundary stops an attribution from reaching across it. */
  boundaryBefore?: string;
}

export interface SpeakerLabel {
  segmentId: string;
  speakerId: string | 'narrator' | 'unknown';
  confidence: number;
}

/** Candidates per exchange: everyone its evidence names, plus a few people the scene named before it. */
const SCENE_CANDIDATES = 3;
const MAX_CANDIDATES = 12;
/** Weight, as an exchange's first speaker, of each of the people most recently named before it. */
const OPENING_WEIGHTS = [3, 2, 1.5];
/**
 * A first-person narrator's opening weight after narration ending on the narrator's own doing: twice the person
 * named last's (1×: +1 line on the Portuguese first-person book never used for tuning, 2× to 4×: +4, 10×: loses
 * lines on both first-person books).
 */
const NARRATOR_LEADS_IN_OPENING = 6;
const SILENT_BEAT_CHARS = 160;
/** A first reading's speaker at least this likely is taken as known by the second reading. */
const SETTLED = 0.7;

/**
 * The turn-taking probability that a confident label (0.7, the review threshold) starts from. The model treats its
 * evidence as independent, which it is not quite, so its probabilities run high: on the labelled development
 * lines, those from 0.7 to 0.8 were right about 85 % of the time, those of 0.8 and more 99 %. Confidences are the
 * probabilities stretched so that 0.7 begins where precision reaches 97 % and more (docs/dialogue-and-attribution.md).
 */
const CONFIDENT_FROM = 0.8;
/**
 * A speaker no evidence in the turn itself names, found by turn-taking alone (who spoke two turns before, who was
 * addressed, who was named last), is never sure enough to be heard without review: its probabilities run higher
 * still, and a missed interjection or a speech running over paragraphs shifts a whole alternation by one. Such labels
 * of probability 0.9 and more were right about 95 % of the time on the development books but 85 % on books never
 * used for tuning, against 96 % for labels with evidence of their own. Their confidence is the probability scaled
 * below the review threshold, so that the likelier still sorts first.
 */
const INFERRED_CEILING = 0.69;
/**
 * A claim at least this reliable, naming the speaker within the turn, is the turn's own evidence for its label: a
 * named or first-person tag, a named introduction. A pronoun with one candidate, a relative by family name or a line
 * naming its speaker (claimed 0.9) is not enough alone: such labels were right 94 % of the time on the development
 * books and 80 % on books never used for tuning.
 */
const OWN_EVIDENCE = 0.91;
const CONFIDENT = 0.7;

/**
 * A label's confidence from its turn-taking probability, and whether the turn's own evidence names the speaker (a
 * tag, an introduction, the line naming its speaker) or turn-taking alone found them.
 */
export function labelConfidence(probability: number, ownEvidence: boolean): number {
  const confidence = !ownEvidence
    ? probability * INFERRED_CEILING
    : probability < CONFIDENT_FROM
      ? (probability * CONFIDENT) / CONFIDENT_FROM
      : CONFIDENT + ((probability - CONFIDENT_FROM) * (1 - CONFIDENT)) / (1 - CONFIDENT_FROM);
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
}

/**
 * Someone the book only describes ("the lady", "my wife", "minha mãe"), speaking while a person of that gender the
 * cast names is in the scene, is often that person under another name (the client a story names, the mother others
 * call by her name): on books never used for tuning, confident labels for described people were right about two
 * times in three (on the development books, whose described speakers are mostly never named, 97 %). Such a label
 * is kept but never confident.
 */
const DESCRIBED_CONFIDENCE = 0.6;

function mayBeSomeoneNamed(speakerId: string, recent: string[], cast: Cast): boolean {
  if (!cast.describedOnly(speakerId)) return false;
  const gender = cast.genderOf(speakerId);
  return recent.some(
    (id) =>
      id !== speakerId &&
      id !== NARRATOR_ID &&
      !cast.describedOnly(id) &&
      (gender === 'unknown' || cast.genderOf(id) === gender),
  );
}

/** Whether the turn's own evidence names the speaker it was given (rather than turn-taking alone). */
export function namedByOwnEvidence(evidence: TurnEvidence, speakerId: string): boolean {
  return evidence.claims.some((claim) => claim.speakerId === speakerId && claim.confidence >= OWN_EVIDENCE);
}
const LOOK_AHEAD_PARAGRAPHS = 6;

/** `language`: the book's (BCP-47 or bare); speech tags are read with its verbs. */
export function attributeSpeakers(
  segments: AttributableSegment[],
  characters: Character[],
  language?: string,
): SpeakerLabel[] {
  const bookLanguage = language ? heuristicLanguage(language) : undefined;
  // A role the narration sets beside a name ("my mother, D. Gloria,") is that person: one record, not two.
  const narration = segments.filter((segment) => segment.kind === 'narration').map((segment) => segment.text);
  const cast = new Cast(foldRolesIntoNames(characters, narration, bookLanguage).characters, bookLanguage);
  const byChapter = new Map<string, AttributableSegment[]>();
  for (const segment of segments) {
    if (!byChapter.has(segment.chapterId)) byChapter.set(segment.chapterId, []);
    byChapter.get(segment.chapterId)!.push(segment);
  }
  const labels = new Map<string, SpeakerLabel>();
  for (const chapterSegments of byChapter.values()) {
    const ordered = [...chapterSegments].sort((a, b) => a.index - b.index);
    attributeChapter(ordered, cast).forEach((label, position) => labels.set(ordered[position].id, label));
  }
  return segments.map((segment) => labels.get(segment.id)!);
}

interface TurnReading {
  evidence: TurnEvidence;
  /** The people named before the turn, most recent first. */
  recent: string[];
}

/** A turn nothing is known about yet: every piece of evidence absent. */
export function emptyEvidence(): TurnEvidence {
  return {
    claims: [],
    gender: null,
    genderPreference: [],
    excluded: [],
    answering: [],
    continuesPrevious: false,
    likelySameAsPrevious: false,
    dashAfterSpeech: false,
    silent: false,
    afterNarration: false,
    thirdPerson: false,
    departed: [],
  };
}

function absorb(evidence: TurnEvidence, finding: Finding | null, discount = 1): void {
  if (!finding) return;
  // A narrated paragraph before the line (read at a discount) is about someone, not always the one who speaks next.
  if (finding.thirdPerson && discount === 1) evidence.thirdPerson = true;
  if (finding.claim)
    evidence.claims.push({ speakerId: finding.claim.speakerId, confidence: finding.claim.confidence * discount });
  // "she" after "the young lady" points to someone the cast does not name, who has no voice of her own: the label falls
  // to a person of the cast, so to one of that gender, the likeliest first.
  if (finding.gender && !evidence.gender && (!finding.claim || finding.claim.speakerId === SOMEONE_ELSE)) {
    evidence.gender = finding.gender;
    evidence.genderPreference = finding.preference ?? [];
  }
  for (const id of finding.excluded ?? []) if (!evidence.excluded.includes(id)) evidence.excluded.push(id);
}

const sameParagraph = (structure: ChapterStructure, a: number, b: number) =>
  structure.paragraphOf[a] === structure.paragraphOf[b];

/** The evidence beside one turn: tags after its pieces, narration introducing it, a beat in its paragraph. */
function readTurn(
  ordered: AttributableSegment[],
  structure: ChapterStructure,
  t: number,
  cast: Cast,
  recency: Recency,
): TurnEvidence {
  const turn = structure.turns[t];
  const evidence = emptyEvidence();
  // The names a turn addresses, read over all its pieces ("Lizzy," said he, "I was going…").
  const line = turn.positions.map((at) => ordered[at].text).join(' ');
  evidence.excluded = addressedIn(line, cast);
  // Someone the narration says the line is spoken to is not its speaker, and answers it, like a name it calls.
  for (const id of addresseesBeside(ordered, structure, t, cast))
    if (!evidence.excluded.includes(id)) evidence.excluded.push(id);
  const selfNamed = selfNamedIn(line, cast);
  if (selfNamed !== null && !evidence.excluded.includes(selfNamed))
    evidence.claims.push({ speakerId: selfNamed, confidence: CLAIM.selfNamed });
  const scene: Scene = {
    cast,
    recent: recency.snapshot(),
    earlier: recency.sinceLastStranger(),
    fresh: recency.fresh(),
    unnamedLatest: recency.unnamedLatest(cast),
    excluded: new Set(evidence.excluded),
  };
  let aside: string | null = null;
  for (const at of turn.positions) {
    const next = ordered[at + 1];
    if (!next || next.kind !== 'narration' || !sameParagraph(structure, at, at + 1)) continue;
    const tag = readSpeechTag(next.text, cast.language);
    if (!tag) {
      aside ??= next.text;
      continue;
    }
    absorb(evidence, fromTag(tag, scene));
    aside = null;
    break;
  }
  if (aside !== null && evidence.claims.length === 0 && !evidence.gender)
    absorb(evidence, fromPronounAside(aside, scene));
  const first = turn.positions[0];
  const before = ordered[first - 1];
  if (before?.kind === 'narration' && sameParagraph(structure, first, first - 1))
    absorb(evidence, fromIntro(before.text, scene));
  else if (turn.opensParagraph && before?.kind === 'narration') {
    const previous = structure.paragraphs[turn.paragraph - 1];
    if (previous.hasDialogue) absorb(evidence, fromIntro(before.text, scene));
    else if (!isSilentBeat(previous.text, cast) || t === 0 || structure.turns[t - 1].run !== turn.run)
      absorb(evidence, fromPrecedingNarration(previous.text, scene), 0.95);
    else absorb(evidence, fromIntro(previous.text, scene));
  }
  if (evidence.claims.length === 0 && turn.broughtIn !== null) absorb(evidence, fromBroughtIn(turn.broughtIn, scene));
  if (evidence.claims.length === 0) {
    for (const at of [turn.positions.at(-1)! + 1, first - 1]) {
      const beside = ordered[at];
      if (beside?.kind !== 'narration' || !sameParagraph(structure, at, first)) continue;
      const actor = beatBy(beside.text, cast);
      if (actor && !scene.excluded.has(actor)) {
        evidence.claims.push({ speakerId: actor, confidence: CLAIM.beat });
        break;
      }
    }
  }
  evidence.continuesPrevious = turn.continuesPrevious;
  evidence.afterNarration = t > 0 && structure.turns[t - 1].paragraph < turn.paragraph - 1;
  evidence.dashAfterSpeech = turn.dashAfterSpeech;
  if (turn.dashAfterNarration && t > 0 && structure.turns[t - 1].paragraph === turn.paragraph) {
    const between = ordered.slice(structure.turns[t - 1].positions.at(-1)! + 1, first);
    evidence.likelySameAsPrevious = !between.some(
      (segment) => readSpeechTag(segment.text, cast.language) === null && cast.mentions(segment.text).length > 0,
    );
  }
  return evidence;
}

/** A first-person chapter: its narration says "I" more than "he" and "she" (so its narrator takes part in talk). */
function narratedInFirstPerson(ordered: AttributableSegment[]): boolean {
  const narration = ordered
    .filter((segment) => segment.kind === 'narration')
    .map((segment) => segment.text)
    .join(' ');
  const first = (narration.match(/(?<![\p{L}\p{N}])(?:I|me|my|eu|mim|meu|minha|yo|mí|mi)(?![\p{L}\p{N}])/gu) ?? [])
    .length;
  const third = (narration.match(/(?<![\p{L}\p{N}])(?:he|she|him|her|ele|ela|elle|ella|él)(?![\p{L}\p{N}])/giu) ?? [])
    .length;
  return first >= 10 && first > third;
}

/**
 * A short narrated paragraph between two lines is a beat by whoever it opens with: a named person ("Mr. Darcy
 * bowed.") or, by "He"/"She", the person of that gender named last ("He moistened his upper lip…").
 */
function silentBeat(text: string, cast: Cast, recent: string[]): { speakerId: string; confidence: number } | null {
  const trimmed = text.trim();
  if (!isSilentBeat(trimmed, cast)) return null;
  const actor = beatBy(trimmed, cast);
  if (actor) return { speakerId: actor, confidence: CLAIM.silentBeat };
  const pronoun = /^(he|she|ele|ela|elle|ella|él)(?![\p{L}\p{N}])/iu.exec(trimmed)?.[1].toLowerCase();
  if (!pronoun) return null;
  const gender = /^(?:she|ela|ella)$/u.test(pronoun) ? 'female' : 'male';
  const id = recent.find((candidate) => cast.genderOf(candidate) === gender);
  return id ? { speakerId: id, confidence: CLAIM.silentPronounBeat } : null;
}

/**
 * The narration just before an exchange ends on the narrator's own doing ("…só se eu lhe confessasse que não tinha
 * vocação.", "I answered that I would."): the narrator is likelier than anyone to open the exchange.
 */
function narratorLeadsIn(structure: ChapterStructure, turn: number): boolean {
  const before = structure.paragraphs[structure.turns[turn].paragraph - 1];
  // A paragraph closing with a colon introduces the line; introductions read it ("como eu instasse muito:").
  if (!before || before.hasDialogue || /:\s*$/u.test(before.text)) return false;
  const sentences = before.text.trim().split(/(?<=[.!?…])\s+(?=\p{Lu})/u);
  return FIRST_PERSON_SUBJECT.test(sentences[sentences.length - 1] ?? '');
}

const FIRST_PERSON_SUBJECT = /(?<![\p{L}\p{N}])(?:I|[Ee]u|[Yy]o)(?![\p{L}\p{N}])/u;

function isSilentBeat(text: string, cast: Cast): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length <= SILENT_BEAT_CHARS &&
    !/[:,]$/u.test(trimmed) &&
    (beatBy(trimmed, cast) !== null || /^(?:he|she|ele|ela|elle|ella|él)(?![\p{L}\p{N}])/iu.test(trimmed))
  );
}

/** People first named in the paragraphs just after an exchange begins ("he said" before the narration names him). */
function namedAfter(
  ordered: AttributableSegment[],
  structure: ChapterStructure,
  entries: { turn: number | null }[],
  cast: Cast,
): string[] {
  const first = entries.find((entry) => entry.turn !== null)?.turn;
  if (first === undefined || first === null) return [];
  const from = structure.turns[first].paragraph;
  const text = structure.paragraphs
    .slice(from, from + LOOK_AHEAD_PARAGRAPHS)
    .flatMap((paragraph) => paragraph.positions)
    .filter((position) => ordered[position].kind === 'narration')
    .map((position) => ordered[position].text)
    .join(' ');
  return [...new Set(cast.mentions(text).map((mention) => mention.id))];
}

/**
 * Reads every turn's evidence in order, keeping track of who the narration names. `speakers` are turns already
 * settled (from a first pass): each such speaker becomes the person the scene is about, as a named tag would.
 */
function readChapter(
  ordered: AttributableSegment[],
  structure: ChapterStructure,
  cast: Cast,
  speakers: ReadonlyMap<number, string>,
): TurnReading[] {
  const { turns, paragraphs } = structure;
  const recency = new Recency();
  const readings: TurnReading[] = [];
  const note = (segment: AttributableSegment) =>
    segment.kind === 'dialogue' ? recency.pass(segment.text) : recency.rememberText(segment.text, cast);
  let position = 0;
  turns.forEach((turn, t) => {
    for (; position < turn.positions[0]; position++) note(ordered[position]);
    const recent = recency.snapshot();
    const evidence = readTurn(ordered, structure, t, cast, recency);
    evidence.departed = recency.departed().filter((id) => !evidence.claims.some((claim) => claim.speakerId === id));
    // Whoever the line before addressed usually answers, if the scene has them (a name at a line's start is
    // sometimes its subject, "Mr. Darcy, you see, is the man!", not someone present).
    if (t > 0 && turns[t - 1].run === turn.run) {
      // Of several people the line before addressed, the one its last sentence addresses answers.
      const before = turns[t - 1].positions.map((at) => ordered[at].text).join(' ');
      const last = addressedLast(before, cast);
      const addressed = last.length > 0 ? last : readings[t - 1].evidence.excluded;
      evidence.answering = addressed.filter((id) => recent.includes(id));
    }
    readings.push({ evidence, recent });
    for (const id of evidence.excluded) recency.remember(id);
    const settled = speakers.get(t) ?? evidence.claims.find((claim) => claim.confidence >= CLAIM.namedIntro)?.speakerId;
    if (settled !== undefined && settled !== SOMEONE_ELSE) recency.rememberSpeaker(settled, cast);
    const lastOfParagraph = paragraphs[turn.paragraph].positions.at(-1)!;
    for (; position <= lastOfParagraph; position++) note(ordered[position]);
  });
  return readings;
}

/** A claim for someone the cast does not name ("continued our strange visitor") is worth this much once identified. */
const IDENTIFIED_VISITOR = 0.8;
/** How far back (in characters of the chapter) a visitor who names himself is looked for: about a page. */
const VISITOR_SCENE_CHARS = 3000;

/**
 * Someone the scene has not named who says at last who they are ("I am the King.", "Me llamo Rosa"): the turns
 * before, within about a page and since the scene last named that person, whose evidence gave the line to someone
 * the cast does not name ("said our visitor", "continued a voice"). Read on the first reading, turn → person.
 */
function unnamedVisitors(
  ordered: AttributableSegment[],
  structure: ChapterStructure,
  cast: Cast,
  readings: TurnReading[],
): Map<number, string> {
  const startOf: number[] = [];
  ordered.reduce((at, segment, position) => {
    startOf[position] = at;
    return at + segment.text.length;
  }, 0);
  const visitors = new Map<number, string>();
  structure.turns.forEach((turn, t) => {
    const line = turn.positions.map((at) => ordered[at].text).join(' ');
    const person = selfNamedIn(line, cast);
    if (person === null || readings[t].recent.includes(person)) return;
    const namedAt = startOf[turn.positions[0]];
    for (let k = t - 1; k >= 0 && !readings[k].recent.includes(person); k--) {
      const { evidence } = readings[k];
      if (namedAt - startOf[structure.turns[k].positions[0]] > VISITOR_SCENE_CHARS) break;
      if (evidence.excluded.includes(person)) break;
      if (evidence.claims.some((claim) => claim.speakerId === SOMEONE_ELSE)) visitors.set(k, person);
    }
  });
  return visitors;
}

/** The visitor's earlier lines are theirs: below a named tag's claim, as the likeliest person, not a certainty. */
function identifyVisitors(readings: TurnReading[], visitors: ReadonlyMap<number, string>): void {
  for (const [t, person] of visitors) {
    const { evidence } = readings[t];
    evidence.claims = evidence.claims.map((claim) =>
      claim.speakerId === SOMEONE_ELSE ? { speakerId: person, confidence: IDENTIFIED_VISITOR } : claim,
    );
  }
}

/** Settles every exchange of the chapter by turn-taking: the most likely speaker of each turn and its probability. */
function settle(
  ordered: AttributableSegment[],
  structure: ChapterStructure,
  cast: Cast,
  readings: TurnReading[],
): Map<number, { speakerId: string; probability: number }> {
  const { turns, paragraphs } = structure;
  const firstPersonNarrator = cast.firstPersonNarrator || narratedInFirstPerson(ordered);
  const beliefs = new Map<number, { speakerId: string; probability: number }>();
  const runs = new Map<number, { turn: number | null; evidence: TurnEvidence; recent: string[] }[]>();
  turns.forEach((turn, t) => {
    const entries = runs.get(turn.run) ?? [];
    if (t > 0 && turns[t - 1].run === turn.run)
      for (const interlude of structure.interludes.filter((item) => item.afterTurn === t - 1)) {
        const beat = silentBeat(paragraphs[interlude.paragraph].text, cast, readings[t].recent);
        if (beat)
          entries.push({
            turn: null,
            evidence: { ...emptyEvidence(), claims: [beat], silent: true },
            recent: readings[t].recent,
          });
      }
    entries.push({ turn: t, ...readings[t] });
    runs.set(turn.run, entries);
  });

  for (const entries of runs.values()) {
    const scene = entries[0].recent.slice(0, SCENE_CANDIDATES);
    const named = entries.flatMap(({ evidence }) => [
      ...evidence.claims.map((claim) => claim.speakerId),
      ...evidence.genderPreference,
      ...evidence.excluded,
    ]);
    const later = namedAfter(ordered, structure, entries, cast);
    const candidates = [...new Set([...named, ...scene, ...(firstPersonNarrator ? [NARRATOR_ID] : []), ...later])]
      .filter((id) => id !== SOMEONE_ELSE)
      .slice(0, MAX_CANDIDATES);
    if (candidates.length === 0) continue;
    const strong = new Set(
      entries.flatMap(({ evidence }) =>
        evidence.claims.filter((claim) => claim.confidence >= CLAIM.namedIntro).map((claim) => claim.speakerId),
      ),
    );
    const believed = believe({
      manySpeakers: strong.size >= 3,
      turns: entries.map((entry) => entry.evidence),
      candidates,
      opening: new Map([
        ...scene.map((id, rank): [string, number] => [id, OPENING_WEIGHTS[rank]]),
        ...(firstPersonNarrator && entries[0].turn !== null && narratorLeadsIn(structure, entries[0].turn)
          ? [[NARRATOR_ID, NARRATOR_LEADS_IN_OPENING] as [string, number]]
          : []),
      ]),
      genderOf: (id) => cast.genderOf(id),
    });
    entries.forEach((entry, k) => {
      if (entry.turn !== null) beliefs.set(entry.turn, believed[k]);
    });
  }
  return beliefs;
}

function attributeChapter(ordered: AttributableSegment[], cast: Cast): SpeakerLabel[] {
  const structure = chapterStructure(ordered);
  // Twice: the second reading knows who the first one found speaking, so "she added" after an untagged line by
  // Mrs. Bennet means Mrs. Bennet.
  const firstReading = readChapter(ordered, structure, cast, new Map());
  // Found on the first reading: on the second, the visitor settled as speaker is no longer new to the scene.
  const visitors = unnamedVisitors(ordered, structure, cast, firstReading);
  identifyVisitors(firstReading, visitors);
  let beliefs = settle(ordered, structure, cast, firstReading);
  const settled = new Map(
    [...beliefs].filter(([, belief]) => belief.probability >= SETTLED).map(([t, belief]) => [t, belief.speakerId]),
  );
  const readings = readChapter(ordered, structure, cast, settled);
  identifyVisitors(readings, visitors);
  beliefs = settle(ordered, structure, cast, readings);

  return ordered.map((segment, at) => {
    if (segment.kind !== 'dialogue') return { segmentId: segment.id, speakerId: NARRATOR_ID, confidence: 1 };
    const t = structure.turnOf[at];
    const belief = t === undefined ? undefined : beliefs.get(t);
    if (t === undefined || !belief) return { segmentId: segment.id, speakerId: 'unknown', confidence: 0 };
    const confidence = labelConfidence(belief.probability, namedByOwnEvidence(readings[t].evidence, belief.speakerId));
    return {
      segmentId: segment.id,
      speakerId: belief.speakerId,
      confidence: mayBeSomeoneNamed(belief.speakerId, readings[t].recent, cast)
        ? Math.min(confidence, DESCRIBED_CONFIDENCE)
        : confidence,
    };
  });
}
