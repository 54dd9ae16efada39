/**
 * The closed-class words the heuristic engine knows per language (en, es, pt): pronouns and the function words that
 * are never names (speech verbs have their own home, speechVerbs.ts). Open-class words (names, places) are never listed: whether a capitalised
 * word is a name is decided from how the book itself writes it (mentions.ts, WordCase). Old spellings that
 * nineteenth-century editions print ("elle", "ella" in Portuguese) are listed beside the modern ones.
 */
import type { Gender } from './character';

export type HeuristicLanguage = 'en' | 'es' | 'pt';

export function heuristicLanguage(tag: string): HeuristicLanguage {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return base === 'es' || base === 'pt' ? base : 'en';
}

/**
 * Pronouns whose gender is likely that of the person just named: subjects and reflexives. Possessives and objects
 * ("Elizabeth looked at his face") usually belong to someone else.
 */
export const PRONOUNS: Record<HeuristicLanguage, { female: string[]; male: string[] }> = {
  en: { female: ['she', 'herself'], male: ['he', 'himself'] },
  es: { female: ['ella'], male: ['él'] },
  pt: { female: ['ela', 'ella'], male: ['ele', 'elle'] },
};

/**
 * Spanish feminine nouns of people that begin with a stressed "a" and so take "el" ("el ama", "el aya", "el hada"):
 * the article says nothing of their gender.
 */
export const FEMININE_AFTER_EL = new Set(['ama', 'aya', 'hada']);

/** Articles (and their contractions) before a name or a role, with the gender they mark (Spanish and Portuguese). */
export const GENDERED_ARTICLES: Record<HeuristicLanguage, Record<string, Gender>> = {
  en: {},
  es: { el: 'male', del: 'male', al: 'male', la: 'female' },
  pt: {
    o: 'male',
    do: 'male',
    no: 'male',
    ao: 'male',
    pelo: 'male',
    a: 'female',
    da: 'female',
    na: 'female',
    à: 'female',
    á: 'female',
    pela: 'female',
  },
};

/** First-person pronouns (subject, object, possessive): their share outside dialogue tells first-person narration. */
export const FIRST_PERSON_WORDS: Record<HeuristicLanguage, string[]> = {
  en: ['i', 'me', 'my', 'myself', 'mine'],
  es: ['yo', 'me', 'mí', 'mi', 'mis', 'conmigo'],
  pt: ['eu', 'me', 'mim', 'meu', 'minha', 'meus', 'minhas', 'comigo', 'commigo'],
};

export const THIRD_PERSON_WORDS: Record<HeuristicLanguage, string[]> = {
  en: ['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself'],
  es: ['él', 'ella', 'ellos', 'ellas'],
  pt: ['ele', 'ela', 'elle', 'ella', 'eles', 'elas', 'elles', 'ellas', 'dele', 'dela', 'delle', 'della'],
};

/**
 * Spanish and Portuguese drop subject pronouns, so who narrates shows in the verbs: frequent past forms whose person
 * is unambiguous (es "fui, vi, dije, llegué" against "fue, vio, dijo, llegó"; pt "fui, vi, cheguei" against "foi, viu,
 * chegou"). English always writes its pronouns and needs none.
 */
export const FIRST_PERSON_VERB_FORMS: Record<HeuristicLanguage, string[]> = {
  en: [],
  es: `fui vi dije hice tuve estuve pude quise supe puse vine llegué entré salí miré pensé sentí volví quedé
    encontré tomé oí respondí pregunté conocí viví creí`.split(/\s+/u),
  pt: `fui vi fiz tive estive pude soube dei pus vim cheguei entrei saí olhei pensei senti voltei fiquei
    encontrei tomei ouvi respondi perguntei conheci vivi achei`.split(/\s+/u),
};

export const THIRD_PERSON_VERB_FORMS: Record<HeuristicLanguage, string[]> = {
  en: [],
  es: `fue vio dijo hizo tuvo estuvo pudo quiso supo puso vino llegó entró salió miró pensó sintió volvió quedó
    encontró tomó oyó respondió preguntó conoció vivió creyó`.split(/\s+/u),
  pt: `foi viu fez teve esteve pôde deu pôs veio chegou entrou saiu olhou pensou sentiu voltou ficou encontrou
    tomou ouviu respondeu perguntou conheceu viveu achou`.split(/\s+/u),
};

/**
 * Closed-class words per language: articles, pronouns, determiners, prepositions, conjunctions, auxiliaries, common
 * adverbs, interjections, and the words that head chapters. A capitalised one starts a sentence; it is never a name.
 */
