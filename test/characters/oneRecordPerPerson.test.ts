/**
 * One person, one record: conventions by which books name the same person in several ways (a creature's title with
 * and without its article, a title shortened, "señor" before a given name, a name cut short in verse), and forms of
 * address that are nobody's name. Small books written for the purpose, in English, Spanish and Portuguese.
 */
import { chapters, castOf } from './smallBooks';

/** Creatures known by a title: "the White Rabbit" / "the Rabbit", "the Hatter" / "Hatter", and two men by role. */
const CREATURE_TITLES = chapters(
  'en',
  [
    '"Oh dear! I shall be late!" said the White Rabbit, and he hurried away down the hall.',
    '',
    '"Where are my gloves?" said the Rabbit, and he looked about him anxiously.',
    '',
    '"Late again," said the White Rabbit. "The Duchess will be savage."',
    '',
    '"My fan!" said the Rabbit.',
    '',
    '"Have some tea," said the Hatter, and he filled a cup.',
    '',
    '"No room!" said the Hatter.',
    '',
    '"Hatter, why is a raven like a writing-desk?" asked Mary. Hatter did not answer her.',
    '',
    '"It is going to rain," said the man at the gate.',
    '',
    '"It is," said the old man, and he went in. "I have seen it coming," said the man.',
    '',
    '"Sit down, old fellow," said the old man.',
  ].join('\n'),
);

/** A shorter title that ends two longer ones belongs to neither. */
const TWO_LONGER_TITLES = chapters(
  'en',
  [
    '"Move along," said the Red Knight. "Never," said the White Knight.',
    '',
    '"I am first," said the Red Knight. "You are not," said the White Knight.',
    '',
    '"Silence!" said the Knight. "Both of you," said the Knight.',
  ].join('\n'),
);

/** "Your Majesty", "Vuestra Majestad", "Vossa Excelência": ways of speaking to someone, never a person. */
const FORMS_OF_ADDRESS = {
  en: chapters(
    'en',
    [
      '"Your Majesty must pardon me," said Alice.',
      '',
      '"Pardon, your Majesty," said Alice again. "His Majesty is tired," said Mary.',
      '',
      '"Majesty, the tarts!" cried Mary. "Your Highness, the tarts!"',
      '',
      '"Majesty, please," said Alice. "Highness, please," said Mary.',
    ].join('\n'),
  ),
  es: chapters(
    'es',
    [
      '—Vuestra Majestad me perdone —dijo Rosa.',
      '',
      '—Su Señoría manda —respondió Rosa—. Majestad, yo me voy. Su Majestad no oye.',
      '',
      '—Majestad, vamos —dijo Rosa—. Y usted, Señoría, también.',
      '',
      '—Señoría, no —dijo Rosa.',
    ].join('\n'),
  ),
  pt: chapters(
    'pt',
    [
      '-- Vossa Excelência me perdoe, disse Rosa.',
      '',
      '-- Vossa Excelência manda, respondeu Rosa. Excelência, eu vou-me embora. Reverendíssimo, adeus.',
      '',
      '-- Excelência, adeus, disse Rosa. Reverendíssimo, adeus.',
    ].join('\n'),
  ),
};

/**
 * "señor" before a given name ("el señor Juan López", "señor Juan") is the same man as the full name; before a
 * surname ("el Sr. Gómez", "la Sra. Gómez") it still names a family, two people. A name cut short at the end of a
 * verse ("Dulcinea del Tobo-") is the whole name.
 */
