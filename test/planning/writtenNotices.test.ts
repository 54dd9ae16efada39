/**
 * A written text quoted in the narration (a shop's sign, a notice on a door, a paper in a window) is narration, not a
 * line somebody says; a person who says or reads it aloud still speaks it.
 */
import { segmentChapter, type Segment } from '../../core/planning/segmentation';
import { cpuMsSince } from '../support/jestBudget';

/** The hostile inputs' CPU budget (far above a linear read, far below a quadratic one); jest's limit only stops a hang. */
const HOSTILE_CPU_BUDGET_MS = 20_000;
const HANG_LIMIT_MS = 180_000;

const view = (segments: Segment[]) => segments.map((s) => [s.kind, s.text.trim()]);

function segmented(text: string, language: string): Segment[] {
  const segments = segmentChapter(text, { language });
  expect(segments.map((s) => s.text).join('')).toBe(text);
  return segments;
}

const kinds = (text: string, language: string) => segmented(text, language).map((segment) => segment.kind);

describe('segmentation: written notices quoted in the narration', () => {
  it.each([
    ['pt', 'Na montra estava colado um papel escrito à mão: «Bolo-rei só por encomenda». Teve de implorar à dona.'],
    ['pt', 'No elevador continuava o papel que o condomínio lá pusera em novembro: «Avariado. Use a escada.»'],
    ['pt', 'Na porta da farmácia, fechada, outro papel dizia: «Farmácia de serviço: Farmácia Central».'],
    ['es', 'En la puerta de la portería había un cartel que decía: «No se admiten propinas». Llamó dos veces.'],
    ['es', 'Sobre el mostrador colgaba un letrero pintado a mano: «Hoy no se fía, mañana sí».'],
    ['en', 'Over the door a sign read "Rooms to Let, Inquire Within." He knocked twice.'],
    ['en', 'The notice on the door, which had hung there for years, said: "Closed on Sundays."'],
    ['en', 'Across the window was painted in gold letters: "Marley and Scrooge, Counting-House."'],
  ])('%s: %s is narration', (language, text) => {
    expect(kinds(text, language)).toEqual(['narration']);
  });

  it('keeps the next line of dialogue after a notice', () => {
    const text =
      'Na porta, outro papel dizia: «Fechado para balanço». A Rosa bateu com força.\n\n«Está alguém?», gritou ela.';
    expect(view(segmented(text, 'pt'))).toEqual([
      ['narration', 'Na porta, outro papel dizia: «Fechado para balanço». A Rosa bateu com força.'],
      ['dialogue', '«Está alguém?»,'],
      ['narration', 'gritou ela.'],
    ]);
  });

  it.each([
    ['pt', 'A Rosa pegou no papel e disse: «Vamos embora daqui.»'],
    ['pt', 'O Pedro leu o aviso em voz alta: «Proibido fumar.»'],
    ['es', 'Rosa señaló el cartel y dijo: «Aquí no se puede entrar.»'],
    ['en', 'He made a sign to the waiter: "Two more, please."'],
    ['en', 'Holmes read the notice aloud: "Lost, a goose and a black felt hat."'],
    ['en', 'She said, pointing at the sign: "That is where we live."'],
  ])('%s: a person speaking or reading it aloud still speaks: %s', (language, text) => {
    expect(kinds(text, language)).toContain('dialogue');
  });
});

describe('written notices on hostile input', () => {
  it(
    'reads a megabyte of notices, of quotations after notice words and of words quoted in linear time',
    async () => {
      const start = process.cpuUsage();
      const notices = 'Un cartel que decía: «Se vende». '.repeat(30_000);
      expect(new Set(kinds(notices, 'es'))).toEqual(new Set(['narration']));
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      const written = `el cartel ${'escrito, '.repeat(110_000)}: «Hola».`;
      expect(segmented(written, 'es').length).toBeGreaterThan(0);
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      const mentions = 'a sign painted "No." and '.repeat(40_000);
      expect(new Set(kinds(mentions, 'en'))).toEqual(new Set(['narration']));
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      const words = 'what they call "nuts" and '.repeat(40_000);
      expect(new Set(kinds(words, 'en'))).toEqual(new Set(['narration']));
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
