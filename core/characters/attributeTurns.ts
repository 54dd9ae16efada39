/**
 * Turn-taking over one exchange (a run of turns with no long narration between them), as a small hidden Markov
 * model: the hidden state is who speaks this turn and the last other person who spoke before them (the one they
 * answer); two people usually alternate (the speaker of a turn is most likely that other person), a third person
 * sometimes comes in, and the same person rarely speaks twice in a row unless the speech runs on. Each turn's evidence (tags, introductions,
 * beats, pronouns, names it addresses) weighs the candidates; forward-backward gives every turn the probability of
 * each candidate, which is the label's confidence.
 */
import { NARRATOR_ID, type Gender } from './character';

export interface TurnEvidence {
  /** Independent claims that a given person speaks, each right with the probability given. */
  claims: { speakerId: string; confidence: number }[];
  /** The speaker's gender when a pronoun or a relation says it but not who ("he said" with two men present). */
  gender: 'female' | 'male' | null;
  /** Who the pronoun most likely means, most likely first (a mild preference among people of that gender). */
  genderPreference: string[];
  /** People this line addresses by name, or who a relation excludes: not its speaker. */
  excluded: string[];
  /** The gender of the person the line is said to, when its words of address say it ("Não, senhora,"). */
  addresseeGender: 'female' | 'male' | null;
  /** People the line before addressed by name: one of them usually answers. */
  answering: string[];
  /** People this line calls by a name of theirs (`excluded` adds those called by kinship or said to be spoken to). */
  calledByName: string[];
  /** The speech runs on from the turn before (same speaker). */
  continuesPrevious: boolean;
  /** The turn before was this speaker's too, interrupted by their own action ("…respondeu Virgilia. E depois:--"). */
  likelySameAsPrevious: boolean;
  /** A dash glued to the speech before it opens this turn ("¡Qué majadería!--Ocúltate tú"): a pause, or a reply. */
  dashAfterSpeech: boolean;
  /** A narrated beat ("Mr. Darcy bowed."): a turn without a line. */
  silent: boolean;
  /** Narration stands between this turn and the one before (the same person often goes on after it). */
  afterNarration: boolean;
  /** A tag or the narration speaks of the speaker in the third person ("he said"): not a first-person narrator. */
  thirdPerson: boolean;
  /** People the narration said left before this turn (and nobody has named since): not its speaker. */
  departed: string[];
}

export const TURN_TAKING = {
  /** The speaker of a turn is the speaker of the turn before last (two people alternating). */
  alternate: 0.8,
  /** The same, in an exchange where three or more people are named as speakers. */
  alternateAmongMany: 0.5,
  /** After a narrated beat, the one who acted speaks next. */
  afterBeat: 0.25,
  /** After a narrated paragraph, the one who spoke before goes on. */
  afterNarration: 0.3,
  /** How much more likely someone addressed by name in the line before is to speak. */
  answers: 3,
  /** The same person again, with no sign of it. */
  repeat: 0.04,
  /**
   * The speech runs on into this turn (its paragraph reopens a quotation the one before left open). Nearly certain: a
   * client's story or a report read aloud runs over dozens of paragraphs, and a weaker value let the doubt add up
   * until the alternation took over mid-speech.
   */
  runOn: 0.995,
  /** Interrupted by the speaker's own action. */
  resumed: 0.7,
  /**
   * The speech goes on after a dash glued to it in the same paragraph. Books differ (one marks a pause in a speech
   * so, another a quick reply); read as a pause unless the evidence says otherwise (a name addressed, a tag), it was
   * right more often on the books measured.
   */
  pausedSpeech: 0.9,
  /** A named person the line addresses is its speaker. */
  addressed: 0.04,
  /** A first-person narrator, where the speaker is spoken of in the third person. */
  narratorInThirdPerson: 0.04,
  /**
   * Words of address giving the gender of the one spoken to ("Não, senhora,"): a speaker of that gender, and a line
   * after someone of the other gender (the line usually answers the one before).
   */
  addressedGender: 0.3,
  answersOtherGender: 0.5,
  /** Someone the narration said left the room. */
  departed: 0.04,
  /** A person of the other gender than the pronoun says. */
  wrongGender: 0.03,
  /** A person of unknown gender where a pronoun says one. */
  unknownGender: 0.3,
  /** The preference among people of the pronoun's gender: the most recent gets this much more weight. */
  recencyBoost: 1.6,
  /** Where a pronoun gives a gender, how well "someone not in the cast" fits it. */
  someoneElseGender: 0.5,
  /** Weight of "someone not in the cast" as the first speaker of an exchange. */
  someoneElseOpening: 0.5,
  /** The share of a wrong claim's doubt that goes to someone the cast does not name. */
  wrongClaimUncast: 0.5,
} as const;

