/**
 * A tag of talk to oneself that names nobody ("—se dijo en voz baja—", "murmuró para sí") is the person the
 * narration was just about: a man alone in his shop is not answered by whoever the chapter names next.
 */
import { Cast } from '../../core/characters/attribution/cast';
import { talkingToOneself } from '../../core/characters/attribution/selfTalk';
import { cpuMsSince } from '../support/jestBudget';
import { attributedDialogue, person } from './chapterFixture';

/** The hostile inputs' CPU budget (far above a linear read, far below a quadratic one); jest's limit only stops a hang. */
const HOSTILE_CPU_BUDGET_MS = 20_000;
const HANG_LIMIT_MS = 180_000;

const eusebio = person('eusebio', 'don Eusebio', 'male', ['Eusebio']);
const rosa = person('rosa', 'Rosa', 'female');

describe('talk to oneself', () => {
  it('is the person the narration was about, not the next one the chapter names', () => {
    const text = [
      'Rosa había salido temprano al mercado. Aquella mañana don Eusebio estaba solo detrás del mostrador, contando lo poco que le habían dejado.',
      '—Tres latas de atún —se dijo en voz baja—. Ni la escoba me dejaron.',
      'Miró la caja vacía y se rascó la cabeza.',
      '—Qué pena —murmuró para sí.',
      'La campanita sonó. Era Rosa, con el pan.',
      '—Buenos días, don Eusebio.',
    ].join('\n\n');
    const lines = attributedDialogue(text, [eusebio, rosa], 'es');
    expect(lines.map((line) => line.speakerId)).toEqual(['eusebio', 'eusebio', 'eusebio', 'rosa']);
  });

  it(
    'is read on a megabyte of tag-like text in linear time',
    async () => {
      const start = process.cpuUsage();
      const scene = {
        cast: new Cast([eusebio, rosa], 'es'),
        recent: ['eusebio'],
        earlier: [],
        fresh: ['eusebio'],
        excluded: new Set<string>(),
        unnamedLatest: new Set<'female' | 'male' | 'unknown'>(),
      };
      expect(talkingToOneself(` —${'para '.repeat(200_000)}nadie`, scene)).toBeNull();
      expect(talkingToOneself(`${' '.repeat(1_000_000)}se dijo`, scene)?.claim?.speakerId).toBe('eusebio');
      expect(talkingToOneself(` murmuró para${' '.repeat(1_000_000)}sí`, scene)?.claim?.speakerId).toBe('eusebio');
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
    },
    HANG_LIMIT_MS,
  );
});
