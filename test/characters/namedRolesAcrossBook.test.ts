/**
 * A role the narration sets beside a name ("la señá Rosa, la alegre, limpia y hermosa molinera,", "Martha Hale, the
 * widow,", "D. Rosa, a boa e alegre viúva,") is that person in the whole novel, also in chapters where the naming is
 * not: the cast holds one record with the role as an alias, and attribution run one chapter at a time gives "dijo la
 * molinera" to her. Never when the role stands beside two different names. Small books written for the purpose.
 */
import { attributeSpeakers } from '../../core/characters/attributeHeuristic';
import type { ChapterInput, Character } from '../../core/characters/character';
import { roleNamedAt } from '../../core/characters/roleNames';
import { segmentChapter } from '../../core/planning/segmentation';
import { chapters, castOf } from './smallBooks';

/** The apposition, its adjectives wrapped over a line, in a chapter where the role never speaks. */
const SPANISH_NOVEL = chapters(
  'es',
  [
    'Vivía en el molino la señá Rosa, la',
    'alegre, limpia y hermosa molinera, que sabía guisar y coser. Su marido, el tío Blas, la quería mucho.',
  ].join('\n'),
  [
    'Aquella tarde la señá Rosa salió a la puerta y vio llegar al tío Blas.',
    '',
    '—¿Ya vienes? —dijo la molinera.',
    '',
    '—Ya vengo —respondió el tío Blas.',
    '',
    '—Pues pasa, que hace frío —dijo la molinera.',
  ].join('\n'),
);

const ENGLISH_NOVEL = chapters(
  'en',
  'By the bridge lived Martha Hale, the widow, who kept the inn. Tom Reed brought her the corn every week.',
  [
    'Tom Reed came up the lane and found Martha Hale at the door.',
    '',
    '"Come in," said the widow. "It is cold," said Tom Reed.',
    '',
    '"Sit by the fire," said the widow.',
  ].join('\n'),
);

const PORTUGUESE_NOVEL = chapters(
  'pt',
  'Morava ali D. Rosa, a boa e alegre viúva, com a filha. O Paulo ia vê-la aos domingos.',
  [
    'D. Rosa abriu a porta ao Paulo.',
    '',
    '-- Entre, disse a viúva.',
    '',
    '-- Obrigado, respondeu o Paulo.',
    '',
    '-- Sente-se, disse a viúva.',
  ].join('\n'),
);

/** The role set before the name ("la molinera, la señá Rosa,"), and the narrator's own people ("my aunt, Mrs. Reed,"). */
const ROLE_BEFORE_THE_NAME = {
  es: chapters(
    'es',
    'Junto al río vivía la molinera, la señá Rosa, que sabía guisar y coser. El tío Blas la quería mucho.',
    [
      'Aquella tarde la señá Rosa salió a la puerta y vio llegar al tío Blas.',
      '',
      '—¿Ya vienes? —dijo la molinera.',
      '',
      '—Ya vengo —respondió el tío Blas.',
      '',
      '—Pues pasa, que hace frío —dijo la molinera.',
    ].join('\n'),
  ),
  en: chapters(
    'en',
    'In those years my aunt, Mrs. Reed, kept the house by the bridge, and I lived with her.',
    [
      'When I came home Mrs. Reed was at the door.',
      '',
      '"Come in," said my aunt. "It is cold," said I.',
      '',
      '"Sit by the fire," said my aunt.',
    ].join('\n'),
  ),
};

/** "minha mãe, D. Rosa," names the narrator's mother, not "a mãe" of another family. */
const NARRATORS_MOTHER = chapters(
  'pt',
  'Naquele tempo minha mãe, D. Rosa, vivia na casa velha com o tio Paulo.',
  [
    'D. Rosa estava à janela quando cheguei.',
    '',
    '-- Entra, disse minha mãe.',
    '',
    '-- Já vou, respondi.',
    '',
    '-- Anda depressa, disse minha mãe.',
  ].join('\n'),
  [
    'D. Rosa foi à casa da Clara, que estava com a mãe à porta.',
    '',
    '-- Boa tarde, disse a mãe.',
    '',
    '-- Boa tarde, respondeu D. Rosa.',
    '',
    '-- Entre, entre, disse a mãe.',
  ].join('\n'),
);

/** The same role set beside two names, in two chapters: it is neither of them. */
const TWO_WIDOWS = chapters(
  'en',
  'By the bridge lived Martha Hale, the widow, who kept the inn.',
  'On the hill lived Jane Cole, the widow, who kept the farm.',
  [
    'By the fire sat Martha Hale and Jane Cole with Tom Reed.',
    '',
    '"Come in," said the widow. "It is cold," said Tom Reed.',
    '',
    '"Sit down," said the widow.',
  ].join('\n'),
);

function linesOf(chapter: ChapterInput, cast: Character[]): { text: string; speaker: string }[] {
  const segments = segmentChapter(chapter.text).map((segment) => ({
    id: `s${segment.index}`,
    kind: segment.kind,
    text: segment.text,
    chapterId: chapter.id,
    index: segment.index,
    boundaryBefore: segment.boundaryBefore,
  }));
  const labels = attributeSpeakers(segments, cast);
  return segments
    .map((segment, index) => ({ segment, speaker: labels[index].speakerId }))
    .filter(({ segment }) => segment.kind === 'dialogue')
    .map(({ segment, speaker }) => ({ text: segment.text.trim(), speaker }));
}

