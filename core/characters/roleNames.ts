/**
 * Where the narration says who a role is (docs/characters.md): a name with its role in apposition ("maese Nicolás,
 * barbero del pueblo", "Lucas Fernández, molinero,"), a role right before the name ("su amigo el barbero maese
 * Nicolás", "the miller John Hale"), or a naming clause ("Pero Pérez —que así se llamaba el cura—", "el tío Lucas
 * (tal era el nombre del molinero)", "Hale, for that was the name of the miller"). The speaking role "el barbero"
 * is then that named person.
 */
import { foldWord, isFunctionWord, type HeuristicLanguage } from './vocabulary';

const ARTICLE: Record<HeuristicLanguage, string> = {
  en: '(?:the|The)',
  es: '(?:el|El|la|La)',
  pt: '(?:o|O|a|A)',
};
const NOUN = '(\\p{Ll}[\\p{Ll}\\p{M}]+)';
/** A clause naming the role after the name, its dash, bracket or comma included. */
const NAMING_CLAUSE: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(
    `^[ \\t]*[,(—–-]*[ \\t]*(?:for|as)?[ \\t]*(?:such|that|this)[ \\t]+was[ \\t]+the[ \\t]+name[ \\t]+of[ \\t]+the[ \\t]+${NOUN}`,
    'u',
  ),
  es: new RegExp(
    `^[ \\t]*[,(—–-]*[ \\t]*(?:que[ \\t]+)?(?:(?:así|tal)[ \\t]+se[ \\t]+llamaba[ \\t]+${ARTICLE.es}[ \\t]+${NOUN}|(?:éste|este|tal|ese|ése)[ \\t]+era[ \\t]+el[ \\t]+nombre[ \\t]+de(?:l|[ \\t]+la)[ \\t]+${NOUN})`,
    'u',
  ),
  pt: new RegExp(
    `^[ \\t]*[,(—–-]*[ \\t]*(?:que[ \\t]+)?(?:(?:assim|tal)[ \\t]+se[ \\t]+chamava[ \\t]+${ARTICLE.pt}[ \\t]+${NOUN}|(?:este|esse|tal)[ \\t]+era[ \\t]+o[ \\t]+nome[ \\t]+d[oa][ \\t]+${NOUN})`,
    'u',
  ),
};
/** ", barbero del mesmo pueblo", ", molinero,", ", the miller of the village": the role in apposition. */
const APPOSITION: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(`^,[ \\t]+(?:${ARTICLE.en}[ \\t]+)?${NOUN}(?=[ \\t]+of[ \\t]|[ \\t]*[,;.])`, 'u'),
  es: new RegExp(`^,[ \\t]+(?:${ARTICLE.es}[ \\t]+)?${NOUN}(?=[ \\t]+de(?:l)?[ \\t]|[ \\t]*[,;.])`, 'u'),
  pt: new RegExp(`^,[ \\t]+(?:${ARTICLE.pt}[ \\t]+)?${NOUN}(?=[ \\t]+d[oa]s?[ \\t]|[ \\t]*[,;.])`, 'u'),
};
/** "el barbero maese Nicolás": the article and the role right before the name, on one line. */
const ROLE_BEFORE: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(`(?:^|[^\\p{L}])${ARTICLE.en}[ \\t]+${NOUN}[ \\t]+$`, 'u'),
  es: new RegExp(`(?:^|[^\\p{L}])${ARTICLE.es}[ \\t]+${NOUN}[ \\t]+$`, 'u'),
  pt: new RegExp(`(?:^|[^\\p{L}])${ARTICLE.pt}[ \\t]+${NOUN}[ \\t]+$`, 'u'),
};

/**
 * The role noun (folded: "barbero", "cura", "miller") the text says the name written at [start, end) is, or null.
 * A naming clause is the narrator's even inside a line of dialogue ("—…, señor licenciado Pero Pérez —que así se
 * llamaba el cura—, …"); an apposition or a role before the name counts only in narration (`narrated`), where a
 * comma after a name is no vocative ("Sancho, amigo, …"). A function word is never a role ("el que", "the other").
 */
export function roleNamedAt(
  text: string,
  start: number,
  end: number,
  language: HeuristicLanguage,
  narrated: boolean,
): string | null {
  const after = text.slice(end, end + 80);
  const before = text.slice(Math.max(0, start - 40), start);
  const noun =
    NAMING_CLAUSE[language].exec(after)?.slice(1).find(Boolean) ??
    (narrated ? (APPOSITION[language].exec(after)?.[1] ?? ROLE_BEFORE[language].exec(before)?.[1]) : undefined);
  if (noun === undefined || isFunctionWord(noun, language)) return null;
  return foldWord(noun);
}