const FUNCTION_WORDS: Record<HeuristicLanguage, string> = {
  en: `a an the this that these those some any each every either neither both all no none other another such
    i you he she it we they me him her us them my your his its our their mine yours hers ours theirs myself
    yourself himself herself itself ourselves themselves one ones who whom whose which what whatever whoever
    and but or nor so yet for if then than because though although unless while whilst when whenever where
    wherever why how as at by in on of off to up down out over under into onto upon from with within without
    about above after against along among around before behind below beneath beside besides between beyond
    during except inside near outside since through throughout till until toward towards via
    is are was were be been being am do does did done have has had having will would shall should can could may
    might must not never ever always often sometimes perhaps still just only even also too very quite rather thus
    yes yeah nay here there now today tonight tomorrow yesterday again once twice first last next well
    oh ah aha alas ay eh ha hey hm hmm hush hullo hallo hello hurrah huzzah la lo o pooh pshaw tut why
    whew wow bah humbug indeed ay amen
    chapter stave book part volume preface prologue epilogue contents appendix note footnote finis end
    god heaven lord christ jesus`,
  es: `el la lo los las un una unos unas este esta esto estos estas ese esa eso esos esas aquel aquella aquello
    aquellos aquellas mi mis tu tus su sus nuestro nuestra nuestros nuestras vuestro vuestra yo tú él ella ello
    nosotros nosotras vosotros vosotras ellos ellas usted ustedes me te se nos os le les quien quienes que qué
    cual cuál cuales cuyo cuya y e o u ni pero mas sino porque pues aunque si sí no cuando donde dónde como
    cómo cuanto cuánto conque a ante bajo con contra de del desde durante en entre hacia hasta para por según sin
    sobre tras al soy eres es somos sois son era eran fue fueron ser estar está están estaba había hay ha han he muy más menos ya
    también tampoco así acaso quizá quizás apenas casi aquí allí allá ahí ahora entonces luego después antes siempre nunca jamás todavía aún
    bien mal tan tanto todo toda todos todas otro otra otros otras mismo misma
    ay ah oh eh bah ea hola caramba olé uf vaya jesús cristo virgen
    capítulo libro parte tomo prólogo epílogo índice fin dios señor`,
  pt: `o a os as um uma uns umas este esta isto estes estas esse essa isso esses essas aquele aquela aquilo
    aqueles aquelas meu minha meus minhas teu tua teus tuas seu sua seus suas nosso nossa nossos nossas eu tu
    ele ela elle ella nós vós eles elas elles ellas você vocês me te se nos vos lhe lhes mim ti comigo commigo
    quem que quê qual quais cujo cuja e ou nem mas porém pois porque porquê embora se sim não quando onde como
    quanto ante após até com contra de desde em entre para perante por sem sob sobre trás do da dos das no na
    nos nas ao aos à às pelo pela pelos pelas num numa sou és é somos sois são era eram foi foram ser estar está estão estava
    havia há tem têm muito muita mais menos já também tampouco assim talvez apenas quase aqui ali lá cá agora então logo depois antes
    sempre nunca jamais ainda bem mal tão tanto todo toda todos todas outro outra outros outras mesmo mesma
    ah oh ai eh olá oxalá uf eia jesus cristo virgem
    capítulo capitulo livro parte tomo prólogo epílogo índice fim deus senhor`,
};

/** Months and days of the week: capitalised in English, never characters. */
const CALENDAR_WORDS: Record<HeuristicLanguage, string> = {
  en: `january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday christmas easter michaelmas`,
  es: `enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
    lunes martes miércoles jueves viernes sábado domingo navidad pascua`,
  pt: `janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
    segunda terça quarta quinta sexta sábado domingo natal páscoa`,
};

/**
 * Forms of address that stand for a person's rank ("Your Majesty", "Su Señoría", "Vossa Excelência"): capitalised,
 * but a way of speaking to someone already in the cast, never a name. "Grace" and "Honour" are left out: they are
 * also given names.
 */
const ADDRESS_WORDS: Record<HeuristicLanguage, string> = {
  en: `majesty highness excellency lordship ladyship worship reverence`,
  es: `majestad alteza excelencia señoría usía merced ilustrísima reverencia paternidad eminencia`,
  pt: `majestade alteza excelência excellencia senhoria mercê reverendíssimo reverendissimo reverendíssima
    reverendissima eminência`,
};

/**
 * An adverb of time or manner a speech tag may set between its verb and its subject ("exclamó entonces la navarra",
 * "gritó a su vez Toñuelo", "disse então o padre", "said presently the Hatter"), as a regular-expression source:
 * the closed list of each language, and the adverbs its suffix makes ("majestuosamente", "gravely").
 */
export const TAG_ADVERB: Record<HeuristicLanguage, string> = {
  en: adverbSource('then presently again now at_last at_length at_once', 'ly'),
  es: adverbSource(
    `entonces luego después despues ahora también tambien aquí aqui al_fin al_cabo al_punto al_momento por_fin
      por_último por_ultimo por_su_parte en_esto en_seguida a_su_vez de_nuevo otra_vez`,
    'mente',
  ),
  pt: adverbSource(
    `então entao depois logo agora também tambem afinal ainda por_fim por_último por_ultimo por_sua_vez de_novo
      outra_vez em_seguida`,
    'mente',
  ),
};

