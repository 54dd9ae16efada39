/**
 * Settles each exchange (a run of turns) by turn-taking: its candidates (everyone its evidence names, a few people
 * the scene named before it, a first-person narrator, people named just after it begins), the weights of who opens
 * it, the silent beats between its lines and the newcomers its lines come before (newcomers.ts), handed to the
 * turn-taking model.
 */
import { believe, SOMEONE_ELSE, type TurnEvidence } from '../attributeTurns';
import { NARRATOR_ID } from '../character';
import { unnamedPeopleIn, type Cast } from './cast';
import type { TurnReading } from './chapterReading';
import { CLAIM } from './evidence';
import { narratedInFirstPerson, narratorLeadsIn } from './firstPersonNarrator';
import { newcomerParagraphs, markNewcomersAbsent, NAMED_JUST_AFTER_PARAGRAPHS } from './newcomers';
import { beatOnNarrator } from './beatsOnNarrator';
import { askedTheNarrator, NARRATOR_ANSWERS } from './questionsToNarrator';
import { silentBeat } from './silentBeats';
import type { ChapterSegment, ChapterStructure } from './structure';
import { emptyEvidence } from './turnReading';

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
/** A descriptive pause between two runs the same two people take up again: at most this long, in this many paragraphs. */
const DESCRIPTIVE_BREAK_CHARS = 1500;
const DESCRIPTIVE_BREAK_PARAGRAPHS = 2;

/** People first named in the paragraphs just after an exchange begins ("he said" before the narration names him). */
function namedAfter(
  ordered: ChapterSegment[],
  structure: ChapterStructure,
  entries: { turn: number | null }[],
  cast: Cast,
): string[] {
  const first = entries.find((entry) => entry.turn !== null)?.turn;
  if (first === undefined || first === null) return [];
  const from = structure.turns[first].paragraph;
  const text = structure.paragraphs
    .slice(from, from + NAMED_JUST_AFTER_PARAGRAPHS)
    .flatMap((paragraph) => paragraph.positions)
    .filter((position) => ordered[position].kind === 'narration')
    .map((position) => ordered[position].text)
    .join(' ');
  return [...new Set(cast.mentions(text).map((mention) => mention.id))];
}

/**
 * The runs a descriptive paragraph only interrupted: the room, the weather, the meal described at length, naming
 * nobody (neither the cast nor anyone it does not name), with no heading or scene break, and short enough to be a
 * pause (at most DESCRIPTIVE_BREAK_CHARS over DESCRIPTIVE_BREAK_PARAGRAPHS paragraphs). The two who were talking take
 * it up again, so the alternation goes on from the last two speakers rather than starting afresh with the last one
 * named (run → the run whose exchange it continues). Narration naming someone, even one of the two, was tried: it
 * also joined scenes the narration moves on from ("…the chuckle with which he paid for the Turkey…", then the street)
 * and lost a line on the development books.
 */
function resumedExchanges(ordered: ChapterSegment[], structure: ChapterStructure, cast: Cast): Map<number, number> {
  const { turns, paragraphs } = structure;
  const exchangeOf = new Map<number, number>();
  turns.forEach((turn, t) => {
    const next = turns[t + 1];
    if (next === undefined || next.run === turn.run) return;
    const between = paragraphs.slice(turn.paragraph + 1, next.paragraph);
    const text = between.map((paragraph) => paragraph.text).join('\n');
    const pause =
      between.length > 0 &&
      between.length <= DESCRIPTIVE_BREAK_PARAGRAPHS &&
      text.length <= DESCRIPTIVE_BREAK_CHARS &&
      between.every((paragraph) =>
        paragraph.positions.every(
          (position) => ordered[position].kind === 'narration' && ordered[position].boundaryBefore !== 'scene_break',
        ),
      ) &&
      ordered[next.positions[0]].boundaryBefore !== 'scene_break';
    if (pause && cast.mentions(text).length === 0 && unnamedPeopleIn(text, cast).length === 0)
      exchangeOf.set(next.run, exchangeOf.get(turn.run) ?? turn.run);
  });
  return exchangeOf;
}

