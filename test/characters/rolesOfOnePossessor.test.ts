/**
 * A speaking role written with one person's possessive ("said Hale's nephew", "disse o sobrinho de Cubas") and with
 * the article ("said the nephew", "disse o sobrinho") is one record when the book gives that noun to one possessor
 * only and their genders agree; with two possessors ("Hale's wife", "Reed's wife") "the wife" stays its own record,
 * and so does a bare role of the other gender. Small books written for the purpose.
 */
import { chapters, castOf } from './smallBooks';

const ONE_POSSESSOR = chapters(
  'en',
  [
    'Old Hale sat by the fire when the door flew open.',
    '',
    '"A merry Christmas, uncle!" cried Hale\'s nephew.',
    '',
    '"Bah," said Hale. "Humbug."',
    '',
    '"Don\'t be cross, uncle!" said the nephew.',
    '',
    '"What else can I be?" said Hale.',
    '',
    '"Come and dine with us tomorrow," said the nephew.',
    '',
    '"Good afternoon," said Hale, and Hale\'s nephew went out laughing.',
  ].join('\n'),
);

const TWO_POSSESSORS = chapters(
  'en',
  [
    'Hale and Reed came home together from the market.',
    '',
    '"You are late," said Hale\'s wife.',
    '',
    '"The roads were bad," said Hale.',
    '',
    '"Sit down, both of you," said Reed\'s wife.',
    '',
    '"Supper is cold," said the wife.',
    '',
    '"Then we shall eat it cold," said Reed, and the wife laughed.',
    '',
    '"As you like," said the wife.',
  ].join('\n'),
);

const CHILD_OF_EACH_GENDER = chapters(
  'en',
  [
    'Hale sat by the fire when the door flew open.',
    '',
    '"Good evening, father!" said Hale\'s child. She shook the snow from her hat.',
    '',
    '"Come in," said Hale.',
    '',
    '"Is there soup?" said the child. He looked at the pot.',
    '',
    '"There is," said Hale.',
    '',
    '"Then I shall have some," said the child. He sat down by the fire.',
    '',
    '"Sit closer," said Hale\'s child. She smiled.',
  ].join('\n'),
);

const PORTUGUESE = chapters(
  'pt',
  [
    'Cubas estava à janela quando a porta se abriu.',
    '',
    '— Bom dia, tio! — disse o sobrinho de Cubas.',
    '',
    '— Bom dia — disse Cubas.',
    '',
    '— Não fique zangado, tio! — disse o sobrinho.',
    '',
    '— Que mais posso ser? — disse Cubas.',
    '',
    '— Venha jantar conosco amanhã — disse o sobrinho.',
  ].join('\n'),
);

const SPANISH = chapters(
  'es',
  [
    'Juan estaba en la cocina cuando entró la criada.',
    '',
    '—Buenos días, señor —dijo la criada de Juan.',
    '',
    '—Buenos días —dijo Juan.',
    '',
    '—¿Quiere café? —dijo la criada.',
    '',
    '—Sí, gracias —dijo Juan.',
    '',
    '—Aquí lo tiene —dijo la criada.',
  ].join('\n'),
);

const holding = (cast: ReturnType<typeof castOf>['cast'], noun: RegExp) =>
  cast.filter((character) => [character.name, ...character.aliases].some((form) => noun.test(form)));

describe('roles of one possessor', () => {
  it('joins the bare role to the one possessor’s role', () => {
    const { cast } = castOf(ONE_POSSESSOR);
    const nephews = cast.filter((character) =>
      [character.name, ...character.aliases].some((form) => /nephew/iu.test(form)),
    );
    expect(nephews).toHaveLength(1);
    expect(nephews[0].dialogueLineCount).toBe(3);
    const forms = [nephews[0].name, ...nephews[0].aliases].map((form) => form.toLowerCase());
    expect(forms).toEqual(expect.arrayContaining(["hale's nephew", 'the nephew']));
  });

  it('makes "o sobrinho de Cubas" and "o sobrinho", "la criada de Juan" and "la criada" one record', () => {
    const nephews = holding(castOf(PORTUGUESE).cast, /sobrinho/iu);
    expect(nephews).toHaveLength(1);
    expect(nephews[0].dialogueLineCount).toBe(3);
    const maids = holding(castOf(SPANISH).cast, /criada/iu);
    expect(maids).toHaveLength(1);
    expect(maids[0].dialogueLineCount).toBe(3);
  });

  it('leaves the bare role alone when its gender is not the possessed role’s', () => {
    const children = holding(castOf(CHILD_OF_EACH_GENDER).cast, /child/iu);
    expect(children.map((child) => [child.name, child.gender])).toEqual([
      ["Hale's child", 'female'],
      ['The child', 'male'],
    ]);
  });

  it('leaves the bare role alone when two people have one', () => {
    const { cast } = castOf(TWO_POSSESSORS);
    const wife = cast.find((character) => character.name.toLowerCase() === 'the wife');
    expect(wife).toBeDefined();
    expect(wife!.aliases.some((alias) => /['’]s wife/iu.test(alias))).toBe(false);
  });
});
