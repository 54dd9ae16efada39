/**
 * A full given name and its familiar form ("Francisco", "Paco"; "Elizabeth", "Lizzy") written in one chapter are one
 * person, unless both speak in tags of one chapter: two speakers of one scene are two people, whatever their names
 * have in common. Small books written for the purpose.
 */
import { castOf, chapters } from './smallBooks';

describe('familiar forms and full given names', () => {
  it('keeps a "Francisco" and a "Paco" who both speak in one chapter apart', () => {
    const { named, one } = castOf(
      chapters(
        'es',
        [
          'Francisco era el molinero del pueblo, y Paco, el hijo de la Juana, le ayudaba con los sacos.',
          '—Trae la harina —dijo Francisco.',
          '—Ya voy —dijo Paco.',
          '—Date prisa, que llueve —dijo Francisco.',
          '—Siempre llueve —dijo Paco.',
        ].join('\n\n'),
      ),
    );
    expect(one('Francisco')).toBeDefined();
    expect(one('Paco')).toBeDefined();
    expect(named('Francisco')).not.toContain(one('Paco'));
  });

  it('still joins a familiar form to its full name when they never speak in one chapter together', () => {
    const { named, one } = castOf(
      chapters(
        'en',
        [
          'Elizabeth walked to the window.',
          '"It is raining," said Lizzy.',
          '"It always rains," said Mr. Bennet.',
          '"Then we stay at home," said Lizzy.',
        ].join('\n\n'),
        ['"Good morning," said Elizabeth.', '"Good morning, my dear," said Mr. Bennet.'].join('\n\n'),
      ),
    );
    expect(named('Lizzy')).toHaveLength(1);
    expect(one('Lizzy')).toBe(one('Elizabeth'));
  });
});
