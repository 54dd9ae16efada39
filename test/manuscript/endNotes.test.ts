import { parseManuscript } from '../../adapters/manuscript';
import { detectBookChapters } from '../../core/manuscript/chapters';
import { noteNumber } from '../../core/manuscript/endNotes';

const paragraph = (n: number) =>
  `Este es el párrafo ${n} de la historia, y sigue un buen rato para que el capítulo tenga algo de peso.`;
const detect = async (text: string) =>
  (await detectBookChapters(await parseManuscript(Buffer.from(text), { fileName: 'libro.txt' }), { language: 'es' }))
    .chapters;
const book = (chapters: string[]) => chapters.join('\n\n\n\n');

describe('end notes', () => {
  it.each([
    ['[1] Véase el primer capítulo.', 1],
    ['(2) Otra nota.', 2],
    ['3. Y otra más.', 3],
    ['4) Y otra.', 4],
    ['¹² Una nota alta.', 12],
    ['1850 fue un año seco.', undefined],
    ['I. El camino', undefined],
  ])('reads "%s" as note %s', (line, number) => {
    expect(noteNumber(line)).toBe(number);
  });

  it('a numbered list closing the story, whose marks the text does not carry, stays in the last chapter', async () => {
    const chapters = await detect(
      book([
        `CAPÍTULO I\n\n${paragraph(1)}`,
        `CAPÍTULO II\n\n${paragraph(2)}\n\nEl testamento decía:\n\n1. La casa, para mi hijo.\n\n2. La viña, para mi hija.`,
      ]),
    );
    expect(chapters.map((c) => [c.type, c.title])).toEqual([
      ['chapter', 'CAPÍTULO I'],
      ['chapter', 'CAPÍTULO II'],
    ]);
  });

  it('a notes heading inside the work, with new chapters after it, starts nothing', async () => {
    const chapters = await detect(
      book([
        `CAPÍTULO I\n\n${paragraph(1)}`,
        `CAPÍTULO II\n\n${paragraph(2)}\n\nNOTAS\n\n${paragraph(3)}`,
        `CAPÍTULO III\n\n${paragraph(4)}`,
      ]),
    );
    expect(chapters.map((c) => c.title)).toEqual(['CAPÍTULO I', 'CAPÍTULO II', 'CAPÍTULO III']);
  });

  it('notes grouped by chapter under "Cap. I." name the chapters headed "CAPÍTULO I": back matter, unspoken', async () => {
    const chapters = await detect(
      book([
        `CAPÍTULO I\n\n${paragraph(1)}[1]\n\n${paragraph(2)}`,
        `CAPÍTULO II\n\n${paragraph(3)}[2]\n\n${paragraph(4)}`,
        `NOTAS\n\nCap. I. [1] Véase la primera parte.\n\nCap. II. [2] Otra nota sobre el texto.`,
      ]),
    );
    expect(chapters.map((c) => [c.type, c.title, c.spoken])).toEqual([
      ['chapter', 'CAPÍTULO I', true],
      ['chapter', 'CAPÍTULO II', true],
      ['back_matter', 'NOTAS', false],
    ]);
  });
});
