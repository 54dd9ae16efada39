/**
 * The grammatical gender of a Portuguese or Spanish given name, where it can be told from the name alone: Portuguese
 * writes both Dona and Dom as "D.", so "D. Plácida" is Dona and "D. João" is Dom. Names ending in -a are feminine and
 * in -o masculine, except the listed ones (Marian names such as Carmo are feminine; Garcia is masculine); a short list
 * covers common names with other endings. Anything else is undecided.
 */
export type NameGender = 'feminine' | 'masculine';

const strip = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const FEMININE = new Set(
  [
    ...['carmo', 'rosario', 'socorro', 'amparo', 'rocio', 'consuelo', 'pilar', 'mercedes', 'dolores', 'remedios'],
    ...['luz', 'paz', 'merces', 'conceicao', 'assuncao', 'ascensao', 'encarnacion', 'concepcion', 'asuncion'],
    ...['ines', 'isabel', 'beatriz', 'leonor', 'ester', 'esther', 'raquel', 'rute', 'ruth', 'carmen', 'irene'],
    ...['alice', 'adelaide', 'clarisse', 'denise', 'beatrice', 'iracema', 'lurdes', 'lourdes', 'guiomar'],
    ...['margarida', 'aurora', 'flor', 'abigail', 'noemi', 'miriam', 'judite', 'lucrecia', 'eulalia'],
  ].map(strip),
);

const MASCULINE = new Set(
  [
    ...['garcia', 'lucca', 'luca', 'batista', 'bautista', 'jeremias', 'elias', 'tobias', 'matias', 'isaias'],
    ...['jose', 'joao', 'sebastiao', 'estevao', 'cristovao', 'simao', 'adao', 'damiao', 'leao', 'gaspar'],
    ...['baltasar', 'melchior', 'miguel', 'manuel', 'manoel', 'daniel', 'gabriel', 'rafael', 'samuel', 'joaquim'],
    ...['henrique', 'afonso', 'luis', 'luiz', 'carlos', 'jaime', 'diogo', 'diego', 'alvaro', 'nuno', 'rodrigo'],
    ...['filipe', 'felipe', 'jorge', 'duarte', 'dinis', 'fernando', 'pedro', 'francisco', 'antonio', 'bento'],
    ...['vicente', 'anselmo', 'feliz', 'felix', 'juan', 'martin', 'andres', 'tomas', 'nicolas', 'ramon', 'beltran'],
    ...['cristobal', 'esteban', 'sebastian', 'julian', 'fabian', 'adrian', 'ivan', 'quixote', 'quijote', 'abel'],
    ...['isaac', 'jacob', 'david', 'salvador', 'lazaro', 'domingos', 'marcos', 'lucas', 'mateus', 'bras'],
  ].map(strip),
);

export function givenNameGender(name: string | undefined): NameGender | undefined {
  if (!name) return undefined;
  const word = strip(name).replace(/['’-].*$/u, '');
  if (FEMININE.has(word)) return 'feminine';
  if (MASCULINE.has(word)) return 'masculine';
  if (/(?:cao|sao|ade)$/.test(word)) return 'feminine';
  if (/a$/.test(word)) return 'feminine';
  if (/(?:o|os|ao)$/.test(word)) return 'masculine';
  return undefined;
}
