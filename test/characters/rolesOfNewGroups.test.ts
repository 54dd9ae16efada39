/**
 * A role that speaks once is a character when it is one of a group the narration has just brought in with a numeral
 * or a plural indefinite ("unos mercaderes toledanos" … "—replicó el mercader—"): a stranger of the scene. A role that
 * speaks once without such a group, with the group far back or in another chapter, brought in alone ("un mercader"),
 * or the narrator's own ("my assistant"), is still no character: most often another way of calling someone the book
 * names.
 */
import { castOf, chapters } from './smallBooks';

const PAGE = `${'El camino seguía entre encinas y olivos, y el sol de la mañana calentaba los campos. '.repeat(40)}\n\n`;

function spanish(introduction: string, between = ''): string {
  return [
    `Don Lope iba por el camino real cuando ${introduction} que iban a comprar seda a Murcia.`,
    '',
    between,
    '—¡Deténganse todos! —dijo don Lope—. Nadie pasa sin confesar que mi dama es la más hermosa.',
    '',
    '—Señor caballero —replicó el mercader—, no conocemos a esa señora.',
    '',
    '—Pues lo pagaréis —dijo don Lope.',
  ].join('\n');
}

const GROUP_ES = chapters('es', spanish('vio venir por él unos mercaderes toledanos'));
const GROUP_PT = chapters(
  'pt',
  [
    'Na estrada encontrámos dois almocreves com as suas bestas carregadas de sal.',
    '',
    '--Para onde vão vossemecês? perguntou o Cotrim.',
    '',
    '--Olhe que a ponte caiu, disse o almocreve. E seguiram caminho.',
    '',
    '--Então voltamos, disse o Cotrim.',
  ].join('\n'),
);
const GROUP_EN = chapters(
  'en',
  [
    'When Tom Reed came into the office two young clerks were bent over their ledgers.',
    '',
    '"Is Mr. Gray in?" asked Tom Reed.',
    '',
    '"Not till noon, sir," said the clerk, without looking up.',
    '',
    '"Then I shall wait," said Tom Reed.',
  ].join('\n'),
);

const EPITHET = chapters(
  'es',
  [
    'La señá Rosa, que era navarra, abrió la ventana. Rosa miró al camino.',
    '',
    '—¿Quién llama a estas horas? —dijo Rosa.',
    '',
    '—¡La Justicia! —gritó don Lope.',
    '',
    '—Voy a ver —dijo la intrépida navarra, y bajó.',
  ].join('\n'),
);
const FAR_BACK = chapters('es', spanish('vio venir por él unos mercaderes toledanos', PAGE));
const OTHER_CHAPTER = chapters(
  'es',
  'Don Lope vio venir por el camino unos mercaderes toledanos que iban a Murcia.',
  spanish('vio venir por él a la gente de Toledo'),
);
const ALONE = chapters('es', spanish('vio venir por él un mercader toledano'));
const NARRATORS_OWN = chapters(
  'en',
  [
    'I used to keep two assistants, but now I have only one, and he works for half wages.',
    '',
    '"This is Mr. Gray," said my assistant, "and he wishes to see you."',
    '',
    '"Show him in," said Tom Reed.',
  ].join('\n'),
);

const hasRole = (input: ReturnType<typeof chapters>, name: string) => castOf(input).cast.some((c) => c.name === name);

describe('a role that speaks once as one of a group just brought in', () => {
  it('casts the one who speaks for the group (es, pt, en)', () => {
    expect(castOf(GROUP_ES).one('El mercader')).toMatchObject({ gender: 'male', dialogueLineCount: 1 });
    expect(castOf(GROUP_PT).one('O almocreve')).toMatchObject({ gender: 'male', dialogueLineCount: 1 });
    expect(castOf(GROUP_EN).one('The clerk')).toMatchObject({ dialogueLineCount: 1 });
  });

  it('casts no role that speaks once without a group of its kind brought in just before', () => {
    expect(hasRole(EPITHET, 'La intrépida navarra')).toBe(false);
    expect(hasRole(FAR_BACK, 'El mercader')).toBe(false);
    expect(hasRole(OTHER_CHAPTER, 'El mercader')).toBe(false);
    expect(hasRole(ALONE, 'El mercader')).toBe(false);
  });

  it("casts none of the narrator's own people that way", () => {
    expect(hasRole(NARRATORS_OWN, 'My assistant')).toBe(false);
  });
});
