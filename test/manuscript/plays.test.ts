import { parseManuscript } from '../../adapters/manuscript';
import { detectBookChapters } from '../../core/manuscript/chapters';

const speeches = (count: number, from = 0) =>
  Array.from(
    { length: count },
    (_, i) =>
      `${['HAMLET.', 'HORATIO.'][i % 2]} Speech ${from + i}, of the night and the cold, and the ghost upon the walls.`,
  ).join('\n\n');
const detect = async (text: string, fileName = 'play.txt') =>
  detectBookChapters(await parseManuscript(Buffer.from(text), { fileName, language: 'en' }), { language: 'en' })
    .chapters;

describe('plays', () => {
  it('an act heading that opens its first scene on the same line names the act, its scenes read on inside it', async () => {
    const play = [
      `ACT I. SCENE I. Elsinore. A platform before the castle.\n\n${speeches(4)}`,
      `SCENE II. A room of state in the castle.\n\n${speeches(4, 4)}`,
      `ACT II. SCENE I. A room in Polonius's house.\n\n${speeches(4, 8)}`,
    ].join('\n\n\n\n');
    const chapters = await detect(play);
    expect(chapters.map((c) => [c.type, c.title, c.headingText])).toEqual([
      ['chapter', 'ACT I', 'ACT I. SCENE I. Elsinore. A platform before the castle.'],
      ['chapter', 'ACT II', "ACT II. SCENE I. A room in Polonius's house."],
    ]);
  });

  it('reads the acts of a play with heading styles the same way (Markdown)', async () => {
    const play = [
      '# The Watch',
      `## ACT I\n\n### SCENE I. The walls.\n\n${speeches(3)}\n\n### SCENE II. The hall.\n\n${speeches(3, 3)}`,
      `## ACT II\n\n### SCENE I. The walls again.\n\n${speeches(3, 6)}`,
    ].join('\n\n');
    const chapters = await detect(play, 'play.md');
    expect(chapters.filter((c) => c.spoken).map((c) => [c.type, c.title])).toEqual([
      ['chapter', 'ACT I'],
      ['chapter', 'ACT II'],
    ]);
  });

  it('a novel whose parts are called acts, over chapters, keeps them as parts', async () => {
    const novel = [1, 2].map((n) => `ACT ${n}\n\n\n\nCHAPTER ${n}\n\n${speeches(2, n * 10)}`).join('\n\n\n\n');
    expect((await detect(novel)).map((c) => [c.type, c.title])).toEqual([
      ['part', 'ACT 1'],
      ['chapter', 'CHAPTER 1'],
      ['part', 'ACT 2'],
      ['chapter', 'CHAPTER 2'],
    ]);
  });
});