/**
 * A candidate standing for everyone the cast does not name ("the girl", "a furious voice"): evidence may claim it,
 * and it keeps confidences honest when the evidence fits nobody known. It is never a label.
 */
export const SOMEONE_ELSE = '';

export interface Exchange {
  turns: TurnEvidence[];
  /** Three or more people speak in it (so two-person alternation is weaker). */
  manySpeakers: boolean;
  /** Everyone who could speak in this exchange (at most a dozen). */
  candidates: string[];
  /** Weight of each candidate as the first speaker (people just named in the scene weigh more). */
  opening: Map<string, number>;
  genderOf: (id: string) => Gender;
}

export interface TurnBelief {
  speakerId: string;
  probability: number;
}

function emission(turn: TurnEvidence, candidate: string, count: number, genderOf: (id: string) => Gender): number {
  let weight = 1;
  for (const claim of turn.claims) {
    const doubt = 1 - claim.confidence;
    if (candidate === claim.speakerId) weight *= claim.confidence;
    else if (claim.speakerId === SOMEONE_ELSE) weight *= doubt / Math.max(1, count - 1);
    // When a claim is wrong, the speaker is as likely someone the cast does not name as anyone it does.
    else if (candidate === SOMEONE_ELSE) weight *= doubt * TURN_TAKING.wrongClaimUncast;
    else weight *= (doubt * (1 - TURN_TAKING.wrongClaimUncast)) / Math.max(1, count - 2);
  }
  if (candidate === SOMEONE_ELSE) return turn.gender ? weight * TURN_TAKING.someoneElseGender : weight;
  if (turn.gender) {
    const gender = genderOf(candidate);
    if (gender === 'unknown') weight *= TURN_TAKING.unknownGender;
    else if (gender !== turn.gender) weight *= TURN_TAKING.wrongGender;
    else if (turn.genderPreference[0] === candidate) weight *= TURN_TAKING.recencyBoost;
  }
  if (turn.addresseeGender && genderOf(candidate) === turn.addresseeGender) weight *= TURN_TAKING.addressedGender;
  if (turn.thirdPerson && candidate === NARRATOR_ID) weight *= TURN_TAKING.narratorInThirdPerson;
  if (turn.departed.includes(candidate)) weight *= TURN_TAKING.departed;
  if (turn.excluded.includes(candidate)) weight *= TURN_TAKING.addressed;
  else if (turn.answering.includes(candidate)) weight *= TURN_TAKING.answers;
  return weight;
}

/**
 * P(speaker now = a | previous = b, the one who spoke last before b = c); `c` is -1 while nobody else has spoken.
 * `c` is the other party of the exchange, remembered however many turns `b` keeps (a tag and then an introduction,
 * a speech resumed after a beat), so the reply after them goes back to that party. `afterSilent`: the previous turn
 * was a narrated beat, after which the one who acted often speaks.
 */
function transition(
  turn: TurnEvidence,
  afterSilent: boolean,
  alternate: number,
  a: number,
  b: number,
  c: number,
  count: number,
): number {
  if (turn.continuesPrevious) return a === b ? TURN_TAKING.runOn : (1 - TURN_TAKING.runOn) / Math.max(1, count - 1);
  const same = turn.dashAfterSpeech
    ? TURN_TAKING.pausedSpeech
    : turn.likelySameAsPrevious
      ? TURN_TAKING.resumed
      : afterSilent
        ? TURN_TAKING.afterBeat
        : turn.afterNarration
          ? TURN_TAKING.afterNarration
          : TURN_TAKING.repeat;
  if (a === b) return same;
  if (c < 0) return (1 - same) / Math.max(1, count - 1);
  if (a === c) return alternate * (1 - same);
  return ((1 - alternate) * (1 - same)) / Math.max(1, count - 2);
}

