import { segmentChapter, type Segment } from '../../core/planning/segmentation';

const view = (segments: Segment[]) => segments.map((s) => [s.kind, s.text.trim(), s.boundaryBefore]);

function segmented(text: string, language: string): Segment[] {
  const segments = segmentChapter(text, { language });
  expect(segments.map((s) => s.text).join('')).toBe(text);
  return segments;
}

describe('segmentation: a run of dashes standing for a name or a word stays in its sentence', () => {
  it('English narration: a blank before a possessive opens no quotation, nor does any other blank', () => {
    const text =
      "It spoke of the d——d affair at Lord ——'s house, of the ----shire, of the town of ----, in Hertfordshire, " +
      'and of a Mr. —— who had lost.\n\n"I was going to——"\n\n"Go on," said Lord ——\'s son.';
    expect(view(segmented(text, 'en'))).toEqual([
      [
        'narration',
        "It spoke of the d——d affair at Lord ——'s house, of the ----shire, of the town of ----, in Hertfordshire, " +
          'and of a Mr. —— who had lost.',
        'chapter_head',
      ],
      ['dialogue', '"I was going to——"', 'paragraph'],
      ['dialogue', '"Go on,"', 'paragraph'],
      ['narration', "said Lord ——'s son.", 'dialogue_turn'],
    ]);
  });

  it('Spanish raya line: a blanked name after a title or a word opens no inciso', () => {
    const text =
      '—¡NO VOLVERÉ! —dijo a Dña. Clara—. La carta del general ---- es bien clara.\n\n' +
      '—Hablaba del señor D. ——, que perdió.';
    expect(view(segmented(text, 'es'))).toEqual([
      ['dialogue', '—¡NO VOLVERÉ!', 'chapter_head'],
      ['narration', '—dijo a Dña. Clara—.', 'dialogue_turn'],
      ['dialogue', 'La carta del general ---- es bien clara.', 'dialogue_turn'],
      ['dialogue', '—Hablaba del señor D. ——, que perdió.', 'paragraph'],
    ]);
  });

  it('Portuguese dash lines, "—" and "--": the blank and its possessive stay in the line', () => {
    const text =
      "— NÃO VOLTO! — disse ele a D. Clara. — A carta do general ----'s é bem clara.\n\n" +
      '--Pois o conselheiro ---- chegou, disse elle.\n\n--Chegou? perguntei.';
    expect(view(segmented(text, 'pt'))).toEqual([
      ['dialogue', '— NÃO VOLTO!', 'chapter_head'],
      ['narration', '— disse ele a D. Clara.', 'dialogue_turn'],
      ['dialogue', "— A carta do general ----'s é bem clara.", 'dialogue_turn'],
      ['dialogue', '--Pois o conselheiro ---- chegou,', 'paragraph'],
      ['narration', 'disse elle.', 'dialogue_turn'],
      ['dialogue', '--Chegou?', 'paragraph'],
      ['narration', 'perguntei.', 'dialogue_turn'],
    ]);
  });

  it('a blank set apart from the word before may end its sentence: what follows is no inserted narration', () => {
    const text =
      '—Vivía en el pueblo de ----. Luego se fue a Madrid.\n\n—¿Conoce usted al Sr. ——? —preguntó ella.\n\n—No.';
    expect(view(segmented(text, 'es'))).toEqual([
      ['dialogue', '—Vivía en el pueblo de ----. Luego se fue a Madrid.', 'chapter_head'],
      ['dialogue', '—¿Conoce usted al Sr. ——?', 'paragraph'],
      ['narration', '—preguntó ella.', 'dialogue_turn'],
      ['dialogue', '—No.', 'paragraph'],
    ]);
  });

  it('a blank opening a line after a title ending the line before starts no new paragraph', () => {
    const text = '—¿Quién lo dijo?\n\n—Lo dijo el Sr.\n—— en persona, y se fue.\n—Bueno.';
    expect(view(segmented(text, 'es'))).toEqual([
      ['dialogue', '—¿Quién lo dijo?', 'chapter_head'],
      ['dialogue', '—Lo dijo el Sr.\n—— en persona, y se fue.', 'paragraph'],
      ['dialogue', '—Bueno.', 'paragraph'],
    ]);
  });

  it("a dash ending a speech cut short still ends it: before a closing quote, a capital, or the language's tag", () => {
    expect(view(segmented('—Yo iba a—— dijo ella, y calló.\n\n—¡Calla!', 'es'))).toEqual([
      ['dialogue', '—Yo iba a', 'chapter_head'],
      ['narration', '—— dijo ella, y calló.', 'dialogue_turn'],
      ['dialogue', '—¡Calla!', 'paragraph'],
    ]);
    expect(view(segmented('—I was going to—— said he, and stopped.\n\n—Go on.', 'en'))).toEqual([
      ['dialogue', '—I was going to', 'chapter_head'],
      ['narration', '—— said he, and stopped.', 'dialogue_turn'],
      ['dialogue', '—Go on.', 'paragraph'],
    ]);
    expect(view(segmented('—Pues Juan——\n\n—Juan——¿qué?\n\n—Nada.', 'es'))).toEqual([
      ['dialogue', '—Pues Juan——', 'chapter_head'],
      ['dialogue', '—Juan——¿qué?', 'paragraph'],
      ['dialogue', '—Nada.', 'paragraph'],
    ]);
  });
});
