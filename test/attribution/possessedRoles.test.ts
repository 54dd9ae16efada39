/**
 * A bare role ("the nephew") and someone's role of the same noun ("Hale's nephew") are one person when detection
 * makes them one record (test/characters/rolesOfOnePossessor.test.ts): the lines tagged with either go to that
 * record. Attribution itself reads the cast as given, so records a user keeps apart stay apart.
 */
import { detectCharactersHeuristic } from '../../core/characters';
import { chapters } from '../characters/smallBooks';
import { attributedDialogue, person } from './chapterFixture';

describe('a bare role and the one possessed role of the same noun', () => {
  it('gives the lines tagged with the bare role to the possessed record detection made', () => {
    const text = [
      'Old Hale sat by the fire when the door flew open.',
      '"A merry Christmas, uncle!" cried Hale\'s nephew.',
      '"Bah," said Hale. "Humbug."',
      '"Don\'t be cross, uncle!" said the nephew.',
      '"What else can I be?" said Hale.',
      '"Come and dine with us tomorrow," said the nephew.',
    ].join('\n\n');
    const cast = detectCharactersHeuristic(chapters('en', text));
    const nephews = cast.filter((character) => /nephew/iu.test([character.name, ...character.aliases].join(' ')));
    expect(nephews).toHaveLength(1);
    const nephew = nephews[0];
    const hale = cast.find((character) => character.name === 'Hale')!;
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.map((line) => line.speakerId)).toEqual([nephew.id, hale.id, hale.id, nephew.id, hale.id, nephew.id]);
  });

  it.each([
    [
      'en',
      [
        '"You are late," said the wife of Hale.',
        '"Sit down," said the wife of Reed.',
        '"It is cold," said Hale\'s wife.',
        '"Eat it cold, then," said the wife of Reed.',
      ],
      [/wife of Hale/u, /wife of Reed/u, /wife of Hale/u, /wife of Reed/u],
    ],
    [
      'pt',
      [
        '— Chegaram tarde — disse a mulher de Hale.',
        '— Sentem-se — disse a mulher de Reed.',
        '— Esfriou — disse a mulher de Hale.',
        '— Comam frio, então — disse a mulher de Reed.',
      ],
      [/mulher de Hale/u, /mulher de Reed/u, /mulher de Hale/u, /mulher de Reed/u],
    ],
  ] as const)('gives each wife her own lines when two men have one (%s)', (language, lines, wives) => {
    const text = lines.join('\n\n');
    const cast = detectCharactersHeuristic(chapters(language, text));
    const holder = (pattern: RegExp) =>
      cast.find((character) => [character.name, ...character.aliases].some((form) => pattern.test(form)))?.id;
    expect(new Set(wives.map(holder).filter(Boolean)).size).toBe(2);
    expect(attributedDialogue(text, cast, language).map((line) => line.speakerId)).toEqual(wives.map(holder));
  });

  it('keeps a bare role the cast holds apart from the possessed one (a cast the user edited)', () => {
    const cast = [
      person('tom', 'Tom', 'male'),
      person('toms-sister', "Tom's sister", 'female'),
      person('the-sister', 'The sister', 'female', ['the sister']),
    ];
    const text = [
      '"You are late," said Tom\'s sister.',
      '"The train was slow," said Tom.',
      '"It always is," said the sister, laughing.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.map((line) => line.speakerId)).toEqual(['toms-sister', 'tom', 'the-sister']);
  });
});
