/**
 * A month or a day of the week is no name ("en julio", "In July Elizabeth walked"), unless the book tags it as a
 * speaker: then it is a given name ("—dijo Julio", "Julio Ñahui"). Small books written for the purpose.
 */
import { castOf, chapters } from './smallBooks';

const JULIO = chapters(
  'es',
  [
    'Rosa se asomó por la ventana y vio a Julio Ñahui, el novio que la abuela no aprobaba.',
    '',
    '—Buenos días, señora —dijo Julio desde el patio—. Le traigo las cajas.',
    '',
    '—Déjalas ahí —dijo Rosa.',
    '',
    '—¿Dónde las pongo? —preguntó Julio.',
    '',
    '—Al lado del ropero, muchacho. Tomás baja en julio.',
  ].join('\n'),
  [
    'El sábado siguiente Julio pasó la tarde en la bodega.',
    '',
    '—Listo —dijo Julio—. Ni un ratón entra ahora.',
    '',
    '—Gracias, hijo —dijo Rosa.',
  ].join('\n'),
);

const MONTH_ONLY = chapters(
  'es',
  [
    'Julio fue caluroso aquel año. Rosa volvió del mercado.',
    '',
    '—Qué calor —dijo Rosa—. En julio nunca llueve.',
    '',
    'Julio pasó, y en agosto Rosa viajó a la sierra, como cada año desde julio.',
  ].join('\n'),
);

const ENGLISH_MONTH = chapters(
  'en',
  [
    'In July Elizabeth walked to the village every day.',
    '',
    '"It is warm," said Elizabeth.',
    '',
    'On Monday Elizabeth stayed home, and in July she wrote to Jane.',
  ].join('\n'),
);

describe('months and days as names', () => {
  it('a month the book tags as a speaker is a given name, with its full name', () => {
    const { one, named } = castOf(JULIO);
    expect(named('Julio')).toHaveLength(1);
    expect(one('Julio')?.aliases).toContain('Julio Ñahui');
    expect(one('Julio')?.dialogueLineCount).toBeGreaterThanOrEqual(3);
    expect(one('Julio')?.gender).toBe('male');
  });

  it('a month written only as a date is nobody', () => {
    const { named } = castOf(MONTH_ONLY);
    expect(named('Julio')).toHaveLength(0);
    expect(named('Rosa')).toHaveLength(1);
  });

  it('a capitalised month before a name stays a date', () => {
    const { cast, named } = castOf(ENGLISH_MONTH);
    expect(named('Elizabeth')).toHaveLength(1);
    expect(cast.some((character) => /July|Monday/u.test([character.name, ...character.aliases].join(' ')))).toBe(false);
  });
});