/**
 * A line whose words of address give the gender of the one spoken to ("Não, senhora,") usually answers the one who
 * spoke before it: less likely after someone of the other gender.
 */
function addressedFits(turn: TurnEvidence, previousGender: Gender): number {
  if (!turn.addresseeGender || previousGender === 'unknown') return 1;
  return previousGender === turn.addresseeGender ? 1 : TURN_TAKING.answersOtherGender;
}

/**
 * The probability of each candidate speaking each turn, by forward-backward over states (speaker now, the last other
 * speaker before them). Silent turns are part of the chain; their beliefs are returned too.
 */
export function believe(exchange: Exchange): TurnBelief[] {
  const { turns, opening, genderOf } = exchange;
  if (turns.length === 0 || exchange.candidates.length === 0) return [];
  const candidates = [...exchange.candidates, SOMEONE_ELSE];
  const n = candidates.length;
  const alternate = exchange.manySpeakers ? TURN_TAKING.alternateAmongMany : TURN_TAKING.alternate;
  const genders = candidates.map((id) => (id === SOMEONE_ELSE ? 'unknown' : genderOf(id)));
  const move = (k: number, a: number, b: number, c: number) =>
    transition(turns[k], turns[k - 1].silent, alternate, a, b, c, n) * addressedFits(turns[k], genders[b]);
  // State index: a * (n + 1) + (b + 1), b = -1 meaning "nobody yet".
  const width = n + 1;
  const size = n * width;
  const state = (a: number, b: number) => a * width + (b + 1);
  // After (b, c), the speaker a's other party is b, or still c when b speaks again.
  const after = (a: number, b: number, c: number) => (a === b ? state(a, c) : state(a, b));
  const emissions = turns.map((turn) => candidates.map((candidate) => emission(turn, candidate, n, genderOf)));

  const forward: Float64Array[] = [];
  const first = new Float64Array(size);
  const openingWeight = (id: string) => (id === SOMEONE_ELSE ? TURN_TAKING.someoneElseOpening : (opening.get(id) ?? 1));
  const openingTotal = candidates.reduce((sum, id) => sum + openingWeight(id), 0);
  for (let a = 0; a < n; a++) first[state(a, -1)] = (openingWeight(candidates[a]) / openingTotal) * emissions[0][a];
  forward.push(normalise(first));
  for (let k = 1; k < turns.length; k++) {
    const next = new Float64Array(size);
    const previous = forward[k - 1];
    for (let b = 0; b < n; b++)
      for (let c = -1; c < n; c++) {
        const p = previous[state(b, c)];
        if (p === 0) continue;
        for (let a = 0; a < n; a++) next[after(a, b, c)] += p * move(k, a, b, c) * emissions[k][a];
      }
    forward.push(normalise(next));
  }

  const backward: Float64Array[] = new Array<Float64Array>(turns.length);
  backward[turns.length - 1] = new Float64Array(size).fill(1);
  for (let k = turns.length - 2; k >= 0; k--) {
    const current = new Float64Array(size);
    const later = backward[k + 1];
    for (let b = 0; b < n; b++)
      for (let c = -1; c < n; c++) {
        let sum = 0;
        for (let a = 0; a < n; a++) sum += move(k + 1, a, b, c) * emissions[k + 1][a] * later[after(a, b, c)];
        current[state(b, c)] = sum;
      }
    backward[k] = normalise(current);
  }

  return turns.map((_, k) => {
    const marginal = new Float64Array(n);
    for (let a = 0; a < n; a++)
      for (let b = -1; b < n; b++) marginal[a] += forward[k][state(a, b)] * backward[k][state(a, b)];
    const total = marginal.reduce((sum, value) => sum + value, 0);
    // The best person the cast names (someone unnamed has no voice to give the line).
    let best = 0;
    for (let a = 1; a < n - 1; a++) if (marginal[a] > marginal[best]) best = a;
    return { speakerId: candidates[best], probability: total > 0 ? marginal[best] / total : 0 };
  });
}

function normalise(values: Float64Array): Float64Array {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total > 0) for (let i = 0; i < values.length; i++) values[i] /= total;
  return values;
}
