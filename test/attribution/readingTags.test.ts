/**
 * A line read aloud is its reader's: "read Mr. Pell", "—leyó Rosa—", "leu a tia" tag it like "said", so a receipt,
 * a list or a letter's line read out in a scene goes to the one who reads it, not to the one turn-taking expects.
 * Narration that reads to itself ("she read it twice") tags nothing.
 */
import { readSpeechTag } from '../../core/characters/attribution/speechTags';
import { attributedDialogue, person } from './chapterFixture';
import { cpuMsSince } from '../support/jestBudget';

/** The hostile inputs' CPU budget (far above a linear read, far below a quadratic one); jest's limit only stops a hang. */
const HOSTILE_CPU_BUDGET_MS = 20_000;
const HANG_LIMIT_MS = 180_000;

describe('verbs of reading aloud as speech tags', () => {
  it('are read as tags in English, Spanish and Portuguese', () => {
    expect(readSpeechTag(' read Mr. Pell, slowly.', 'en')?.subject).toBe('Mr. Pell');
    expect(readSpeechTag(' she read aloud.', 'en')?.pronoun).toBe('she');
    expect(readSpeechTag(' leyó Rosa—. Esto es viejo.', 'es')?.subject).toBe('Rosa');
    expect(readSpeechTag(' leu a tia.', 'pt')?.subject).toBe('a tia');
    expect(readSpeechTag(' she read it twice.', 'en')).toBeNull();
    expect(readSpeechTag(' Rosa leyó la carta dos veces.', 'es')).toBeNull();
  });

  it('give a line read out to its reader', () => {
    const cast = [
      person('eusebio', 'don Eusebio', 'male'),
      person('rosa', 'Rosa', 'female'),
      person('paredes', 'Paredes', 'male'),
    ];
    const text = [
      'Don Eusebio, Rosa y el suboficial Paredes estaban en la bodega.',
      '—Léelo tú, hija —dijo don Eusebio.',
      '—A ver —dijo Rosa.',
      '—«Doce latas de leche, una escoba» —leyó Rosa—. ¡Hasta la escoba!',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'es');
    expect(lines.filter((line) => line.text.includes('escoba')).map((line) => line.speakerId)).toEqual([
      'rosa',
      'rosa',
    ]);
  });

  it('give an English line read out to its reader', () => {
    const cast = [person('pell', 'Mr. Pell', 'male'), person('harold', 'Harold', 'male')];
    const text = [
      'Mr. Pell unfolded the will. Harold leaned forward.',
      '"Go on," said Harold.',
      '"Very well," said Mr. Pell.',
      '"To my nephew, my gold watch," read Mr. Pell.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.at(-1)?.speakerId).toBe('pell');
  });
});

describe('verbs of reading aloud on hostile input', () => {
  it(
    'reads a megabyte of tag-like text in linear time',
    async () => {
      const start = process.cpuUsage();
      expect(readSpeechTag(` read${' aloud'.repeat(170_000)}.`, 'en')).toBeNull();
      expect(readSpeechTag(` leyó${' '.repeat(1_000_000)}Rosa.`, 'es')).toBeNull();
      expect(readSpeechTag(` ${'Rosa leyó, '.repeat(90_000)}`, 'es')?.subject).toBe('Rosa');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