const ROMANCE_SENOR = {
  es: chapters(
    'es',
    [
      'Entró el señor Juan López, que era alcalde del lugar.',
      '',
      '—Buenas noches —dijo el señor Juan López.',
      '',
      '—Buenas las tenga, señor Juan —respondió doña Dulcinea del Toboso.',
      '',
      '—¿Está el Sr. Gómez? —preguntó el Sr. Juan.',
      '',
      '—No está —dijo la Sra. Gómez—; salió con Dulcinea.',
      '',
      '—Aquí estoy —dijo el Sr. Gómez.',
    ].join('\n'),
    [
      'Cantaba el mozo: «Aquí lloró don Quijote ausencias de Dulcinea del Tobo-».',
      '',
      '—Bien cantado —dijo doña Dulcinea—. Y el Sr. Gómez también canta.',
    ].join('\n'),
  ),
  pt: chapters(
    'pt',
    [
      'Chegou o senhor José Dias, amigo da casa.',
      '',
      '-- Boa noite, senhor José, disse a Sra. Pádua.',
      '',
      '-- Boa noite, respondeu o senhor José Dias. O Sr. Pádua está?',
      '',
      '-- Não está, disse a Sra. Pádua.',
      '',
      '-- Estou aqui, disse o Sr. Pádua.',
    ].join('\n'),
  ),
};

/**
 * A rank with a full name ("Lord Robert St. Simon") and with the surname alone ("Lord St. Simon"); a Saint name
 * broken at a line's end ("Mr. Neville St.⏎Clair") or cut off in speech ("Mr. Neville St.--").
 */
const RANKS_AND_SAINTS = chapters(
  'en',
  [
    'Lord Robert St. Simon arrived at noon. "I have come about my wife," said Lord St. Simon.',
    '',
    '"Sit down," said Holmes. "Thank you," said Lord Robert St. Simon, and he sat.',
    '',
    'Mr. Neville St. Clair had gone to town. Nobody had seen Mr. Neville St.',
    'Clair since. "Was it Mr. Neville St.-- Oh, never mind," said Holmes.',
    '',
    '"I am Mr. Neville St. Clair," said the prisoner at last.',
  ].join('\n'),
);

/** "Lady Catherine de Bourgh" keeps her rank: a bare "Catherine" of the chapter is Catherine Bennet. */
const RANK_AND_NAMESAKE = chapters(
  'en',
  [
    'Lady Catherine de Bourgh arrived with Catherine Bennet. "Good morning," said Lady Catherine.',
    '',
    '"Good morning," said Catherine, and she curtsied. "Sit," said Lady Catherine de Bourgh.',
    '',
    '"Thank you," said Catherine.',
  ].join('\n'),
);

/**
 * A given name nearly always written with one kind of title ("tío Lucas"), once with another ("D. Lucas"): the bare
 * "Lucas" is the same man. With two kinds used alike ("tio João", "D. João") in a book that names two Joãos in full,
 * they stay two people.
 */
const DOMINANT_TITLE = chapters(
  'es',
  [
    'El tío Lucas era molinero. El tío Lucas madrugaba, y el tío Lucas trabajaba.',
    '',
    '—Buenos días —dijo el tío Lucas—. ¿Viene usted, Sr. D. Lucas? —preguntó Garduña con burla.',
    '',
    '—Voy —respondió el tío Lucas. Lucas salió al camino, y Lucas miró el cielo.',
    '',
    '—Llueve —dijo Lucas.',
  ].join('\n'),
);
const TWO_TITLE_KINDS = chapters(
  'pt',
  [
    'O tio João Ribeiro chegou cedo. O tio João trazia doces, e o tio João ria.',
    '',
    'D. João Fagundes, o rei, passou pela rua. D. João ia de carruagem; D. João acenou.',
    '',
    '-- Bom dia, disse o tio João.',
    '',
    '-- Bom dia, disse D. João.',
  ].join('\n'),
);

/** The narration says who a speaking role is: a naming clause, a role before the name, a role in apposition. */
const NAMED_ROLES = {
  es: chapters(
    'es',
    [
      'Llamó a su amigo el barbero maese Nicolás, y vino también el cura.',
      '',
      '—¿Qué le parece, señor licenciado Tomás Gil —que así se llamaba el cura—, de la desgracia? —dijo el barbero.',
      '',
      '—Que no tiene remedio —respondió el cura.',
      '',
      '—Pues yo digo que sí —replicó el barbero.',
      '',
      '—Ya veremos —dijo el cura.',
    ].join('\n'),
  ),
  en: chapters(
    'en',
    [
      'At the mill we found John Hale, the miller of the village. He waved at us.',
      '',
      '"Good day," said the miller. "Good day to you," said Tom.',
      '',
      '"Will it rain?" asked Tom. "It will," said the miller.',
    ].join('\n'),
  ),
  pt: chapters(
    'pt',
    [
      'Veio o padre Cabral, e com ele Antônio Dutra (tal era o nome do boticário), que não tirava o chapéu.',
      '',
      '-- Boa tarde, disse o boticário.',
      '',
      '-- Boa tarde, respondeu o padre Cabral. Não chove?',
      '',
      '-- Há de chover, disse o boticário.',
    ].join('\n'),
  ),
};

