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

  it('finds every misprinted title on generated titles and lines, as comparing with each title does', () => {
    let state = 3;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
    const words = ['river', 'stone', 'house', 'the', 'of', 'a', 'night', 'Chapter', 'XII', '12', 'é', 'garden'];
    const phrase = () => Array.from({ length: 1 + Math.floor(next() * 7) }, () => pick(words)).join(' ');
    /** A misprint or a few: letters dropped, doubled or changed. */
    const misprint = (text: string) => {
      let result = text;
      for (let edits = Math.floor(next() * 4); edits > 0 && result.length > 0; edits--) {
        const at = Math.floor(next() * result.length);
        const change = pick(['drop', 'double', 'change']);
        if (change === 'drop') result = result.slice(0, at) + result.slice(at + 1);
        else if (change === 'double') result = result.slice(0, at) + result[at] + result.slice(at);
        else result = `${result.slice(0, at)}${pick(['x', 'e', ' ', 'o'])}${result.slice(at + 1)}`;
      }
      return result;
    };
    const titles = Array.from({ length: 300 }, phrase);
    const index = new TitleIndex();
    titles.forEach((title, position) => index.add(title, position));
    let misprintsFound = 0;
    for (let i = 0; i < 3000; i++) {
      const query = next() < 0.5 ? misprint(pick(titles)) : phrase();
      const matching = titles.flatMap((title, position) => (sameTitle(title, query) ? [position] : []));
      const latest = matching.length > 0 ? Math.max(...matching) : -1;
      const after = Math.floor(next() * titles.length);
      expect({
        query,
        latest: index.latest(query),
        has: index.has(query),
        after: index.hasAfter(query, after),
      }).toEqual({ query, latest, has: latest >= 0, after: matching.some((position) => position > after) });
      if (latest >= 0 && !titles.includes(query)) misprintsFound++;
    }
    // The generated lines do exercise the misprint search, not only exact titles.
    expect(misprintsFound).toBeGreaterThan(100);
  });

  it('keeps the furthest position of a title added more than once', () => {
    const index = new TitleIndex();
    index.add('THE DEAD', 4);
    index.add('The Dead', 90);
    index.add('the dead', 12);
    expect(index.latest('The Dead.')).toBe(90);
  });
});
