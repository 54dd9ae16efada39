/**
 * A speech printed over many paragraphs (each opens with a quotation mark, none but the last closes it) is one
 * person's: a client's story, a newspaper account read aloud. Turn-taking keeps every paragraph of it with the
 * speaker of the first, however long it runs, rather than drifting to the person who spoke before.
 */
import { believe, type TurnEvidence } from '../../core/characters/attributeTurns';
import { CLAIM } from '../../core/characters/attribution/evidence';
import { emptyEvidence } from '../../core/characters/attribution/turnReading';

const said = (speakerId: string): TurnEvidence => ({
  ...emptyEvidence(),
  claims: [{ speakerId, confidence: CLAIM.namedTag }],
});
const runsOn = (): TurnEvidence => ({ ...emptyEvidence(), continuesPrevious: true });

describe('a speech over many paragraphs', () => {
  it('is the speaker of its first paragraph in every paragraph', () => {
    const paragraphs = 30;
    const beliefs = believe({
      candidates: ['vance', 'ames'],
      manySpeakers: false,
      opening: new Map(),
      genderOf: () => 'male',
      turns: [said('vance'), said('ames'), ...Array.from({ length: paragraphs }, runsOn), said('vance')],
    });
    const story = beliefs.slice(2, 2 + paragraphs);
    expect(story.every((belief) => belief.speakerId === 'ames')).toBe(true);
    // As sure at its end as at its start: nothing in a paragraph that only runs on says someone else took over.
    expect(Math.min(...story.map((belief) => belief.probability))).toBeGreaterThan(0.9);
  });
});
