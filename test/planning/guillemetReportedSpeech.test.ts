/**
 * Inside a line in guillemets, a dash before a speech tag opens the tag as narration (`«Já vou — disse ele — mas
 * espera.»`), except when the tag ends in a colon before a quotation: then the line reports what someone said to its
 * speaker (`«O meu pai — disse-me: “Se fores, não voltes.” E eu fiquei.»`) and all of it is the speaker's.
 */
import { segmentChapter } from '../../core/planning/segmentation';

const view = (text: string, language: string) => {
  const segments = segmentChapter(text, { language });
  expect(segments.map((s) => s.text).join('')).toBe(text);
  return segments.map((s) => [s.kind, s.text.trim()]);
};

describe('segmentation: speech reported inside a line in guillemets', () => {
  it('keeps a tag before a nested quotation in the line', () => {
    const text = '«O teu avô — o meu pai — disse-me: “Se fores, não voltes.” E eu fiquei.»';
    expect(view(text, 'pt')).toEqual([['dialogue', text]]);
    const spanish = '«Mi abuelo —me dijo: “Si te vas, no vuelvas.” Y me quedé.»';
    expect(view(spanish, 'es')).toEqual([['dialogue', spanish]]);
  });

  it('still cuts out a tag between dashes, and one ending in a colon before more of the line', () => {
    expect(view('«Já vou — disse ele — mas espera.»', 'pt')).toEqual([
      ['dialogue', '«Já vou'],
      ['narration', '— disse ele —'],
      ['dialogue', 'mas espera.»'],
    ]);
    expect(view('«Olha — disse ela: — vem cá.»', 'pt')).toEqual([
      ['dialogue', '«Olha'],
      ['narration', '— disse ela: —'],
      ['dialogue', 'vem cá.»'],
    ]);
  });
});
