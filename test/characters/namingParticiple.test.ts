/**
 * A participle of naming agrees with the person it names in Spanish and Portuguese ("um velho chamado Benedito",
 * "una muchacha llamada Inés", "conocido como el Tuerto"); after a form of "haber"/"ter" it is invariable and says
 * nothing ("había llamado Inés": someone called her). Small books written for the purpose.
 */
import { namingParticipleBefore } from '../../core/characters/genderEvidence';
import { chapters, castOf } from './smallBooks';

const scene = (language: 'es' | 'pt', intro: string, name: string) => {
  const [said, hello, bye] = language === 'es' ? ['dijo', 'Buenos días', 'Adiós'] : ['disse', 'Bom dia', 'Adeus'];
  const lines = [`— ${hello} — ${said} ${name}.`, `— ${hello} — ${said} Tomás.`, `— ${bye} — ${said} ${name}.`];
  return chapters(language, [intro, ...lines].join('\n\n'));
};

describe('gender from a participle of naming', () => {
  it.each([
    [
      'pt',
      'Quem cantava era o cozinheiro, um preto velho chamado Benedito, que dera a volta ao mundo.',
      'Benedito',
      'male',
    ],
    ['pt', 'Veio com elas uma criança chamada Didi, que não dizia nada.', 'Didi', 'female'],
    ['es', 'Servía la mesa una muchacha llamada Inés, que no decía nada.', 'Inés', 'female'],
    ['es', 'Guardaba la puerta un viejo apodado Tuerto, que no decía nada.', 'Tuerto', 'male'],
  ] as const)('reads the participle’s agreement (%s: %s)', (language, intro, name, gender) => {
    expect(castOf(scene(language, intro, name)).one(name)?.gender).toBe(gender);
  });

  it('reads nothing from a participle after "haber" or "ter"', () => {
    expect(namingParticipleBefore('Nadie había llamado Inés', 'Nadie había llamado '.length, 'es')).toBe('unknown');
    expect(namingParticipleBefore('Ela tinha chamado Maria', 'Ela tinha chamado '.length, 'pt')).toBe('unknown');
    expect(namingParticipleBefore('un hombre llamado Pedro', 'un hombre llamado '.length, 'es')).toBe('male');
    expect(namingParticipleBefore('a man called Peter', 'a man called '.length, 'en')).toBe('unknown');
  });
});
