/**
 * A tag whose subject is a group ("they cried out when they saw Ruth coming"): the line is several people's at once,
 * so it is nobody's in particular, least of all the person the tag's clause names; and a quotation after it in the
 * paragraph with a tag of its own ("said Ruth") is that person's turn, while an untagged one goes on with the group.
 */
import { groupTagClause } from '../../core/characters/attribution/groupTags';
import { attributedDialogue, person } from './chapterFixture';

const cast = [
  person('ruth', 'Ruth', 'female'),
  person('miller', 'the Miller', 'male', ['Miller']),
  person('baker', 'the Baker', 'male', ['Baker']),
];

const line = (lines: ReturnType<typeof attributedDialogue>, words: string) =>
  lines.find((segment) => segment.text.includes(words))!;

describe('a group as a tag subject', () => {
  it('reads "they", "we", "they all" and "they both" before a speech verb, and nothing else', () => {
    expect(groupTagClause('they cried out when they saw Ruth coming. Then…', 'en')).toBe(
      'they cried out when they saw Ruth coming',
    );
    expect(groupTagClause('they both cried.', 'en')).toBe('they both cried');
    expect(groupTagClause('we all said, laughing', 'en')).toBe('we all said');
    expect(groupTagClause('they walked on.', 'en')).toBeNull();
    expect(groupTagClause('he said.', 'en')).toBeNull();
  });

  it('gives the group line to nobody with confidence, nor to the person the clause names', () => {
    const text = [
      'The Miller and the Baker were sitting at a long table by the mill, and the two of them talked of flour.',
      "The table was a large one, but they sat crowded at one end of it: 'Go away! Go away!' they cried out when they saw Ruth coming. 'There is room enough,' said Ruth, and she sat down.",
      "'Have some bread,' said the Miller.",
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    const group = line(lines, 'Go away');
    expect(group.speakerId).not.toBe('ruth');
    expect(group.confidence).toBeLessThan(0.7);
    const answer = line(lines, 'room enough');
    expect(answer.speakerId).toBe('ruth');
    expect(answer.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('keeps an untagged quotation after the group tag with the group', () => {
    const text = [
      'The Miller and the Baker were sitting at a long table by the mill, and Ruth sat between them.',
      "'I know no story,' said Ruth.",
      "'Then the Miller shall!' they both cried. 'Wake up, Miller!' And they pinched him on both sides at once.",
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    const cried = line(lines, 'Then the Miller');
    const wake = line(lines, 'Wake up');
    expect(wake.speakerId).toBe(cried.speakerId);
    expect(wake.confidence).toBe(cried.confidence);
  });
});
