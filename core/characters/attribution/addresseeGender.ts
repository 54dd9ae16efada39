/**
 * Words of address that say the gender of the person spoken to in Spanish and Portuguese ("Não, senhora, ella foi
 * só.", "¡Calla, mujer!", "Sí, señor."): the line is said to a woman or to a man, so in a scene of a man and a woman its
 * speaker is likelier the other. Only a word standing alone between punctuation counts: "señor Corregidor",
 * "senhora D. Gloria" are names, which the names a line addresses read.
 */
import type { Gender } from '../character';
import { ownWords, withoutEdgeMarks } from './vocatives';

const FEMALE_ADDRESS = ['señora', 'señorita', 'mujer', 'niña', 'chica', 'hija', 'senhora', 'menina', 'filha'];
/** "Hombre" is left out: Spanish says "¡hombre!" to anyone, as an exclamation. */
const MALE_ADDRESS = ['señor', 'caballero', 'hijo', 'chico', 'senhor', 'moço', 'rapaz', 'filho'];

function addressing(words: string[]): RegExp {
  return new RegExp(
    `(?:^|[,;:!?¡¿…]\\s*)(?:(?:mi|minha|meu|my)\\s+)?(?:${words.join('|')})(?:\\s+(?:mía|mío|mia|mio))?\\s*(?=[,;:.!?…]|$)`,
    'iu',
  );
}

const FEMALE = addressing(FEMALE_ADDRESS);
const MALE = addressing(MALE_ADDRESS);

/** The gender of the person a line speaks to, when its words of address say it (and say only one). */
export function addresseeGender(line: string): Exclude<Gender, 'unknown'> | null {
  const words = withoutEdgeMarks(ownWords(line)).replace(/[—―–]|--/gu, ',');
  const female = FEMALE.test(words);
  const male = MALE.test(words);
  if (female === male) return null;
  return female ? 'female' : 'male';
}
