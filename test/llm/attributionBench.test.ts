import { ALL_EXCERPTS } from '../../bench/data/attribution';
import { benchCharacters, prepareExcerpt, type AttributionExcerpt } from '../../bench/attribution/dataset';
import { CONFIDENT, runExcerpt, scores, tallyExcerpt } from '../../bench/attribution/score';
import type { AttributionEngine, SpeakerLabel } from '../../core/ports/analysis';

describe('attribution benchmark dataset', () => {
  const prepared = ALL_EXCERPTS.map(prepareExcerpt);

  it('is well formed: every dialogue segment has one gold speaker from its excerpt cast', () => {
    expect(prepared.flatMap((excerpt) => excerpt.problems)).toEqual([]);
    expect(new Set(ALL_EXCERPTS.map((excerpt) => excerpt.id)).size).toBe(ALL_EXCERPTS.length);
    for (const excerpt of prepared) {
      const cast = new Set(excerpt.excerpt.characters.map((character) => character.id));
      if (excerpt.excerpt.narrator) cast.add('narrator');
      for (const gold of excerpt.gold) expect(cast.has(gold.speakerId)).toBe(true);
      expect(benchCharacters(excerpt.excerpt)[0].id).toBe('narrator');
      expect(excerpt.segments.map((segment) => segment.text).join('')).toBe(excerpt.text);
    }
  });

  it('has at least 300 dialogue segments, about 100 in each of en, es and pt', () => {
    const perLanguage = new Map<string, number>();
    for (const excerpt of prepared)
      perLanguage.set(excerpt.excerpt.language, (perLanguage.get(excerpt.excerpt.language) ?? 0) + excerpt.gold.length);
    expect([...perLanguage.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(300);
    for (const language of ['en', 'es', 'pt']) expect(perLanguage.get(language)).toBeGreaterThanOrEqual(100);
    const conventions = ALL_EXCERPTS.map((excerpt) => excerpt.convention).join(' ');
    for (const convention of [
      'raya',
      'double hyphen',
      'guillemets',
      'curly',
      'single quotes',
      'plain hyphen',
      'dash-introduced',
      'first-person narrator',
    ])
      expect(conventions).toContain(convention);
  });
});

describe('attribution scorer', () => {
  const tiny: AttributionExcerpt = {
    id: 'tiny',
    language: 'en',
    convention: 'test',
    characters: [
      { id: 'ann', name: 'Ann', gender: 'female' },
      { id: 'bob', name: 'Bob', gender: 'male' },
    ],
    text: '⟦ann⟧"Hello," said Ann.\n\n⟦bob⟧"Hi."\n\n⟦ann⟧"Well?"\n\n⟦bob⟧"Well what?"\n\nThey parted.',
  };

  it('aligns labels to gold segments and computes accuracy, coverage and confident precision', () => {
    const prepared = prepareExcerpt(tiny);
    expect(prepared.problems).toEqual([]);
    expect(prepared.gold.map((gold) => gold.speakerId)).toEqual(['ann', 'bob', 'ann', 'bob']);
    const [first, second, third] = prepared.gold.map((gold) => `s${gold.segment.index}`);
    const labels: SpeakerLabel[] = [
      { segmentId: first, speakerId: 'ann', confidence: 0.9 }, // right, confident
      { segmentId: second, speakerId: 'ann', confidence: CONFIDENT }, // wrong, confident
      { segmentId: third, speakerId: 'ann', confidence: 0.3 }, // right, not confident
      // the fourth has no label at all, which counts as unknown
    ];
    const tally = tallyExcerpt(prepared, labels, (index) => `s${index}`);
    expect(tally).toMatchObject({ segments: 4, correct: 2, labelled: 3, confident: 2, confidentCorrect: 1 });
    expect(scores(tally)).toEqual({
      segments: 4,
      accuracy: 0.5,
      coverage: 0.75,
      precision: 2 / 3,
      confidentPrecision: 0.5,
      confidentShare: 0.5,
      // the unlabelled segment and the labelled one below the review confidence
      flaggedShare: 0.5,
    });
  });

  it('runs an engine on an excerpt with one segment id per segment and sums its tokens', async () => {
    const seen: string[][] = [];
    const engine: AttributionEngine = {
      engine: 'heuristic',
      attribute: (input) => {
        seen.push(input.segments.map((segment) => segment.id));
        return Promise.resolve({
          labels: input.segments.map((segment) => ({ segmentId: segment.id, speakerId: 'bob', confidence: 1 })),
          usage: { promptTokens: 10, completionTokens: 2, model: 'x', calls: 1 },
        });
      },
    };
    const tally = await runExcerpt(engine, prepareExcerpt(tiny));
    expect(new Set(seen[0]).size).toBe(seen[0].length);
    expect(scores(tally).accuracy).toBe(0.5);
    expect(tally).toMatchObject({ promptTokens: 10, completionTokens: 2 });
  });
});
