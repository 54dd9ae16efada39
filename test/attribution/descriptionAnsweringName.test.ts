/**
 * A newcomer the narration only describes ("my patient") who answers a line that called one person by name ("…, Mr.
 * Hale," said Vance. ⏎ "Thank you," said my patient.) is that person: one record, not two that turn-taking would
 * alternate between. And a person known also as "my patient" or "my client" is someone the narrator receives, so
 * "answered my visitor" may still mean him.
 */
import { NARRATOR_ID, type Character } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

const metHere = (character: Character): Character => ({
  ...character,
  firstAppearance: { chapterId: 'c', offset: 0 },
});

const cast = [
  { ...person(NARRATOR_ID, 'Dr. Lane', 'male', ['Lane']), firstAppearance: { chapterId: 'c', offset: 0 } },
  metHere(person('vance', 'Mr. Vance', 'male', ['Vance', 'my friend'])),
  metHere(person('hale', 'Mr. Hale', 'male', ['Hale', 'Mr. Ned Hale'])),
  metHere(person('patient', 'My patient', 'unknown', ['my patient'])),
];

const chapter = [
  'A young man was waiting for me in my consulting-room, pale, with a handkerchief wrapped round one hand. His ' +
    'card read Mr. Ned Hale, engineer.',
  '"I am sorry to call so early," said he, "but I have had a serious accident in the night."',
  'I dressed the wound as well as I could, and then told him of my friend Vance.',
  '"Oh, I have heard of him," answered my visitor, "and I should be glad to see him."',
  '"Then we shall go together."',
  'Vance was at breakfast when we came in, and he rose to greet us.',
  '"It is plain that your night has been no common one, Mr. Hale," said Vance. "Pray sit down there."',
  '"Thank you," said my patient, "I shall take up as little of your time as I can."',
  '"Take all the time you need."',
  '"Well, I had better begin at the beginning. Yesterday a tall man came to my office."',
  '"A tall man?"',
  '"Very tall, and very thin."',
].join('\n\n');

describe('a description first met in the chapter that answers to a name', () => {
  const lines = attributedDialogue(chapter, cast, 'en');
  const speakerOf = (quote: string) => lines.find((line) => line.text.includes(quote))!;

  it('is the person named', () => {
    expect(speakerOf('Thank you').speakerId).toBe('hale');
    expect(speakerOf('better begin at the beginning').speakerId).toBe('hale');
    expect(lines.some((line) => line.speakerId === 'patient')).toBe(false);
  });

  it('leaves "answered my visitor" to that person', () => {
    expect(speakerOf('I have heard of him').speakerId).toBe('hale');
  });
});

describe('a description answering a line that called nobody by name', () => {
  const metHereToo = (character: Character): Character => ({
    ...character,
    firstAppearance: { chapterId: 'c', offset: 0 },
  });
  const family = [
    metHereToo(person('artur', 'Seu Artur', 'male', ['seu Artur', 'Artur'])),
    metHereToo(person('helena', 'Helena', 'female', ['dona Helena'])),
    metHereToo(person('velho', 'O velho', 'male', ['o velho'])),
  ];
  const scene = [
    'Seu Artur bateu palmas no portão e entregou a encomenda a Helena.',
    '— É para a senhora, dona Helena.',
    '— Obrigada, seu Artur.',
    'Helena levou a caixa para a cozinha, onde o pai lia o jornal.',
    '— O senhor não abre isso, pai.',
    '— Abro, sim, que a casa é minha — disse o velho.',
  ].join('\n\n');

  it('is not the one a kinship word or a word of address only points to', () => {
    const line = attributedDialogue(scene, family, 'pt').find((segment) => segment.text.includes('Abro, sim'))!;
    expect(line.speakerId).toBe('velho');
  });
});
