/**
 * A common word the book capitalises as someone's name and makes speak ("said Five", "Seven said") is a character,
 * even though the book also writes it in lower case ("five minutes"); one tag is not enough, and a capitalised
 * noun after an article ("dijo el Molinero") stays a role written as a title.
 */
import { detectCharactersHeuristic } from '../../core/characters';
import { chapters } from './smallBooks';

const NUMBERED_GARDENERS = chapters(
  'en',
  [
    'Five minutes later the gardeners were still at work. There were five roses left, and two pots, and seven',
    'brushes; it took five men and two boys to carry them. She waited five minutes more, then seven.',
    '',
    '"Look out now, Five!" cried a voice. "I couldn\'t help it," said Five, in a sulky tone.',
    '',
    '"That\'s right, Five! Always lay the blame on others!" said Seven.',
    '',
    '"You\'d better not talk!" said Five. "I heard the Queen say only yesterday you deserved to be beheaded."',
    '',
    '"What for?" said the one who had spoken first, and then Seven said, "That\'s none of your business."',
    '',
    '"Yes, it is," said Two, and he looked at the roses.',
  ].join('\n'),
);

const CAPITALISED_ROLE_ES = chapters(
  'es',
  [
    'El molinero trabajaba. Los molineros del lugar eran pobres; aquel molinero no.',
    '',
    '—Buenos días —dijo el Molinero.',
    '',
    '—Buenos días —respondió la navarra—. ¿Y el molinero?',
    '',
    '—Aquí estoy —dijo el Molinero.',
  ].join('\n'),
);

describe('speakers named by a common word', () => {
  it('casts "Five" and "Seven", who speak under those names twice or more, but not "Two", who speaks once', () => {
    const cast = detectCharactersHeuristic(NUMBERED_GARDENERS);
    const names = cast.map((c) => c.name);
    expect(cast.find((c) => c.name === 'Five')).toMatchObject({ dialogueLineCount: 2 });
    expect(cast.find((c) => c.name === 'Seven')).toMatchObject({ dialogueLineCount: 2 });
    expect(names).not.toContain('Two');
  });

  it('leaves a capitalised noun after an article to the roles ("dijo el Molinero")', () => {
    const cast = detectCharactersHeuristic(CAPITALISED_ROLE_ES);
    expect(cast.map((c) => c.name)).not.toContain('Molinero');
  });
});

/** Named twice with a title and three times without: a person of the story, though he never speaks. */
const TITLED_TWICE = chapters(
  'en',
  [
    'Her husband was Mr. Godfrey Norton, of the Inner Temple. Godfrey Norton was a lawyer.',
    '',
    '"Is he at home?" asked Holmes. "No," said the maid. Godfrey Norton had gone out; Mr. Godfrey Norton',
    'always went out at noon, and Godfrey Norton came back at six. Mr. Smith, the grocer, said nothing.',
  ].join('\n'),
);

describe('people named with a title', () => {
  it('casts someone named twice with a title among five mentions, not someone titled once', () => {
    const cast = detectCharactersHeuristic(TITLED_TWICE);
    expect(cast.find((c) => [c.name, ...c.aliases].includes('Godfrey Norton'))).toMatchObject({ gender: 'male' });
    expect(cast.some((c) => /Smith/u.test(c.name))).toBe(false);
  });
});