/** Two people named as the same role, or a role whose gender is not the name's: nothing joins. */
const AMBIGUOUS_ROLES = chapters(
  'en',
  [
    'We met John Hale, the miller of the village, and later Peter Grey, the miller of the next one.',
    '',
    '"Good day," said the miller. "Good day," said the miller again.',
    '',
    'Then came Mary Stone, the widow of the baker. "Sit down," said the widow. "Thank you," said the widow.',
    '',
    'And Mr. Robert Lane, the cook, came too. "Supper!" said the cook. "At last," said the cook, and she sat.',
  ].join('\n'),
);

/** A role that speaks where the person the narration later names as that role is nowhere: someone else. */
const ROLE_IN_ANOTHER_SCENE = chapters(
  'es',
  [
    '—Dame el dinero —dijo el labrador.',
    '',
    '—No lo tengo —respondió Andrés.',
    '',
    '—Pues págame —dijo el labrador.',
  ].join('\n'),
  [
    'Buscó a un labrador vecino suyo. Sancho Panza, que así se llamaba el labrador, dejó su casa.',
    '',
    '—Aquí estoy —dijo Sancho Panza.',
  ].join('\n'),
);

/** A naming clause wrapped over two lines, the role speaking where the man is named. */
const WRAPPED_NAMING = chapters(
  'es',
  [
    'Decían que el tío Lucas (tal era el nombre del',
    'molinero) ahorraba mucho. El tío Lucas reía.',
    '',
    '—Buenas tardes —dijo el molinero.',
    '',
    '—Buenas —respondió Garduña.',
    '',
    '—Pase usted —dijo el molinero.',
  ].join('\n'),
);

/** "the inspector" where one Inspector is named, and where two are. */
const TITLED_ROLES_BY_SCENE = {
  one: chapters(
    'en',
    [
      'Inspector Hale met us at the door. He was a stout man.',
      '',
      '"This way," said the inspector. "Mind the step," said the inspector, and he went first.',
    ].join('\n'),
  ),
  two: chapters(
    'en',
    [
      'Inspector Hale and Inspector Grey met us at the door.',
      '',
      '"This way," said the inspector. "Mind the step," said the inspector.',
    ].join('\n'),
  ),
};

/** A given name that is also a function word, after a title: "licenciado Pero Pérez", "Mr. Will Turner". */
const FUNCTION_WORD_GIVEN_NAMES = {
  es: chapters(
    'es',
    [
      '—¿Qué le parece, señor licenciado Pero Pérez —que así se llamaba el cura—? —preguntó la sobrina.',
      '',
      '—Que hay que quemarlos —dijo el cura.',
      '',
      '—Sea —respondió el cura.',
    ].join('\n'),
  ),
  en: chapters(
    'en',
    ['Mr. Will Turner came in. "Hello," said Mr. Will Turner.', '', '"Sit down," said Turner\'s wife.'].join('\n'),
  ),
};

