/**
 * A name a line speaks of is not someone it calls: a name set beside a person spoken of ("this maid, Alice,") is an
 * apposition, and a name whose aside is followed by a verb in the past ("Lady Ames, then, returned …") is the
 * sentence's subject. Read as calls, they made that person the one who answers the next line.
 */
import { NARRATOR_ID } from '../../core/characters/character';
import { Cast } from '../../core/characters/attribution/cast';
import { addressedIn, echoedNames } from '../../core/characters/attribution/vocatives';
import { cpuMsSince } from '../support/jestBudget';
import { attributedDialogue, person } from './chapterFixture';

/** The hostile inputs' CPU budget (far above a linear read, far below a quadratic one); jest's limit only stops a hang. */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;

const cast = [
  person(NARRATOR_ID, 'Narrator', 'unknown'),
  person('vance', 'Mr. Vance', 'male', ['Vance']),
  person('ames', 'Lord Ames', 'male', ['Lord Robert Ames']),
  person('lady', 'Lady Ames', 'female', ['Lady Clara Ames']),
  person('alice', 'Alice', 'female', ['Miss Alice']),
  person('grey', 'Miss Grey', 'female', ['Grey']),
];

describe('names a line speaks of', () => {
  const people = new Cast(cast, 'en');

  it('an apposition to a person spoken of is not a call', () => {
    expect(addressedIn('"But this maid, Alice, as I understand, went up to her room."', people)).toEqual([]);
    expect(addressedIn('"I saw her sister, Miss Grey, at the ball."', people)).toEqual([]);
  });

  it('a name after a phrase that is no person is still called', () => {
    expect(addressedIn('"After the dance, Miss Grey, you looked tired."', people)).toEqual(['grey']);
  });

  it('a name whose aside a verb in the past follows is the subject', () => {
    expect(addressedIn('"Lady Ames, then, returned from the church in low spirits."', people)).toEqual([]);
    expect(addressedIn('"Lady Ames, then, listen to me."', people)).toEqual(['lady']);
  });

  it('leaves the reply to the one questioned', () => {
    const chapter = [
      'Lord Ames sat down stiffly in the chair which Vance pointed out to him.',
      '"You saw your wife after the service?" said Vance.',
      '"Yes, I did. She was in the best of spirits."',
      '"Lady Ames, then, returned from the church in good spirits. What did she do next?"',
      '"She spoke for a little with her maid."',
      '"And who is her maid?"',
      '"Alice is her name. She came over from Boston with her."',
      '"But this maid, Alice, says that she went up to her room at once?"',
      '"Quite so. And she was seen walking in the Park an hour later."',
    ].join('\n\n');
    const lines = attributedDialogue(chapter, cast, 'en');
    const speakerOf = (quote: string) => lines.find((line) => line.text.includes(quote))!;
    expect(speakerOf('spoke for a little').speakerId).toBe('ames');
    expect(speakerOf('Alice is her name').speakerId).toBe('ames');
    expect(speakerOf('Quite so').speakerId).toBe('ames');
  });
});

describe('a name asked back', () => {
  const whitcombs = [
    person('george', 'Mr. Whitcomb', 'male', ['George']),
    person('eleanor', 'Mrs. Whitcomb', 'female'),
    person('crane', 'Mr. Crane', 'male', ['Crane']),
    person('pell', 'Mrs. Pell', 'female'),
  ];
  const people = new Cast(whitcombs, 'en');

  it('is the person spoken of when the line before named them or the line names them again', () => {
    expect(echoedNames('"Mr. Crane? Why on earth Mr. Crane?"', '"Mrs. Pell."', people)).toEqual(['crane']);
    expect(echoedNames('"Mr. Crane? Why him?"', '"And Mr. Crane."', people)).toEqual(['crane']);
    expect(echoedNames('"Mr. Crane? Are you there?"', '"Who is at the door?"', people)).toEqual([]);
    expect(echoedNames('"Mr. Crane, why him?"', '"And Mr. Crane."', people)).toEqual([]);
  });

  it('and a name asked about is not the one spoken to', () => {
    expect(addressedIn('"Where is George?"', people)).toEqual([]);
  });

  it('leaves the reply to the one who named them', () => {
    const chapter = [
      'Mr. Whitcomb was reading his paper when his wife came in with the cards.',
      '"The usual people, George. Mrs. Pell, the doctor. And Mr. Crane."',
      '"Mr. Crane? Why on earth Mr. Crane?"',
      '"Because he has a letter for you."',
    ].join('\n\n');
    expect(attributedDialogue(chapter, whitcombs, 'en').map((line) => line.speakerId)).toEqual([
      'eleanor',
      'george',
      'eleanor',
    ]);
  });

  it(
    'reads a megabyte of names and question marks in linear time',
    async () => {
      const start = process.cpuUsage();
      const echoes = '"Mr. Crane? Mr. Crane? Mr. Crane ?'.repeat(30_000);
      const spaces = `"Mr. Crane${' '.repeat(1_000_000)}?"`;
      expect(echoedNames(echoes, '"And Mr. Crane."', people)).toEqual(['crane']);
      expect(echoedNames(spaces, '"And Mr. Crane."', people)).toEqual(['crane']);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
