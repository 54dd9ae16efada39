import type { CharacterRecord } from '../book/records';
import type { LexiconEntry } from '../lexicon/lexicon';
import { audibleVersion, type AudibleInputs } from './audibleVersion';

const voice = (characterId: string, voiceName: string, ratePercent = 0): CharacterRecord['voice'] => ({
  characterId,
  voiceName,
  locale: 'en-GB',
  style: null,
  styleDegree: null,
  ratePercent,
  pitchPercent: 0,
  overridden: false,
});
const entry = (grapheme: string, value: string, locale = 'en'): LexiconEntry => ({
  id: `lex-${grapheme}`,
  grapheme,
  locale,
  kind: 'alias',
  value,
  wholeWord: true,
  caseSensitive: false,
  notes: '',
});
const base: AudibleInputs = {
  chapter: { id: 'c1', text: 'Chapter 1\n\n"Hello," said Elinor.\n', textVersion: 1, planGeneration: 2 },
  dialogueSpeakers: ['char-elinor'],
  characters: [
    { characterId: 'narrator', voice: voice('narrator', 'en-GB-Narrator') },
    { characterId: 'char-elinor', voice: voice('char-elinor', 'en-GB-Elinor') },
    { characterId: 'char-marianne', voice: voice('char-marianne', 'en-GB-Marianne') },
  ],
  lexicon: [entry('Elinor', 'EL-i-nor')],
  language: 'en-GB',
};
const version = (change: Partial<AudibleInputs> = {}) => audibleVersion({ ...base, ...change });

describe('a chapter’s audible version', () => {
  test('is the same for the same inputs, whatever their order', () => {
    expect(version()).toBe(version({ characters: [...base.characters].reverse() }));
    expect(version()).toBe(version({ dialogueSpeakers: ['char-elinor', 'char-elinor'] }));
  });

  test('changes with the words, the plan and every edit of a speaker or words', () => {
    const before = version();
    expect(version({ chapter: { ...base.chapter, textVersion: 2 } })).not.toBe(before);
    expect(version({ chapter: { ...base.chapter, planGeneration: 3 } })).not.toBe(before);
    expect(version({ chapter: { ...base.chapter, audibleEdits: 1 } })).not.toBe(before);
  });

  test('changes with the voice of the narrator or of a character who speaks in the chapter, not of another', () => {
    const before = version();
    const recast = (characterId: string, voiceName: string, rate = 0) =>
      version({
        characters: base.characters.map((c) =>
          c.characterId === characterId ? { ...c, voice: voice(characterId, voiceName, rate) } : c,
        ),
      });
    expect(recast('narrator', 'en-GB-Other')).not.toBe(before);
    expect(recast('char-elinor', 'en-GB-Other')).not.toBe(before);
    expect(recast('char-elinor', 'en-GB-Elinor', 5)).not.toBe(before);
    expect(recast('char-marianne', 'en-GB-Other')).toBe(before);
    // A speaker not cast yet reads with the narrator's voice; casting them changes what is heard.
    expect(version({ dialogueSpeakers: ['char-elinor', 'char-marianne'] })).not.toBe(before);
  });

  test('changes with lexicon entries that match in the chapter, in its language, and no other', () => {
    const before = version();
    expect(version({ lexicon: [entry('Elinor', 'eh-LEE-nor')] })).not.toBe(before);
    expect(version({ lexicon: [...base.lexicon, entry('said', 'sed')] })).not.toBe(before);
    expect(version({ lexicon: [...base.lexicon, entry('Marianne', 'MAH-ree-an')] })).toBe(before);
    expect(version({ lexicon: [...base.lexicon, entry('said', 'dijo', 'es')] })).toBe(before);
  });
});