/** The listed adverbs ("_" between the words of a phrase) or any lower-case word with the adverb suffix. */
function adverbSource(listed: string, suffix: string): string {
  const phrases = listed
    .trim()
    .split(/\s+/u)
    .map((phrase) => phrase.replace(/_/gu, '[ \\t]+'));
  return `(?:${phrases.join('|')}|\\p{Ll}\\p{L}{2,}${suffix})`;
}

/** Lower-case, NFC, accents folded: old editions drop accents on capitals ("Ja" for "Já"). */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’]/gu, "'");
}

function wordSet(text: string): Set<string> {
  return new Set(text.split(/\s+/u).filter(Boolean).map(foldWord));
}

/** The words that greet a letter's addressee ("Querido Julián:", "Dearest Kitty,"): capitalised, never a name. */
const SALUTATION_WORDS: Record<HeuristicLanguage, string> = {
  en: `dear dearest`,
  es: `querido querida queridos queridas queridísimo queridísima estimado estimada`,
  pt: `querido querida queridos queridas queridíssimo queridíssima prezado prezada estimado estimada`,
};

const NOT_NAME_SETS = new Map<HeuristicLanguage, Set<string>>(
  (['en', 'es', 'pt'] as const).map((language) => [
    language,
    new Set([
      ...wordSet(FUNCTION_WORDS[language]),
      ...wordSet(SALUTATION_WORDS[language]),
      ...wordSet(CALENDAR_WORDS[language]),
      ...wordSet(ADDRESS_WORDS[language]),
    ]),
  ]),
);
/** Function words of every language: a Spanish book quotes English, a Portuguese one Latin and French. */
const ANY_LANGUAGE = new Set([...NOT_NAME_SETS.values()].flatMap((set) => [...set]));

const CALENDAR_SETS = new Map<HeuristicLanguage, Set<string>>(
  (['en', 'es', 'pt'] as const).map((language) => [language, wordSet(CALENDAR_WORDS[language])]),
);

/**
 * A month or a day of the week: no name, unless the book makes it one by tagging it as a speaker ("—dijo Julio",
 * `WordCase.admitSpeakers`).
 */
export function isCalendarWord(word: string, language: HeuristicLanguage): boolean {
  return CALENDAR_SETS.get(language)!.has(foldWord(word));
}

/** A word that is never a name in this language (an article, a pronoun, an interjection, a month …). */
export function isFunctionWord(word: string, language?: HeuristicLanguage): boolean {
  const folded = foldWord(word);
  return language ? NOT_NAME_SETS.get(language)!.has(folded) : ANY_LANGUAGE.has(folded);
}

/** Words that cannot head a role ("said the other", "dijo el primero"): determiners, numerals, ordinals. */
export const NOT_ROLES = wordSet(`other others first second third last former latter same one two three four five
  rest whole next few many several both each either neither
  otro otra primero primera segundo segunda último última mismo misma uno dos tres
  outro outra primeiro primeira segundo segunda último última mesmo mesma um dois três`);

/** Nouns for people whose gender the word itself carries, for role speakers ("said the old woman"). */
export const GENDERED_NOUNS: Record<HeuristicLanguage, { female: Set<string>; male: Set<string> }> = {
  en: {
    female: wordSet(`woman girl lady wife mother aunt niece sister daughter widow queen princess duchess countess
      maid maiden nun bride grandmother granny landlady mistress hostess housekeeper nurse matron lass madam
      laundress actress waitress governess spinster`),
    male: wordSet(`man boy gentleman husband father uncle nephew brother son widower king prince duke count lord
      monk friar priest bridegroom grandfather landlord master host butler lad sir fellow bachelor waiter`),
  },
  es: { female: new Set(), male: new Set() },
  pt: { female: new Set(), male: new Set() },
};

/** Familiar forms merged into a full given name only when both occur in the same chapter. */
export const DIMINUTIVES: Record<string, string[]> = {
  Elizabeth: ['Lizzy', 'Lizzie', 'Eliza', 'Liz', 'Beth', 'Betsy'],
  Catherine: ['Kitty', 'Kate', 'Cathy'],
  Katherine: ['Kitty', 'Kate'],
  William: ['Will', 'Bill', 'Billy'],
  Margaret: ['Maggie', 'Meg', 'Peggy'],
  Thomas: ['Tom', 'Tommy'],
  Edith: ['Edie'],
  Edward: ['Ned', 'Ted', 'Eddie'],
  Samuel: ['Sam', 'Sammy'],
  Richard: ['Dick', 'Dickie'],
  Francisco: ['Paco', 'Pancho', 'Chico'],
  José: ['Pepe', 'Zé'],
  Dolores: ['Lola'],
  Antônio: ['Toninho'],
};
