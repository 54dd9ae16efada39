import { readFileSync } from 'fs';
import fc from 'fast-check';
import { attributeSpeakers, detectCharactersHeuristic, NARRATOR_ID, type Character } from '../../core/characters';
import { castVoices, clampPitch, clampRate, clampStyleDegree, type VoiceDescriptor } from '../../core/casting';
import { PRIDE_AND_PREJUDICE } from '../support/corpus';

const book = readFileSync(PRIDE_AND_PREJUDICE, 'utf8');
const chapters = book
  .split(/^Chapter \d+/m)
  .slice(1)
  .map((text, index) => ({ id: `ch${index + 1}`, text, language: 'en' }));
const characters = detectCharactersHeuristic(chapters);
const find = (name: string) =>
  characters.find((character) => character.name === name || character.aliases.includes(name));

describe('heuristic character detection', () => {
  it('finds the main Pride and Prejudice cast with the right genders, aliases merged', () => {
    const expected: [string, 'female' | 'male'][] = [
      ['Elizabeth', 'female'],
      ['Mr. Darcy', 'male'],
      ['Mr. Bennet', 'male'],
      ['Mrs. Bennet', 'female'],
      ['Jane', 'female'],
      ['Mr. Bingley', 'male'],
      ['Lydia', 'female'],
      ['Mr. Collins', 'male'],
      ['Miss Bingley', 'female'],
      ['Mr. Wickham', 'male'],
    ];
    for (const [name, gender] of expected) expect({ name, gender: find(name)?.gender }).toEqual({ name, gender });
    expect(find('Darcy')).toBe(find('Mr. Darcy'));
    expect(find('Mr. Bennet')).not.toBe(find('Mrs. Bennet'));
    expect(find('Elizabeth')?.importance).toBe('main');
    expect(find('Elizabeth')!.dialogueLineCount).toBeGreaterThan(50);
    expect(characters[0].id).toBe(NARRATOR_ID);
    expect(new Set(characters.map((character) => character.id)).size).toBe(characters.length);
  });

  it('reads Spanish raya and Portuguese double-hyphen attributions, with gender from titles and pronouns', () => {
    const es = detectCharactersHeuristic([
      {
        id: 'c1',
        language: 'es',
        text: '—¿Llegaste? —preguntó Rosa.\n\n—Sí —dijo Don Julián—. Hace una hora.\n\n—Qué bien —dijo Rosa, y ella sonrió.',
      },
    ]);
    expect(es.find((c) => c.name === 'Rosa')?.gender).toBe('female');
    expect(es.find((c) => c.name === 'Don Julián')?.gender).toBe('male');
    const pt = detectCharactersHeuristic([
      {
        id: 'c1',
        language: 'pt-BR',
        text: '-- Vem cá, disse Capitu.\n\n-- Não posso, respondeu Bentinho; ele estava cansado.\n\n-- Vem, disse Capitu, e ela riu.',
      },
    ]);
    expect(pt.find((c) => c.name === 'Capitu')?.dialogueLineCount).toBe(2);
    expect(pt.find((c) => c.name === 'Bentinho')?.gender).toBe('male');
    expect(pt[0].id).toBe(NARRATOR_ID);
  });

  it('attributes dialogue from adjacent attributions and alternation, narration to the narrator', () => {
    const text =
      '"Where are you going?" said Elizabeth.\n\n"To town," replied Mr. Darcy.\n\n"Alone?"\n\n"Yes."\n\nThey walked on.';
    const segments = [
      { id: 'a', kind: 'dialogue' as const, text: '"Where are you going?" ' },
      { id: 'b', kind: 'narration' as const, text: 'said Elizabeth.\n\n', boundaryBefore: 'dialogue_turn' },
      { id: 'c', kind: 'dialogue' as const, text: '"To town," ', boundaryBefore: 'paragraph' },
      { id: 'd', kind: 'narration' as const, text: 'replied Mr. Darcy.\n\n', boundaryBefore: 'dialogue_turn' },
      { id: 'e', kind: 'dialogue' as const, text: '"Alone?"\n\n', boundaryBefore: 'paragraph' },
      { id: 'f', kind: 'dialogue' as const, text: '"Yes."\n\n', boundaryBefore: 'paragraph' },
      { id: 'g', kind: 'narration' as const, text: 'They walked on.', boundaryBefore: 'paragraph' },
    ].map((segment, index) => ({ ...segment, chapterId: 'x', index }));
    expect(segments.map((s) => s.text).join('')).toBe(text);
    const labels = attributeSpeakers(segments, characters);
    const speaker = (id: string) => labels.find((label) => label.segmentId === id)!.speakerId;
    expect(['a', 'c', 'e', 'f', 'g'].map(speaker)).toEqual([
      find('Elizabeth')!.id,
      find('Mr. Darcy')!.id,
      find('Elizabeth')!.id,
      find('Mr. Darcy')!.id,
      NARRATOR_ID,
    ]);
    expect(labels.every((label) => label.confidence >= 0 && label.confidence <= 1)).toBe(true);
  });
});

