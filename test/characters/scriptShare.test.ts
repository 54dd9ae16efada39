/**
 * A chapter is read as a script by the share of its paragraphs that open with a speaker's label. The act's and
 * scene's headings and a closing line inside it are neither speeches nor prose, so a short act stays a script.
 */
import { isScript } from '../../core/characters/scriptLabels';

const prose = 'The wind came down from the hills and the whole village listened to it all night long.';

describe('the share of labelled paragraphs', () => {
  it('leaves an act heading, a scene heading and a closing line out of the share', () => {
    const shortAct = [
      'ACT II',
      'SCENE I. The workshop, at dawn.',
      'TOBIAS. It holds! Margery, come and see.',
      'MARGERY. And it sings, father.',
      'THE STRANGER. Then I will pay what I promised.',
      '[Exeunt.]',
      'THE END',
    ];
    expect(isScript(shortAct)).toBe(true);
    expect(isScript(['ACTO II', 'ESCENA PRIMERA', 'CENA 2', 'FIM', ...shortAct.slice(2, 5)])).toBe(true);
  });

  it('still reads prose with a few upper-case openings as prose', () => {
    const novel = ['NOTE. This edition follows the first.', prose, 'STOP. He ran.', prose, 'NOON. Calm.', prose, prose];
    expect(isScript(novel)).toBe(false);
    expect(isScript(['CHAPTER I', 'NOTE. One.', 'STOP. Two.', 'NOON. Three.', prose, prose, prose])).toBe(false);
  });
});