describe('a role named beside a person, across the whole book', () => {
  it.each([
    ['es', SPANISH_NOVEL, 'señá Rosa', 'la molinera'],
    ['en', ENGLISH_NOVEL, 'Martha Hale', 'the widow'],
    ['pt', PORTUGUESE_NOVEL, 'D. Rosa', 'a viúva'],
  ] as const)('folds the role into the name in every chapter (%s)', (_language, book, name, role) => {
    const { cast, one, named } = castOf(book);
    const person = one(name);
    expect(person).toBeDefined();
    expect(person.name).not.toMatch(/^(?:La|The|A) /u);
    expect(person.aliases).toContain(role);
    expect(person).toMatchObject({ gender: 'female', dialogueLineCount: 2 });
    expect(named(role)).toHaveLength(1);
    expect(cast.filter((c) => c.name.toLowerCase() === role)).toHaveLength(0);
  });

  it.each([
    ['es', ROLE_BEFORE_THE_NAME.es, 'señá Rosa', 'la molinera'],
    ['en', ROLE_BEFORE_THE_NAME.en, 'Mrs. Reed', 'my aunt'],
  ] as const)('folds a role set before the name, a comma between (%s)', (_language, book, name, role) => {
    const { one, named } = castOf(book);
    expect(one(name)).toBeDefined();
    expect(one(name).aliases).toContain(role);
    expect(one(name)).toMatchObject({ gender: 'female', dialogueLineCount: 2 });
    expect(named(role)).toHaveLength(1);
  });

  it("folds the narrator's own role into the name beside it, and no one else's role with the same noun", () => {
    const { one } = castOf(NARRATORS_MOTHER);
    expect(one('minha mãe')).toBe(one('D. Rosa'));
    expect(one('D. Rosa').aliases).toContain('minha mãe');
    expect(one('a mãe')).toMatchObject({ name: 'A mãe', dialogueLineCount: 2 });
  });

  it('gives the role\'s lines to the person when a chapter is attributed on its own ("dijo la molinera")', () => {
    const { cast, one } = castOf(SPANISH_NOVEL);
    const rosa = one('señá Rosa').id;
    const lines = linesOf(SPANISH_NOVEL[1], cast);
    expect(lines.find((line) => line.text.includes('¿Ya vienes?'))?.speaker).toBe(rosa);
    expect(lines.find((line) => line.text.includes('Pues pasa'))?.speaker).toBe(rosa);
    expect(lines.find((line) => line.text.includes('Ya vengo'))?.speaker).not.toBe(rosa);
  });

  it('leaves a role apart when the narration sets it beside two different names', () => {
    const { one } = castOf(TWO_WIDOWS);
    expect(one('the widow')).toMatchObject({ name: 'The widow', dialogueLineCount: 2 });
    expect(one('Martha Hale')).not.toBe(one('the widow'));
    expect(one('Jane Cole')).not.toBe(one('the widow'));
  });
});

describe('reading an apposition', () => {
  const named = (text: string, name: string, language: 'en' | 'es' | 'pt') => {
    const start = text.indexOf(name);
    return roleNamedAt(text, start, start + name.length, language, true)?.nouns ?? [];
  };

  it('reads the role noun after its adjectives, commas and "and" between them', () => {
    expect(named('la señá Rosa, la\nalegre, limpia y hermosa molinera, sabía coser', 'Rosa', 'es')).toContain(
      'molinera',
    );
    expect(named('Martha Hale, the tall and quiet widow, kept the inn', 'Martha Hale', 'en')).toContain('widow');
    expect(named('John Hale, the miller of the village, waved', 'John Hale', 'en')).toEqual(['miller']);
  });

  it('ends the description at any other function word: a clause is no apposition', () => {
    expect(named('marchó con Pedro, cuando la afligida molinera, que lloraba', 'Pedro', 'es')).toEqual([]);
    expect(named('He saw Tom Reed, who met the widow, at noon', 'Tom Reed', 'en')).toEqual([]);
  });

  it('ignores a last noun after which a list goes on', () => {
    expect(named('Martha Hale, the widow, and the miller came', 'Martha Hale', 'en')).toEqual([]);
    expect(named('llegaron el barbero, maese Nicolás, y el cura', 'maese Nicolás', 'es')).toEqual([]);
  });

  it("names the narrator's own people by the whole phrase, before or after the name", () => {
    expect(named('minha mãe, D. Rosa, vivia ali', 'D. Rosa', 'pt')).toEqual(['minha mae']);
    expect(named('vivia ali D. Rosa, a minha boa mãe, com o tio', 'D. Rosa', 'pt')).toEqual(['minha mae']);
    expect(named('there Mrs. Reed, my aunt, lived', 'Mrs. Reed', 'en')).toEqual(['my aunt']);
  });

  it('reads no apposition in a line of dialogue, where a comma after a name is a vocative', () => {
    const text = 'Pedro, amigo, ven aquí';
    expect(roleNamedAt(text, 0, 'Pedro'.length, 'es', false)).toBeNull();
  });
});
