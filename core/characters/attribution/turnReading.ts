/**
 * The evidence beside one turn, read in the order it is trusted: the names the line addresses, a line naming its own
 * speaker, the tag after one of its pieces (or else a pronoun aside), the narration introducing it, a speaker the
 * narration brings in, a beat in its paragraph; then what the turn's shape says of the turn before.
 */
import { SOMEONE_ELSE, type TurnEvidence } from '../attributeTurns';
import { NARRATOR_ID } from '../character';
import { addresseeGender } from './addresseeGender';
import { addresseesBeside } from './addressees';
import type { Cast } from './cast';
import { CLAIM, type Finding, type Scene } from './evidence';
import { groupTagClause } from './groupTags';
import { beatBy, fromBroughtIn, fromIntro, fromPrecedingNarration, fromPronounAside } from './introductions';
import type { Recency } from './recency';
import { selfNamedIn } from './selfNaming';
import { goesOnSpeaking } from './goingOn';
import { kinAddressedIn } from './kinshipVocatives';
import { isSilentBeat } from './silentBeats';
import { talkingToOneself } from './selfTalk';
import { readSpeechTag, speechVerbsIn } from './speechTags';
import type { ChapterSegment, ChapterStructure, Turn } from './structure';
import { fromTag } from './tagEvidence';
import { addressedIn } from './vocatives';

/** A turn nothing is known about yet: every piece of evidence absent. */
export function emptyEvidence(): TurnEvidence {
  return {
    claims: [],
    gender: null,
    genderPreference: [],
    excluded: [],
    addresseeGender: null,
    answering: [],
    calledByName: [],
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

/**
 * Narration between two pieces of one line that is no tag: a narrated action whose actor speaks on ("—Ese muchacho
 * trabaja demasiado —la abuela dejó el cuchillo sobre la mesa y añadió—: igualito a su abuelo.", "—¡No me digas!
 * —Rosa se levantó de la silla—. ¿Y él está bien?"). With a speech verb it introduces the rest of the line, read as
 * an introduction naming its speaker; without one it is a beat by the person it opens with.
 */
function actionBetweenPieces(ordered: ChapterSegment[], turn: Turn, scene: Scene): Finding | null {
  const [first, last] = [turn.positions[0], turn.positions.at(-1)!];
  for (let at = first + 1; at < last; at++) {
    const { kind, text } = ordered[at];
    if (kind !== 'narration') continue;
    const introduced = speechVerbsIn(text, scene.cast.language).length > 0 ? fromIntro(text, scene) : null;
    // Only a person the narration names: a pronoun there ("and turning round he … coldly said:") is left to the
    // readings that weigh the scene.
    const claimed = introduced?.claim?.speakerId;
    if (claimed && scene.cast.mentions(text).some((mention) => mention.id === claimed)) return introduced;
    const actor = beatBy(text, scene.cast);
    if (actor && !scene.excluded.has(actor)) return { claim: { speakerId: actor, confidence: CLAIM.beat } };
  }
  return null;
}

/** Who "I" is at a turn. */
interface Voice {
  /** Who a first-person tag names there: the narrator, or inside a letter its writer (letters.ts). */
  firstPerson?: string;
  /** The chapter's narration is told in the first person, or the book's narrator is one of its people. */
  toldInFirstPerson?: boolean;
}

/** A dash opening a line, or setting a tag off from it (`— disse eu.`). */
const OWN_DASH = /^\s*(?:[—–―]|--)/u;

/** The evidence beside one turn: tags after its pieces, narration introducing it, a beat in its paragraph. */
export function readTurn(
  ordered: ChapterSegment[],
  structure: ChapterStructure,
  t: number,
  cast: Cast,
  recency: Recency,
  { firstPerson, toldInFirstPerson = true }: Voice = {},
): TurnEvidence {
  const turn = structure.turns[t];
  const evidence = emptyEvidence();
  // The names a turn addresses, read over all its pieces ("Lizzy," said he, "I was going…").
  const line = turn.positions.map((at) => ordered[at].text).join(' ');
  evidence.excluded = addressedIn(line, cast);
  evidence.calledByName = [...evidence.excluded];
  for (const id of kinAddressedIn(line, cast, recency.snapshot()))
    if (!evidence.excluded.includes(id)) evidence.excluded.push(id);
  // Someone the narration says the line is spoken to is not its speaker, and answers it, like a name it calls.
  for (const id of addresseesBeside(ordered, structure, t, cast))
    if (!evidence.excluded.includes(id)) evidence.excluded.push(id);
  evidence.addresseeGender = addresseeGender(line);
  const selfNamed = selfNamedIn(line, cast);
  if (selfNamed !== null && !evidence.excluded.includes(selfNamed))
    evidence.claims.push({ speakerId: selfNamed, confidence: CLAIM.selfNamed });
  const scene: Scene = {
    cast,
    recent: recency.snapshot(),
    earlier: recency.sinceLastStranger(),
    fresh: recency.fresh(),
    unnamedLatest: recency.unnamedLatest(cast),
    aboutLastSentence: recency.aboutLastSentence(),
    excluded: new Set(evidence.excluded),
    firstPerson,
  };
  let aside: string | null = null;
  // The tag names nobody and says the speech went on ("--agregó en seguida,"): the one before speaks again.
  let goesOn = false;
  let spokenByGroup = false;
  for (const at of turn.positions) {
    const next = ordered[at + 1];
    if (!next || next.kind !== 'narration' || !sameParagraph(structure, at, at + 1)) continue;
    const tag = readSpeechTag(next.text, cast.language);
    const group = tag ? null : groupTagClause(next.text, cast.language);
    if (group !== null) {
      absorb(evidence, { excluded: cast.mentions(group).map((mention) => mention.id), thirdPerson: true });
      spokenByGroup = true;
      aside = null;
      break;
    }
    if (!tag) {
      aside ??= next.text;
      continue;
    }
    // "— Tem janta no fogão, eu disse.": where nobody narrates in the first person, "I said" cut from a dash line
    // that no dash closes is the speaker repeating their own words, which says nothing of who they are (a quotation's
    // tag stands outside its marks, and there "I said" is the narrator's).
    if (
      tag.firstPerson &&
      !toldInFirstPerson &&
      (firstPerson ?? NARRATOR_ID) === NARRATOR_ID &&
      OWN_DASH.test(ordered[at].text) &&
      !OWN_DASH.test(next.text)
    ) {
      aside = null;
      break;
    }
    const found = fromTag(tag, scene);
    absorb(evidence, found);
    if (!found?.claim && !found?.gender) absorb(evidence, talkingToOneself(next.text.slice(0, tag.end), scene));
    goesOn = t > 0 && goesOnSpeaking(tag);
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
  if (evidence.claims.length === 0 && !spokenByGroup) absorb(evidence, actionBetweenPieces(ordered, turn, scene));
  if (evidence.claims.length === 0 && !spokenByGroup) {
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
  if (goesOn) evidence.likelySameAsPrevious = true;
  return evidence;
}