describe('one person, one record', () => {
  it('reads a given name that is also a function word after a title ("licenciado Pero Pérez")', () => {
    const es = castOf(FUNCTION_WORD_GIVEN_NAMES.es);
    expect(es.one('el cura')).toBe(es.one('licenciado Pero Pérez'));
    expect(es.one('el cura')).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
    const en = castOf(FUNCTION_WORD_GIVEN_NAMES.en);
    expect(en.one('Mr. Will Turner')).toMatchObject({ gender: 'male', dialogueLineCount: 1 });
  });

  it('joins a role that is a title to the one person with that title named where it speaks', () => {
    const one = castOf(TITLED_ROLES_BY_SCENE.one);
    expect(one.one('the inspector')).toBe(one.one('Inspector Hale'));
    expect(one.one('Inspector Hale')).toMatchObject({ name: 'Inspector Hale', dialogueLineCount: 2 });
    const two = castOf(TITLED_ROLES_BY_SCENE.two);
    expect(two.one('the inspector')).toMatchObject({ name: 'The inspector', dialogueLineCount: 2 });
  });

  it('joins a role named by a clause wrapped over two lines', () => {
    const { one } = castOf(WRAPPED_NAMING);
    expect(one('el molinero')).toBe(one('tío Lucas'));
    expect(one('tío Lucas')).toMatchObject({ name: 'Tío Lucas', dialogueLineCount: 2 });
  });

  it('keeps a role apart from a person the narration names as that role only in another scene', () => {
    const { one } = castOf(ROLE_IN_ANOTHER_SCENE);
    expect(one('el labrador')).toMatchObject({ name: 'El labrador', dialogueLineCount: 2 });
    expect(one('Sancho Panza')).not.toBe(one('el labrador'));
  });

  it.each(['es', 'en', 'pt'] as const)('joins a speaking role to the name the narration gives it (%s)', (language) => {
    const { cast, one } = castOf(NAMED_ROLES[language]);
    const expected = {
      es: ['maese Nicolás', 'el barbero'],
      en: ['John Hale', 'the miller'],
      pt: ['Antônio Dutra', 'o boticário'],
    }[language];
    const person = one(expected[0]);
    expect(person).toBeDefined();
    expect(person.name).not.toMatch(/^(?:El|The|O) /u);
    expect(person.aliases).toContain(expected[1]);
    expect(person.dialogueLineCount).toBe(2);
    expect(person.gender).toBe('male');
    expect(cast.filter((c) => [c.name, ...c.aliases].includes(expected[1]))).toHaveLength(1);
  });

  it('joins the Spanish role of a naming clause written inside a line of dialogue', () => {
    const { one } = castOf(NAMED_ROLES.es);
    expect(one('el cura')).toBe(one('licenciado Tomás Gil'));
    expect(one('el cura').dialogueLineCount).toBe(2);
  });

  it("leaves a role apart when two people are named as it, or when its gender is not the name's", () => {
    const { one } = castOf(AMBIGUOUS_ROLES);
    expect(one('the miller')).toMatchObject({ name: 'The miller', dialogueLineCount: 2 });
    expect(one('the widow')).toBe(one('Mary Stone'));
    expect(one('the cook')).toMatchObject({ name: 'The cook', dialogueLineCount: 2 });
  });

  it('reads a bare given name as the person its one usual title names ("tío Lucas", once "D. Lucas")', () => {
    const { cast, one } = castOf(DOMINANT_TITLE);
    expect(cast.filter((c) => [c.name, ...c.aliases].some((form) => /Lucas/u.test(form)))).toHaveLength(1);
    expect(one('Lucas')).toBe(one('tío Lucas'));
    expect(one('tío Lucas')).toMatchObject({ gender: 'male', dialogueLineCount: 3 });
  });

  it('keeps two kinds of title used alike on a given name two full names share as two people', () => {
    const { one } = castOf(TWO_TITLE_KINDS);
    expect(one('tio João')).toBeDefined();
    expect(one('D. João')).toBeDefined();
    expect(one('tio João')).not.toBe(one('D. João'));
  });

  it('joins a rank with a full name to the rank with its surname; reads Saint names across a line break', () => {
    const { cast, named, one } = castOf(RANKS_AND_SAINTS);
    expect(named('Lord St. Simon')).toHaveLength(1);
    expect(one('Lord St. Simon')).toBe(one('Lord Robert St. Simon'));
    expect(one('Lord St. Simon')).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
    expect(cast.some((c) => [c.name, ...c.aliases].some((form) => /\bSt$/u.test(form)))).toBe(false);
    expect(cast.filter((c) => [c.name, ...c.aliases].some((form) => /Neville/u.test(form)))).toHaveLength(1);
  });

  it('keeps a rank with its person: a bare namesake is not "Lady Catherine"', () => {
    const { one } = castOf(RANK_AND_NAMESAKE);
    expect(one('Catherine')).toBe(one('Catherine Bennet'));
    expect(one('Catherine')).not.toBe(one('Lady Catherine'));
    expect(one('Lady Catherine')).toBe(one('Lady Catherine de Bourgh'));
  });

  it("joins a creature's title with and without its article, and a shorter title to the one longer one", () => {
    const { cast, named, one } = castOf(CREATURE_TITLES);
    expect(named('the Rabbit')).toHaveLength(1);
    expect(one('the Rabbit')).toBe(one('the White Rabbit'));
    expect(one('the Rabbit')).toMatchObject({ name: 'The White Rabbit', gender: 'male', dialogueLineCount: 4 });
    expect(named('Hatter')).toHaveLength(1);
    expect(one('Hatter')).toBe(one('the Hatter'));
    expect(one('the Hatter')).toMatchObject({ name: 'The Hatter', dialogueLineCount: 2 });
    // Common nouns never fold: "the man" and "the old man" are two people.
    expect(one('the man')).toBeDefined();
    expect(one('the old man')).toBeDefined();
    expect(one('the man')).not.toBe(one('the old man'));
    expect(cast.filter((c) => /Rabbit|Hatter/u.test(c.name))).toHaveLength(2);
  });

  it('keeps a shorter title apart when it ends two longer ones', () => {
    const { one } = castOf(TWO_LONGER_TITLES);
    expect(one('the Red Knight')).not.toBe(one('the White Knight'));
    expect(one('the Knight')).toBeDefined();
    expect(one('the Knight')).not.toBe(one('the Red Knight'));
    expect(one('the Knight')).not.toBe(one('the White Knight'));
  });

  it.each(['en', 'es', 'pt'] as const)('takes no form of address for a character (%s)', (language) => {
    const { cast } = castOf(FORMS_OF_ADDRESS[language]);
    const forms = cast.flatMap((c) => [c.name, ...c.aliases]);
    expect(forms.filter((form) => /Majest|Highness|Señoría|Excel|Reverend/u.test(form))).toEqual([]);
    expect(cast.some((c) => c.name === 'Alice' || c.name === 'Rosa')).toBe(true);
  });

  it('reads Spanish "señor" before a given name as that man, before a surname as a family', () => {
    const { named, one } = castOf(ROMANCE_SENOR.es);
    const { cast } = castOf(ROMANCE_SENOR.es);
    expect(cast.filter((c) => /Juan/u.test(c.name))).toHaveLength(1);
    expect(one('señor Juan')).toBe(one('señor Juan López'));
    expect(one('Sr. Juan')).toBe(one('señor Juan López'));
    expect(one('señor Juan López')).toMatchObject({ gender: 'male', dialogueLineCount: 2 });
    expect(one('Sr. Gómez')).toMatchObject({ gender: 'male', dialogueLineCount: 1 });
    expect(one('Sr. Gómez')).not.toBe(one('Sra. Gómez'));
    expect(one('Sra. Gómez').gender).toBe('female');
    expect(named('Dulcinea')).toHaveLength(1);
    expect(one('Dulcinea del Tobo')).toBe(one('doña Dulcinea'));
    expect(one('doña Dulcinea')).toMatchObject({ gender: 'female', dialogueLineCount: 2 });
  });

  it('reads Portuguese "senhor" before a given name as that man, before a surname as a family', () => {
    const { one } = castOf(ROMANCE_SENOR.pt);
    const { cast } = castOf(ROMANCE_SENOR.pt);
    expect(cast.filter((c) => /José/u.test(c.name))).toHaveLength(1);
    expect(one('senhor José')).toBe(one('senhor José Dias'));
    expect(one('senhor José Dias')).toMatchObject({ gender: 'male', dialogueLineCount: 1 });
    expect(one('Sra. Pádua')).toMatchObject({ gender: 'female', dialogueLineCount: 2 });
    expect(one('Sr. Pádua')).toMatchObject({ gender: 'male', dialogueLineCount: 1 });
    expect(one('Sr. Pádua')).not.toBe(one('Sra. Pádua'));
  });
});
