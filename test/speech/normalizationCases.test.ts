/** Every case of the normalization table (bench/data/normalization) comes out as written there, in each language. */
import { NORMALIZATION_CASES } from '../../bench/data/normalization/cases';
import { toSpokenForm } from '../../core/speech/normalize';

describe('spoken form cases', () => {
  it('covers abbreviations, clock times, alphanumerics, ordinals, Roman numerals and headings in every language', () => {
    const required = ['abbreviation', 'clock', 'alphanumeric', 'ordinal', 'roman', 'heading', 'year'];
    for (const language of ['en', 'es', 'pt'] as const) {
      const topics = NORMALIZATION_CASES.filter((c) => c.language === language).map((c) => c.topic);
      expect({ language, topics: [...new Set(topics)] }).toEqual({
        language,
        topics: expect.arrayContaining(required),
      });
    }
  });

  it.each(NORMALIZATION_CASES.map((c) => [c.locale, c.topic, c.input, c] as const))(
    '%s %s: %j',
    (_locale, _topic, _input, normalizationCase) => {
      const spoken = toSpokenForm(normalizationCase.input, normalizationCase.locale, {
        isHeading: normalizationCase.heading === true,
      });
      expect(spoken).toBe(normalizationCase.expected);
    },
  );
});
