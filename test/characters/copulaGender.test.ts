/**
 * "Paquito era el mozo de cuadra.", "Didi era a criada da casa.": a sentence that opens on a name and says who the
 * person is with the past of "ser" and a noun after its article votes that article's gender (Spanish, Portuguese),
 * "el ama" a woman's. Mid-sentence the clause is what someone saw ("vio que Paquito era…") and votes nothing.
 * A figure of speech ("Pedro era a alegria da casa") names a quality, whose article agrees with the noun: it votes
 * nothing. Small books written for the purpose.
 */
import { copulaArticleAfter } from '../../core/characters/genderEvidence';
import { chapters, castOf } from './smallBooks';

const scene = (language: 'es' | 'pt', intro: string, name: string) => {
  const [said, hello, bye] = language === 'es' ? ['dijo', 'Buenos días', 'Adiós'] : ['disse', 'Bom dia', 'Adeus'];
  const lines = [`— ${hello} — ${said} ${name}.`, `— ${hello} — ${said} Tomás.`, `— ${bye} — ${said} ${name}.`];
  return chapters(language, [intro, ...lines].join('\n\n'));
};

describe('gender from "<Name> era el/la …"', () => {
  it.each([
    ['es', 'Paquito era el mozo de cuadra, un chico de doce años.', 'Paquito', 'male'],
    ['es', 'Casilda era el ama que le había criado.', 'Casilda', 'female'],
    ['pt', 'Didi era a criada da casa.', 'Didi', 'female'],
  ] as const)('reads the article of the noun after "era" (%s: %s)', (language, intro, name, gender) => {
    expect(castOf(scene(language, intro, name)).one(name)?.gender).toBe(gender);
  });

  it('reads nothing in the middle of a sentence', () => {
    const text = 'Luego vio que Paquito era el mozo de cuadra.';
    const offset = text.indexOf('Paquito');
    expect(copulaArticleAfter(text, offset, offset + 'Paquito'.length, 'es')).toBe('unknown');
    expect(copulaArticleAfter('Sam was the boy.', 0, 3, 'en')).toBe('unknown');
  });

  it.each([
    ['pt', 'Pedro era a alegria da casa, e tocava violão de ouvido.', 'Pedro'],
    ['es', 'Francisco era la alegría del molino.', 'Francisco'],
    ['es', 'Ramón era la bondad misma.', 'Ramón'],
    ['pt', 'Tomás era a perdição das moças da rua.', 'Tomás'],
    ['es', 'Andrés era la ternura de su madre.', 'Andrés'],
  ] as const)('reads no gender from a figure of speech (%s: %s)', (language, intro, name) => {
    const offset = intro.indexOf(name);
    expect(copulaArticleAfter(intro, offset, offset + name.length, language)).toBe('unknown');
    expect(castOf(scene(language, intro, name)).one(name)?.gender).not.toBe('female');
  });

  it('still reads a person\'s noun that ends like a quality\'s only after three letters ("a tia")', () => {
    const text = 'Rosa era a tia das meninas.';
    expect(copulaArticleAfter(text, 0, 'Rosa'.length, 'pt')).toBe('female');
  });
});
