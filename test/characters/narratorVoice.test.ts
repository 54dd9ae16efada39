/**
 * The narrating voice of a third-person book: genderless, unless the narrator speaks of himself or herself often
 * enough to say it (an intrusive narrator: "yo mismo lo vi", "quedé asombrado", "I was a young man then").
 */
import { detectCharactersHeuristic, NARRATOR_ID } from '../../core/characters';
import { detectNarration, narratorNicknames } from '../../core/characters/narration';
import { chapters } from './smallBooks';

const THIRD_PERSON_STORY_ES = [
  'Vivía en la aldea un hidalgo de los de lanza en astillero. Él salía cada mañana al campo y volvía tarde;',
  'ella, su sobrina, lo esperaba en la puerta. Él no la oía. Ella lloraba, él reía, y ellos callaban.',
  'El cura llegó un día y dijo que aquello no tenía remedio; él se fue, y ella cerró la puerta.',
  'Ella fue a la plaza; él quedó en casa. Él leyó toda la noche; ella durmió. Él soñó con gigantes, y ella',
  'con la cosecha. Él se levantó temprano, ella preparó el almuerzo, y ellos comieron en silencio. Él salió',
  'de nuevo, y ella lo vio marchar; él no volvió la cabeza. Ella esperó; él tardó. Ellos no hablaron más.',
].join(' ');

/** A story told in the third person by a narrator who speaks of himself now and then. */
const INTRUSIVE_MALE_NARRATOR = chapters(
  'es',
  [
    THIRD_PERSON_STORY_ES,
    '',
    'Yo mismo lo vi muchas veces, y confieso que quedé asombrado de su locura. Fui a su casa una tarde,',
    'y estoy cierto de que él leía. Yo mismo soy testigo. Él siguió leyendo, y ella no dijo nada.',
  ].join('\n'),
);

/** The same story, its narrator a woman. */
const INTRUSIVE_FEMALE_NARRATOR = chapters(
  'es',
  [
    THIRD_PERSON_STORY_ES,
    '',
    'Yo misma lo vi muchas veces, y confieso que quedé asombrada de su locura. Fui a su casa una tarde,',
    'y estoy cierta de que él leía. Yo misma soy testigo. Él siguió leyendo, y ella no dijo nada.',
  ].join('\n'),
);

/** One remark of the narrator's is not enough to give the voice a gender. */
const ONE_REMARK = chapters(
  'es',
  [THIRD_PERSON_STORY_ES, '', 'Yo mismo lo vi una vez. Él siguió leyendo, y ella no dijo nada; él salió.'].join('\n'),
);

describe('the narrating voice of a third-person book', () => {
  it('takes the gender an intrusive narrator gives himself, staying a third-person narrator', () => {
    const narration = detectNarration(INTRUSIVE_MALE_NARRATOR);
    expect(narration.firstPerson).toBe(false);
    expect(narration.gender).toBe('male');
    const narrator = detectCharactersHeuristic(INTRUSIVE_MALE_NARRATOR).find((c) => c.id === NARRATOR_ID);
    expect(narrator).toMatchObject({ name: 'Narrator', gender: 'male', dialogueLineCount: 0 });
  });

  it('takes the gender an intrusive narrator gives herself', () => {
    const narration = detectNarration(INTRUSIVE_FEMALE_NARRATOR);
    expect(narration.firstPerson).toBe(false);
    expect(narration.gender).toBe('female');
  });

  it('stays genderless on a single remark, or with no "I" at all', () => {
    expect(detectNarration(ONE_REMARK).gender).toBe('unknown');
    expect(detectNarration(chapters('es', THIRD_PERSON_STORY_ES)).gender).toBe('unknown');
  });
});

/** A first-person narrator whom others call by a nickname he reports ("alcunhando-me Dom Casmurro"). */
const NICKNAMED_NARRATOR_PT = chapters(
  'pt',
  [
    'Eu morava sozinho no Engenho Novo. Um poeta do trem, que eu mal conhecia, ficou amuado comigo, e acabou',
    'alcunhando-me _Dom Casmurro_. Os vizinhos gostaram, e os amigos escrevem-me: «Dom Casmurro, venha jantar.»',
    'Eu fui, e eu ri. Eu contei a anedota, e eu mesmo achei graça. Não consultes dicionários; eu explico.',
    '',
    '-- Dom Casmurro, venha cá! disse o Carlos.',
    '',
    '-- Já vou, respondi eu. Eu fui devagar, e eu sentei-me.',
    '',
    '-- Dom Casmurro está velho, disse o Carlos à Sancha.',
  ].join('\n'),
);

describe('the nickname of a first-person narrator', () => {
  it('reads what others call the narrator, in English, Spanish and Portuguese', () => {
    expect(narratorNicknames('and at school the boys called me Pip, which I hated.', 'en')).toEqual(['Pip']);
    expect(narratorNicknames('En el pueblo me llamaban «Perico», y yo callaba.', 'es')).toEqual(['Perico']);
    expect(narratorNicknames('acabou alcunhando-me _Dom Casmurro_. Os vizinhos', 'pt')).toEqual(['Dom Casmurro']);
    expect(narratorNicknames('chamam-me assim, e eu rio.', 'pt')).toEqual([]);
  });

  it('casts the nickname as the narrator, not as a character of its own', () => {
    const cast = detectCharactersHeuristic(NICKNAMED_NARRATOR_PT);
    const narrator = cast.find((c) => c.id === NARRATOR_ID)!;
    expect([narrator.name, ...narrator.aliases]).toContain('Dom Casmurro');
    expect(narrator.gender).toBe('male');
    expect(cast.filter((c) => [c.name, ...c.aliases].some((form) => /Casmurro/u.test(form)))).toEqual([narrator]);
  });
});
