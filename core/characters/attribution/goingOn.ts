/**
 * A tag that only says the speech went on ("--agregó en seguida, dirigiéndose a la Molinera.", "(añadió luego)",
 * "continuou voltando-se para mim"): a verb of adding or going on, with no one named, is said of the one who spoke
 * the line before, interrupted by the narration and speaking again.
 */
import type { SpeechTag } from './speechTags';

/** Spanish and Portuguese verbs of adding, going on, repeating and ending what one was saying. */
const GOING_ON =
  /^(?:añadió|agregó|prosiguió|continuó|repitió|concluyó|acrescentou|continuou|prosseguiu|repetiu|concluiu|ajuntou)$/iu;
/** A name, a title or a pronoun in the subject says who; "luego", "en seguida", "al cabo de un momento" do not. */
const SOMEONE =
  /(?:^|\s)(?:\p{Lu}|(?:el|la|los|las|o|os|as|um|uma|un|una|otro|otra|outro|outra|éste|ésta|aquél|aquélla|este|esta|aquele|aquela|él|ella|elle|ella|ele|eles)(?:\s|$))/u;

/** The tag says the speaker of the line before goes on, naming nobody. */
export function goesOnSpeaking(tag: SpeechTag): boolean {
  return GOING_ON.test(tag.verb) && tag.pronoun === null && !tag.firstPerson && !SOMEONE.test(tag.subject.trim());
}
