/**
 * Whole families of speech verbs the three languages say one thing with: announcing, correcting, grumbling,
 * scolding, complaining, declaring, confirming, promising, assuring, suggesting, reminding, warning, admitting,
 * finishing ("anunció", "corrigiu", "refunfuñó", "ralhou a mãe", "queixou-se ela", "rematou o pai", "warned Holmes").
 */
import { readSpeechTag } from '../../core/characters/attribution/speechTags';
import { attributedDialogue, person } from './chapterFixture';

describe('speech verb families', () => {
  it.each([
    ['es', ' anunció el alcalde.', 'el alcalde'],
    ['es', ' corrigió Marta.', 'Marta'],
    ['es', ' refunfuñó el abuelo.', 'el abuelo'],
    ['es', ' rezongó la portera.', 'la portera'],
    ['es', ' le regañó su madre.', 'su madre'],
    ['es', ' se quejó Lucía.', 'Lucía'],
    ['es', ' declaró el juez.', 'el juez'],
    ['es', ' prometió Andrés.', 'Andrés'],
    ['es', ' aseguró el médico.', 'el médico'],
    ['es', ' sugirió Pilar.', 'Pilar'],
    ['es', ' remató el cura.', 'el cura'],
    ['es', ' le recordó su hermana.', 'su hermana'],
    ['pt', ' anunciou o Duarte.', 'o Duarte'],
    ['pt', ' ralhou a mãe, da cozinha.', 'a mãe'],
    ['pt', ' queixou-se o tio.', 'o tio'],
    ['pt', ' rematou o pai.', 'o pai'],
    ['pt', ' admitiu a Teresa.', 'a Teresa'],
    ['pt', ' garantiu o médico.', 'o médico'],
    ['pt', ' lembrou-lhe a mãe.', 'a mãe'],
    ['pt', ' berrou o feirante.', 'o feirante'],
    ['en', ' warned Holmes.', 'Holmes'],
    ['en', ' promised Jane.', 'Jane'],
    ['en', ' complained Mrs. Bennet.', 'Mrs. Bennet'],
    ['en', ' she scolded.', 'she'],
  ])('%s:%s tags the line', (language, tag, subject) => {
    expect(readSpeechTag(tag, language as 'es' | 'pt' | 'en')?.subject).toBe(subject);
  });

  it.each([
    ['es', ' anuncié yo.'],
    ['es', ' corregí.'],
    ['pt', ' ralhei.'],
  ])("%s:%s is the narrator's own tag", (language, tag) => {
    expect(readSpeechTag(tag, language as 'es' | 'pt')?.firstPerson).toBe(true);
  });

  it('gives a line tagged by such a verb to the one it names, not to the one turn-taking expects', () => {
    const cast = [person('ana', 'Ana', 'female'), person('pedro', 'Pedro', 'male'), person('luis', 'Luis', 'male')];
    const text = [
      'Ana, Pedro y Luis cenaban en la cocina.',
      '—Mañana llueve —dijo Pedro.',
      '—Pasado mañana —corrigió Luis.',
      '—Siempre igual —refunfuñó Pedro—. Nadie me cree.',
      '—Yo me voy a Madrid —anunció Ana.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'es');
    expect(lines.map((line) => line.speakerId)).toEqual(['pedro', 'luis', 'pedro', 'pedro', 'ana']);
  });
});
