/**
 * People a line speaks to by their title alone, with no name: called by the title of their calling or rank ("Senhor
 * doutor, falta a assinatura.", "Aqui está, senhor doutor.", "Yes, Doctor."), asked in the Portuguese third person
 * ("O senhor doutor fica para almoçar?"), or given a form of address owed to rank ("Vossa Senhoria vai
 * desculpar-me", "Vossa Excelência sabe"). The one so called is the cast's only holder of the title (titleRoles.ts):
 * not the line's speaker, and the one who usually answers it.
 */
import { roleKey, type Cast } from './cast';

/** Title nouns as said to their holder; the feminine forms stand for the title's noun. */
const TITLE_NOUN: Record<string, string> = {
  doutor: 'doutor',
  doutora: 'doutor',
  doctor: 'doctor',
  doctora: 'doctor',
  professor: 'professor',
  professora: 'professor',
  profesor: 'profesor',
  profesora: 'profesor',
  capitão: 'capitão',
  capitán: 'capitán',
  captain: 'captain',
  coronel: 'coronel',
  colonel: 'colonel',
  conselheiro: 'conselheiro',
  inspector: 'inspector',
};
const TITLE = Object.keys(TITLE_NOUN).join('|');

/**
 * A title alone between punctuation, after "senhor"/"señor" or a possessive at most ("Senhor doutor,", "…, meu
 * capitão."). A name after it ("Senhor doutor Falcão,") is read with the names a line addresses.
 */
const CALLED = new RegExp(
  `(?:^|[,;:!?¡¿…]\\s*)(?:(?:meu|minha|mi|my)\\s+)?(?:(?:senhor|senhora|señor|señora)\\s+)?(${TITLE})\\s*(?=[,;:.!?…]|$)`,
  'giu',
);
/** Portuguese third person: a word of respect and the title as the subject opening a question. */
const ASKED = new RegExp(
  `(?:^|[.;:!?…]\\s*)(?:o\\s+senhor|a\\s+senhora)\\s+(${TITLE})\\s+(?=[^.!?…]{0,200}\\?)`,
  'giu',
);
/** Forms of address owed to rank, said to a person of title whatever their calling. */
const OWED_TO_RANK =
  /(?<![\p{L}\p{N}])(?:vossa|vuestra)\s+(?:senhoria|excelência|excelencia|señoría|reverendíssima|reverendísima)(?![\p{L}\p{N}])/iu;

/** The people `words` (a line's own words, without reported quotations) speak to by a title with no name. */
export function addressedByTitle(words: string, cast: Cast): string[] {
  const found = new Set<string>();
  for (const pattern of [CALLED, ASKED])
    for (const match of words.matchAll(pattern)) {
      const holder = cast.roleOf(roleKey(TITLE_NOUN[match[1].toLowerCase()] ?? match[1]));
      if (holder !== null) found.add(holder);
    }
  if (OWED_TO_RANK.test(words) && cast.titled.length === 1) found.add(cast.titled[0]);
  return [...found];
}
