/**
 * A description of rank a story's own record goes by ("The lady", first met in the chapter) is the one titled person
 * of its gender that chapter brings in (Mrs. Grey, the woman of the house), not a titled lady of another story who
 * is also "the lady"; but not where the narration writes it near that person's name (two people talking), nor for a
 * noun of age or trade ("the girl").
 */
import { attributeSpeakers } from '../../core/characters/attributeHeuristic';
import { foldOwnDescriptions } from '../../core/characters/attribution/ownDescriptions';
import { NARRATOR_ID, type Character, type Gender } from '../../core/characters/character';
import { segmentChapter } from '../../core/planning/segmentation';
import { person } from './chapterFixture';

function appearingIn(chapterId: string, id: string, name: string, gender: Gender, aliases: string[] = []): Character {
  return { ...person(id, name, gender, aliases), firstAppearance: { chapterId, offset: 0 } };
}

const cast = [
  { ...person(NARRATOR_ID, 'Dr. Lane', 'male', ['Lane']), firstAppearance: { chapterId: 'first', offset: 0 } },
  appearingIn('first', 'vance', 'Mr. Vance', 'male', ['Vance']),
  appearingIn('house', 'grey', 'Mrs. Grey', 'female'),
  appearingIn('house', 'grey-husband', 'Mr. Edward Grey', 'male', ['Edward Grey']),
  appearingIn('house', 'the-lady', 'The lady', 'female', ['the lady']),
  appearingIn('wedding', 'hale', 'Lady Hale', 'female', ['the lady', 'The lady']),
];

const arrival = [
  'Vance told me on the way that Mrs. Grey had not seen her husband since Monday, when Edward Grey went into the City and did not come back. She had sent for him that very morning, and we drove out through the lanes to the house, where a small woman in a light dress stood waiting at the open door under the lamp, and the servants watched us from the hall.',
  'The drive had been long and cold, and the horse was tired; we were glad to see the light, and gladder still of the fire which burned in the hall, for the night had turned raw and wet, and neither of us had eaten since noon.',
  '"Well?" she cried. "Well?"',
  '"No news," said Vance.',
  '"Then come in. You must be tired," said the lady as we entered the dining-room.',
  '"Thank you," said Vance.',
].join('\n\n');

function speakerOf(text: string, characters: Character[], snippet: string): { speakerId: string; confidence: number } {
  const segments = segmentChapter(text, { language: 'en' });
  const labels = attributeSpeakers(
    segments.map((segment) => ({ ...segment, id: `house-${segment.index}`, chapterId: 'house' })),
    characters,
    'en',
  );
  return labels[segments.findIndex((segment) => segment.text.includes(snippet))];
}

describe('a description of rank of a story of its own', () => {
  it('folds into the one titled person of its gender the chapter brings in', () => {
    const folded = foldOwnDescriptions(cast, 'house', arrival);
    expect(folded.find((character) => character.id === 'the-lady')).toBeUndefined();
    expect(folded.find((character) => character.id === 'grey')?.aliases).toContain('the lady');
  });

  it('gives "said the lady" to the woman of the house, not to the lady of another story', () => {
    expect(speakerOf(arrival, cast, 'You must be tired').speakerId).toBe('grey');
  });

  it('is left alone where the narration writes it near the person’s name', () => {
    const talking = arrival.replace('"Thank you," said Vance.', '"Thank you, Mrs. Grey," said Vance.');
    expect(foldOwnDescriptions(cast, 'house', talking).find((c) => c.id === 'the-lady')).toBeDefined();
  });

  it('is left alone for a noun of age or trade, or where the chapter brings in two titled women', () => {
    const girl = cast.map((c) => (c.id === 'the-lady' ? { ...c, name: 'The girl', aliases: ['the girl'] } : c));
    expect(foldOwnDescriptions(girl, 'house', arrival)).toBe(girl);
    const sister = appearingIn('house', 'sister', 'Miss Grey', 'female');
    expect(foldOwnDescriptions([...cast, sister], 'house', arrival).find((c) => c.id === 'the-lady')).toBeDefined();
  });
});
