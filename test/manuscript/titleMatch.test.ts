import { sameTitle, TitleIndex } from '../../core/manuscript/titleMatch';

/** The index answers exactly what comparing a title with every indexed title one by one answers. */
describe('TitleIndex', () => {
  const titles = [
    'COUNTERPARTS',
    'The Sisters',
    'Stave I: Marley’s Ghost',
    'Capítulo primero. Que trata de la condición del famoso hidalgo',
    'A',
    'Chapter 12',
    '***',
  ];
  const queries = [
    'Couterparts',
    'COUNTERPART',
    'Counterparts!!',
    'THE SISTERS',
    'The Sister',
    'STAVE I: MARLEY’S GHOST',
    'Stave   I: Marleys Ghost',
    'Stave II: The First of the Three Spirits',
    'Capitulo primero: que trata de la condicion del famoso hidalgo',
    'Capitulo primeiro. Que trata da condição do famoso fidalgo',
    'a',
    'B',
    'Chapter 13',
    'Chapter 12.',
    '',
    '— —',
    'An entirely different line of prose that names nothing.',
  ];

  it.each(queries)('"%s"', (query) => {
    const index = new TitleIndex();
    titles.forEach((title, position) => index.add(title, position));
    const matching = titles.flatMap((title, position) => (sameTitle(title, query) ? [position] : []));
    expect(index.has(query)).toBe(matching.length > 0);
    expect(index.latest(query)).toBe(matching.length > 0 ? Math.max(...matching) : -1);
  });

  it('keeps the furthest position of a title added more than once', () => {
    const index = new TitleIndex();
    index.add('THE DEAD', 4);
    index.add('The Dead', 90);
    index.add('the dead', 12);
    expect(index.latest('The Dead.')).toBe(90);
  });
});
