/**
 * A bare given name in a run of chapters that never meets its full name is a namesake, unless that run shares two
 * other people with the chapters that do meet it. The people it shares count whichever way they are written there:
 * "Rosa" in the last chapter is the "Rosa Quispe" of the first, so "Pedro" of the last chapter is "Pedro Ñahui". A
 * small book written for the purpose.
 */
import { castOf, chapters } from './smallBooks';

const NOVEL = chapters(
  'es',
  [
    'Pedro Ñahui llegó a la quinta con Rosa Quispe. Don Eusebio los vio pasar desde la bodega.',
    '',
    '—Buenos días —dijo Pedro.',
    '',
    '—Pasa nomás —dijo Rosa.',
  ].join('\n'),
  [
    'Don Eusebio abrió la bodega temprano. Chabuca entró sin tocar.',
    '',
    '—Le robaron anoche —dijo Chabuca.',
    '',
    '—Ya lo sé —dijo don Eusebio.',
  ].join('\n'),
  [
    'El sábado Pedro puso una reja nueva, y Rosa le alcanzaba los clavos. Don Eusebio miraba.',
    '',
    '—Listo —dijo Pedro—. Ni un ratón entra ahora.',
    '',
    '—Gracias, hijo —dijo don Eusebio.',
    '',
    '—Quedó bonita —dijo Rosa.',
  ].join('\n'),
);

describe('a given name that comes back after a chapter away', () => {
  it('is the full name of the first chapter when the people around it came back too', () => {
    const { named, one } = castOf(NOVEL);
    expect(named('Pedro')).toHaveLength(1);
    expect(one('Pedro')?.aliases).toContain('Pedro Ñahui');
    expect(one('Pedro')?.dialogueLineCount).toBe(2);
  });
});
