import { segmentChapter, type Segment } from '../../core/planning/segmentation';

const view = (segments: Segment[]) => segments.map((s) => [s.text.trim(), s.boundaryBefore]);

function segmented(text: string, language: string): Segment[] {
  const segments = segmentChapter(text, { language });
  expect(segments.map((s) => s.text).join('')).toBe(text);
  return segments;
}

/** Hard-wraps prose at `width` columns, as a Gutenberg file does. */
function wrapped(prose: string, width = 70): string {
  const lines: string[] = [];
  let line = '';
  for (const word of prose.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

const PROSE =
  'It was a bright cold day in the valley, and the people of the town had come down to the river to see the ice ' +
  'break. Mr Kernan stood among them with his hands in his pockets and watched the water, which was grey and ' +
  'swollen and carried whole trees along with it, turning them slowly as it went. He thought of the summer, when ' +
  'the same river had been so low that the children walked across it, and of the long evenings on the bank.';

describe('segmentation: a line printed on its own is read on its own', () => {
  it('a cast list in a chapter printing each paragraph on one line: one segment a name', () => {
    const text =
      'DRAMATIS PERSONAE\n\nTOBIAS, a lantern-maker\nMARGERY, his daughter\nTHE STRANGER\nA WATCHMAN\n\n' +
      'TOBIAS. Another night, and still the glass will not take the flame. I have blown it thin and blown it ' +
      'thick, and every time it cracks before the oil is warm.\n\n' +
      'MARGERY. Then leave it, father. The town has lanterns enough, and you have not eaten since the bells rang.';
    const segments = segmented(text, 'en');
    expect(view(segments).slice(1, 5)).toEqual([
      ['TOBIAS, a lantern-maker', 'paragraph'],
      ['MARGERY, his daughter', 'sentence'],
      ['THE STRANGER', 'sentence'],
      ['A WATCHMAN', 'sentence'],
    ]);
  });

  it("a letter's closing in a chapter of one line a paragraph: the name is its own sentence", () => {
    const text =
      'I write in haste, for the coach leaves at six and I would not have you hear the news from anyone else. ' +
      'We are all well.\n\nYours truly,\nJohn Smith';
    expect(view(segmented(text, 'en')).slice(-2)).toEqual([
      ['Yours truly,', 'paragraph'],
      ['John Smith', 'sentence'],
    ]);
  });

  it('hard-wrapped prose stays one run, while verse set in it is read line by line', () => {
    const prose = wrapped(PROSE);
    const verse = 'The plough goes down the furrow,\nThe gulls come down behind;\nThe seed goes in the darkness';
    const text = `${prose}\n\n${verse}\n\n${prose}\n\n${prose}`;
    const segments = segmented(text, 'en');
    expect(segments.filter((s) => s.text.includes('Mr Kernan')).map((s) => s.text.trim())).toEqual([
      prose,
      prose,
      prose,
    ]);
    expect(view(segments).slice(1, 4)).toEqual([
      ['The plough goes down the furrow,', 'paragraph'],
      ['The gulls come down behind;', 'sentence'],
      ['The seed goes in the darkness', 'sentence'],
    ]);
  });

  it('hard-wrapped prose whose lines all open with a capital is no list', () => {
    const prose = wrapped(PROSE);
    const capitals =
      'Mr Kernan seemed to be troubled in mind. He made an effort to recall the\n' +
      'Protestant theology on some thorny points and in the end addressed Mr\n' +
      'Cunningham.';
    const text = `${prose}\n\n${capitals}\n\n${prose}`;
    expect(segmented(text, 'en').map((s) => s.text.trim())).toEqual([prose, capitals, prose]);
  });

  it('a word cut by a hyphen at the end of a line is never a line of its own', () => {
    const text =
      'The door opened.\n\nIt was the Anglo-\nSaxon chronicle, open on the table at the page she had marked.';
    expect(segmented(text, 'en')).toHaveLength(2);
  });

  it('Portuguese: a contents list in a chapter of its own is read item by item', () => {
    const text =
      'ÍNDICE\n\n             I    Obito do autor\n            II    O emplasto\n           III    Genealogia\n';
    expect(view(segmentChapter(text, { language: 'pt', headingText: 'ÍNDICE' }))).toEqual([
      ['ÍNDICE', 'chapter_head'],
      ['I    Obito do autor', 'paragraph'],
      ['II    O emplasto', 'sentence'],
      ['III    Genealogia', 'sentence'],
    ]);
  });

  it('Spanish: a numbered list and a verse quoted in dialogue keep their lines, and their kinds', () => {
    const text =
      'Las notas del editor son estas:\n1. El faro es imaginario.\n2. El correo dejó de pasar en 1958.\n\n' +
      '«Volverán las oscuras golondrinas\nEn tu balcón sus nidos a colgar», recitó ella.';
    expect(segmented(text, 'es').map((s) => [s.kind, s.text.trim(), s.boundaryBefore])).toEqual([
      ['narration', 'Las notas del editor son estas:', 'chapter_head'],
      ['narration', '1. El faro es imaginario.', 'sentence'],
      ['narration', '2. El correo dejó de pasar en 1958.', 'sentence'],
      ['dialogue', '«Volverán las oscuras golondrinas', 'paragraph'],
      ['dialogue', 'En tu balcón sus nidos a colgar»,', 'sentence'],
      ['narration', 'recitó ella.', 'dialogue_turn'],
    ]);
  });
});