export /** Settles every exchange of the chapter by turn-taking: the most likely speaker of each turn and its probability. */
function settleExchanges(
  ordered: ChapterSegment[],
  structure: ChapterStructure,
  cast: Cast,
  readings: TurnReading[],
): Map<number, { speakerId: string; probability: number }> {
  const { turns, paragraphs } = structure;
  const firstPersonNarrator = cast.firstPersonNarrator || narratedInFirstPerson(ordered);
  const beliefs = new Map<number, { speakerId: string; probability: number }>();
  const runs = new Map<number, { turn: number | null; evidence: TurnEvidence; recent: string[] }[]>();
  const exchangeOf = resumedExchanges(ordered, structure, cast);
  const newcomers = newcomerParagraphs(ordered, structure, cast);
  // Where in its exchange each resumed run starts: its own scene and look-ahead are candidates too.
  const resumedFrom = new Map<number, number[]>();
  turns.forEach((turn, t) => {
    const entries = runs.get(exchangeOf.get(turn.run) ?? turn.run) ?? [];
    if (exchangeOf.has(turn.run) && turns[t - 1].run !== turn.run) {
      const exchange = exchangeOf.get(turn.run)!;
      resumedFrom.set(exchange, [...(resumedFrom.get(exchange) ?? []), entries.length]);
    }
    if (t > 0 && turns[t - 1].run === turn.run)
      for (const interlude of structure.interludes.filter((item) => item.afterTurn === t - 1)) {
        const beat = silentBeat(paragraphs[interlude.paragraph].text, cast, readings[t].recent);
        if (beat)
          entries.push({
            turn: null,
            evidence: { ...emptyEvidence(), claims: [beat], silent: true },
            recent: readings[t].recent,
          });
        else if (firstPersonNarrator && beatOnNarrator(paragraphs[interlude.paragraph].text))
          entries.push({
            turn: null,
            evidence: { ...emptyEvidence(), silent: true, thirdPerson: true },
            recent: readings[t].recent,
          });
      }
    if (firstPersonNarrator && askedTheNarrator(structure, t)) {
      // The other person's reported question is their turn; the narrator answers it.
      const { evidence, recent } = readings[t];
      entries.push({ turn: null, evidence: { ...emptyEvidence(), silent: true, thirdPerson: true }, recent });
      const answer = { speakerId: NARRATOR_ID, confidence: NARRATOR_ANSWERS };
      entries.push({ turn: t, recent, evidence: { ...evidence, claims: [...evidence.claims, answer] } });
    } else entries.push({ turn: t, ...readings[t] });
    runs.set(exchangeOf.get(turn.run) ?? turn.run, entries);
  });

  for (const [exchange, entries] of runs) {
    const scene = entries[0].recent.slice(0, SCENE_CANDIDATES);
    const named = entries.flatMap(({ evidence }) => [
      ...evidence.claims.map((claim) => claim.speakerId),
      ...evidence.genderPreference,
      ...evidence.excluded,
    ]);
    const resumed = resumedFrom.get(exchange) ?? [];
    const later = [
      ...namedAfter(ordered, structure, entries, cast),
      ...resumed.flatMap((from) => [
        ...entries[from].recent.slice(0, SCENE_CANDIDATES),
        ...namedAfter(ordered, structure, entries.slice(from), cast),
      ]),
    ];
    const candidates = [...new Set([...named, ...scene, ...(firstPersonNarrator ? [NARRATOR_ID] : []), ...later])]
      .filter((id) => id !== SOMEONE_ELSE)
      .slice(0, MAX_CANDIDATES);
    if (candidates.length === 0) continue;
    markNewcomersAbsent(entries, candidates, structure, newcomers);
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
