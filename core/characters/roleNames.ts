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
    `^\\s*[,(—–-]*\\s*(?:for|as)?\\s*(?:such|that|this)\\s+was\\s+the\\s+name\\s+of\\s+the\\s+${NOUN}`,
    'u',
  ),
  es: new RegExp(
    `^\\s*[,(—–-]*\\s*(?:que\\s+)?(?:(?:así|tal)\\s+se\\s+llamaba\\s+${ARTICLE.es}\\s+${NOUN}|(?:éste|este|tal|ese|ése)\\s+era\\s+el\\s+nombre\\s+de(?:l|\\s+la)\\s+${NOUN})`,
    'u',
  ),
  pt: new RegExp(
    `^\\s*[,(—–-]*\\s*(?:que\\s+)?(?:(?:assim|tal)\\s+se\\s+chamava\\s+${ARTICLE.pt}\\s+${NOUN}|(?:este|esse|tal)\\s+era\\s+o\\s+nome\\s+d[oa]\\s+${NOUN})`,
    'u',
  ),
};
/** ", barbero del mesmo pueblo", ", molinero,", ", the miller of the village": the role in apposition. */
const APPOSITION: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(`^,\\s+(?:${ARTICLE.en}\\s+)?${NOUN}(?=\\s+of\\s|\\s*[,;.])`, 'u'),
  es: new RegExp(`^,\\s+(?:${ARTICLE.es}\\s+)?${NOUN}(?=\\s+de(?:l)?\\s|\\s*[,;.])`, 'u'),
  pt: new RegExp(`^,\\s+(?:${ARTICLE.pt}\\s+)?${NOUN}(?=\\s+d[oa]s?\\s|\\s*[,;.])`, 'u'),
};
/** "el barbero maese Nicolás": the article and the role right before the name, on one line. */
const ROLE_BEFORE: Record<HeuristicLanguage, RegExp> = {
  en: new RegExp(`(?:^|[^\\p{L}])${ARTICLE.en}\\s+${NOUN}\\s+$`, 'u'),
  es: new RegExp(`(?:^|[^\\p{L}])${ARTICLE.es}\\s+${NOUN}\\s+$`, 'u'),
  pt: new RegExp(`(?:^|[^\\p{L}])${ARTICLE.pt}\\s+${NOUN}\\s+$`, 'u'),
};

/** A role noun the text gives a name, and whether a naming clause said it (the narrator naming the role outright). */
export interface RoleNaming {
  /** Folded: "barbero", "cura", "miller". */
  noun: string;
  byClause: boolean;
}

/**
 * The role the text says the name written at [start, end) is, or null. A naming clause is the narrator's even inside
 * a line of dialogue ("—…, señor licenciado Pero Pérez —que así se llamaba el cura—, …"); an apposition or a role
 * before the name counts only in narration (`narrated`), where a comma after a name is no vocative ("Sancho, amigo,
 * …"). A function word is never a role ("el que", "the other").
 */
export function roleNamedAt(
  text: string,
  start: number,
  end: number,
  language: HeuristicLanguage,
  narrated: boolean,
): RoleNaming | null {
  const after = text.slice(end, end + 80);
  const clause = NAMING_CLAUSE[language].exec(after)?.slice(1).find(Boolean);
  const before = text.slice(Math.max(0, start - 40), start);
  const noun =
    clause ??
    (narrated ? (APPOSITION[language].exec(after)?.[1] ?? ROLE_BEFORE[language].exec(before)?.[1]) : undefined);
  if (noun === undefined || isFunctionWord(noun, language)) return null;
  return { noun: foldWord(noun), byClause: clause !== undefined };
}