const voices: VoiceDescriptor[] = [
  ...['Ava', 'Emma', 'Jenny'].map((name): VoiceDescriptor => ({
    name: `en-US-${name}Neural`,
    locale: 'en-US',
    gender: 'female',
    styles: [],
    engine: 'azure',
  })),
  ...['Andrew', 'Brian'].map((name): VoiceDescriptor => ({
    name: `en-US-${name}Neural`,
    locale: 'en-US',
    gender: 'male',
    styles: ['sad'],
    engine: 'azure',
  })),
  { name: 'en-GB-RyanNeural', locale: 'en-GB', gender: 'male', styles: [], engine: 'azure', ageHint: 'elderly' },
];

describe('casting', () => {
  it('casts by gender and locale, narrator first, spreading voices', () => {
    const cast = castVoices({ characters, voices, bookLocale: 'en-US' });
    const voiceOf = (character: Character | undefined) => cast.find((a) => a.characterId === character!.id)!.voiceName;
    expect(cast[0].characterId).toBe(NARRATOR_ID);
    expect(voiceOf(find('Elizabeth'))).toMatch(/Ava|Emma|Jenny/);
    expect(voiceOf(find('Mr. Darcy'))).toMatch(/Andrew|Brian/);
    expect(voiceOf(find('Elizabeth'))).not.toBe(voiceOf(find('Jane')));
  });

  it('casts the same way whatever the input order', () => {
    const reference = castVoices({ characters, voices, bookLocale: 'en-US' });
    const sort = (list: typeof reference) => [...list].sort((a, b) => a.characterId.localeCompare(b.characterId));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(characters, { minLength: characters.length }),
        fc.shuffledSubarray(voices, { minLength: voices.length }),
        (shuffled, pool) => {
          expect(sort(castVoices({ characters: shuffled, voices: pool, bookLocale: 'en-US' }))).toEqual(
            sort(reference),
          );
        },
      ),
      { numRuns: 50 },
    );
  });

  it('clamps prosody unless the user overrides', () => {
    expect([
      clampRate(20),
      clampRate(-30),
      clampPitch(10),
      clampPitch(-10),
      clampStyleDegree(1.5),
      clampStyleDegree(0.1),
    ]).toEqual([8, -12, 6, -8, 0.9, 0.3]);
    expect(clampRate(20, true)).toBe(20);
    const cast = castVoices({
      characters,
      voices,
      bookLocale: 'en-US',
      overrides: {
        [find('Mr. Darcy')!.id]: { voiceName: 'en-US-BrianNeural', style: 'sad', styleDegree: 2, ratePercent: 30 },
      },
    });
    expect(cast.find((a) => a.characterId === find('Mr. Darcy')!.id)).toMatchObject({
      voiceName: 'en-US-BrianNeural',
      style: 'sad',
      styleDegree: 0.9,
      ratePercent: 8,
    });
  });
});
