import { describe, expect, it } from 'vitest';
import type { ChapterSummary, Character, ProjectFacts } from '../../api/types';
import { testProject } from '../../test/render';
import { projectStage, studioSteps } from '../steps';
import { castCounts } from './speakingCast';

const character = (id: string, lines: number, voiced: boolean, importance: Character['importance'] = 'minor') =>
  ({
    id,
    dialogueLineCount: lines,
    importance,
    voice: voiced ? { voiceName: 'en-GB-EspeakFemale1' } : null,
  }) as Character;

const planWith = (speakerIds: string[] | null, deleted = false) =>
  ({ id: `ch-${speakerIds?.join('-')}`, deleted, planStatus: 'planned', speakerIds }) as ChapterSummary;

const facts = (characters: Character[]): ProjectFacts => ({
  manuscriptStatus: 'ready',
  chapterCount: 1,
  characterCount: characters.length,
  charactersWithVoice: characters.filter((c) => c.voice !== null).length,
  segmentCount: 40,
  segmentsWithSpeaker: 40,
  segmentsRendered: 0,
  chaptersMastered: 0,
  chaptersWithNothingToSpeak: 0,
  packagesReady: 0,
  activeJobId: null,
});

function castingStep(characters: Character[], chapters: ChapterSummary[] = []) {
  const steps = studioSteps({
    project: testProject(),
    facts: facts(characters),
    activeJob: undefined,
    review: undefined,
    flagged: undefined,
    chapters,
    characters,
  });
  return steps.find((step) => step.id === 'casting')!;
}

describe('the casting step counts only characters who say something', () => {
  // The narrator speaks without a found line; a character found saying nothing may still be given lines in a plan.
  const narrator = character('narrator', 0, true, 'narrator');
  const talker = character('c-talker', 12, false);
  const givenALine = character('c-planned', 0, false);
  const silent = Array.from({ length: 17 }, (_, index) => character(`c-silent-${index}`, 0, false));

  it('leaves out those who never speak', () => {
    const step = castingStep([narrator, talker, givenALine, ...silent], [planWith(['narrator', 'c-planned'])]);
    expect(step.state).toBe('attention');
    expect(step.attention).toEqual({ key: 'unvoiced', count: 2 });
    expect(step.detail).toEqual({ key: 'voiced', values: { done: 1, total: 3 } });
  });

  it('is done when everyone who speaks has a voice, however many silent ones have none', () => {
    const voiced = [narrator, { ...talker, voice: narrator.voice }];
    const step = castingStep(
      [...voiced, givenALine, ...silent],
      [planWith(['c-talker']), planWith(['c-planned'], true)],
    );
    expect(step.state).toBe('done');
    expect(step.attention).toBeUndefined();
  });
});

describe('the casting step of a book whose characters were not found yet', () => {
  // The server counts no characters before detection; the studio already shows the narrator, without a voice.
  const narratorOnly = [character('narrator', 0, false, 'narrator')];
  const stepWith = (segmentCount: number) =>
    studioSteps({
      project: testProject(),
      facts: { ...facts([]), segmentCount, segmentsWithSpeaker: segmentCount },
      activeJob: undefined,
      review: undefined,
      flagged: undefined,
      chapters: [],
      characters: narratorOnly,
    }).find((step) => step.id === 'casting')!;

  it('waits for them, as its page says, instead of asking for the narrator’s voice ahead of the steps before it', () => {
    const step = stepWith(0);
    expect({ state: step.state, attention: step.attention, detail: step.detail }).toEqual({
      state: 'todo',
      attention: undefined,
      detail: null,
    });
  });

  it('asks for the narrator’s voice once the book was planned without them', () => {
    expect(stepWith(40)).toMatchObject({ state: 'attention', attention: { key: 'unvoiced', count: 1 } });
  });
});

describe('the stage badge counts only characters who say something', () => {
  // The facts endpoint counts who speaks; the badge reads the facts alone (the project list has no characters).
  const castFacts = (speaking: number, voiced: number, silent: number): ProjectFacts => ({
    ...facts([]),
    characterCount: speaking + silent,
    charactersWithVoice: voiced,
    speakingCharacters: speaking,
    speakingCharactersWithVoice: voiced,
  });

  it('calls a planned book with every speaker voiced ready to produce, however many silent ones have no voice', () => {
    expect(projectStage(testProject(), castFacts(3, 3, 17))).toBe('readyToProduce');
  });

  it('still says casting while someone who speaks has no voice', () => {
    expect(projectStage(testProject(), castFacts(3, 2, 17))).toBe('casting');
  });
});

describe('the speaking cast is one count on every page', () => {
  // Five characters detected, one of them only named: four speak, as the stored facts count them.
  const narrator = character('narrator', 0, true, 'narrator');
  const talkers = ['c-a', 'c-b', 'c-c'].map((id) => character(id, 4, true));
  const named = character('c-named', 0, false);
  const stored: ProjectFacts = {
    ...facts([narrator, ...talkers, named]),
    speakingCharacters: 4,
    speakingCharactersWithVoice: 4,
  };
  const steps = (characters?: Character[]) =>
    studioSteps({
      project: testProject(),
      facts: stored,
      activeJob: undefined,
      review: undefined,
      flagged: undefined,
      chapters: [],
      characters,
    });

  it('gives the characters step the speaking characters, the same number the casting step counts', () => {
    for (const characters of [undefined, [narrator, ...talkers, named]]) {
      const list = steps(characters);
      expect(list.find((step) => step.id === 'characters')?.detail).toEqual({ key: 'speaking', values: { count: 4 } });
      expect(list.find((step) => step.id === 'casting')?.detail).toEqual({
        key: 'voiced',
        values: { done: 4, total: 4 },
      });
    }
  });

  it('takes the stored facts over the characters the page happened to read', () => {
    // A character list read before a plan gave "c-named" a line: the facts, counted after it, are the newer count.
    expect(
      castCounts({ ...stored, speakingCharacters: 5, speakingCharactersWithVoice: 4 }, [narrator, named], []),
    ).toEqual({ speaking: 5, voiced: 4, silent: 0 });
    expect(castCounts({ ...stored, speakingCharacters: undefined }, [narrator, ...talkers, named], [])).toEqual({
      speaking: 4,
      voiced: 4,
      silent: 1,
    });
  });
});
