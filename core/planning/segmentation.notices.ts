/**
 * A written text quoted in the narration (a shop's sign, a notice on a door, a paper stuck to a window: `a sign read
 * "Rooms to Let."`, `un cartel que decía: «Se vende»`, `um papel escrito à mão: «Fechado»`) is narration, not a
 * line somebody says. Told by the narration right before the quotation, in its sentence: the thing written on (after
 * an article or a determiner) or a word saying it was written, then at most a few words (a relative clause, where it
 * hung) and nothing that brings in a person speaking: no speech or reading verb before it ("Rosa leyó el aviso:" is
 * Rosa reading aloud), none after it but the thing's own ("the sign said", "outro papel dizia"), and no "and" ("took
 * the sign and said:").
 */
import { speechVerbsIn } from '../characters/attribution/speechTags';
import { speechVerbsOf } from '../characters/speechVerbs';
import type { HeuristicLanguage } from '../characters/vocabulary';

/** How far back the narration is read: a sentence that introduces a notice names it close to the quotation. */
const WINDOW = 200;
const WORD = "[\\p{L}\\p{N}'’-]+";
const DETERMINER =
  'a|an|the|this|that|another|its|one|un|una|el|la|otro|otra|este|esta|ese|esa|aquel|aquella|del|al|um|uma|o|outro|outra|esse|essa|aquele|aquela|do|da|no|na|ao|num|numa';
/** Things written on, in the three languages ("aviso" is also a warning given aloud: a verb of speech says so). */
const WRITTEN_ON =
  'sign|signboard|notice|placard|poster|plaque|label|inscription|banner|letrero|letrerito|cartel|cartelito|' +
  'rótulo|inscripción|placa|pancarta|papel|papelito|aviso|letreiro|tabuleta|cartaz|dístico|inscrição|papelinho';
/** Words saying the text was written, painted or printed ("painted over the door", "escrito à mão"). */
const WRITTEN =
  'written|printed|painted|engraved|carved|inscribed|chalked|scrawled|scribbled|escrito|escrita|escritos|' +
  'escritas|impreso|impresa|pintado|pintada|grabado|grabada|impresso|impressa|gravado|gravada';
/** What a sign does with its words ("the sign read", "el cartel rezaba", "o papel dizia"). */
const SIGN_VERBS = new Set(
  'said says read reads ran bore decía dice rezaba reza ponía pone dizia diz rezava dizendo diciendo'.split(' '),
);
/** A gesture is no sign to read: "he made a sign to the waiter:". */
const GESTURE_BEFORE = /(?:made|make|makes|making|gave|give|gives|giving)\s+(?:\p{L}+\s+)?$/iu;
const SENTENCE_END = /[.!?…]["'”’»)]*\s+/gu;
const CONJUNCTION = /(?<![\p{L}\p{N}])(?:and|then|y|e|luego|entonces|então|depois)(?![\p{L}\p{N}])/iu;
const ANCHOR = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${DETERMINER})\\s+(?:${WORD}\\s+)?(${WRITTEN_ON})|(${WRITTEN}))(?![\\p{L}\\p{N}])`,
  'giu',
);
/** What may stand between the anchor and the quotation: a few words and punctuation, ending at most in a colon. */
const AFTER_ANCHOR = new RegExp(`^(?:[\\s,]+${WORD}){0,12}[\\s,]*:?\\s*$`, 'u');

const personVerbsByLanguage = new Map<HeuristicLanguage | 'any', Set<string>>();

function personVerbs(language?: HeuristicLanguage): Set<string> {
  const key = language ?? 'any';
  let verbs = personVerbsByLanguage.get(key);
  if (!verbs) {
    const { unambiguous, firstPerson, reading } = speechVerbsOf(language);
    verbs = new Set([...unambiguous, ...firstPerson, ...reading].map((verb) => verb.toLowerCase()));
    personVerbsByLanguage.set(key, verbs);
  }
  return verbs;
}

/** The narration of the quotation's own sentence before it, at most WINDOW characters. */
function sentenceBefore(text: string, from: number, quoteAt: number): string {
  const window = text.slice(Math.max(from, quoteAt - WINDOW), quoteAt);
  let start = 0;
  for (const match of window.matchAll(SENTENCE_END)) start = match.index + match[0].length;
  return window.slice(start);
}

/** Whether the quotation opening at `quoteAt`, after narration from `from`, is a written notice. */
export function introducesWrittenNotice(
  text: string,
  from: number,
  quoteAt: number,
  language?: HeuristicLanguage,
): boolean {
  const sentence = sentenceBefore(text, from, quoteAt);
  const anchors = [...sentence.matchAll(ANCHOR)];
  const anchor = anchors.at(-1);
  if (!anchor) return false;
  const thingAt = anchor.index + anchor[0].length - (anchor[1] ?? anchor[2]).length;
  if (anchor[1] && /^sign$/iu.test(anchor[1]) && GESTURE_BEFORE.test(sentence.slice(0, anchor.index))) return false;
  const before = sentence.slice(0, anchor.index);
  const after = sentence.slice(thingAt + (anchor[1] ?? anchor[2]).length);
  if (!AFTER_ANCHOR.test(after) || CONJUNCTION.test(after)) return false;
  // Before the thing, a verb that is always speech, a speaker's own ("respondí") or one of reading is a person's
  // ("Rosa leyó el aviso:", "he said, pointing to the sign:"; "continued" may be anything's); after it, only the
  // thing's own verbs may stand.
  if ((before.match(/\p{L}+/gu) ?? []).some((word) => personVerbs(language).has(word.toLowerCase()))) return false;
  return speechVerbsIn(after, language).every((found) => SIGN_VERBS.has(found.verb.toLowerCase()));
}
