/**
 * The one home of the verbs that report speech, per language (en, es, pt): the forms speech tags use ("said
 * Elizabeth", "—dijo Rosa—", "disse-lhe eu", "respondi"), the first-person forms that name the narrator by
 * themselves, and the verbs that mean speech wherever they stand. Character detection (mentions, roles, the
 * narrator's lines), segmentation (tags cut out of dash paragraphs) and attribution all read these lists. Old
 * spellings nineteenth-century editions print ("accrescentou", "fallou") and old Spanish enclitics ("díjole",
 * "respondióle") are listed beside the modern forms. When a text's language is not known, the three languages'
 * lists apply together: their verbs do not collide.
 */
import type { HeuristicLanguage } from './vocabulary';

export interface LanguageSpeechVerbs {
  /** Third-person forms (singular and plural; past, present and imperfect) as tags use them. */
  thirdPerson: readonly string[];
  /** Forms whose person is the speaker's own: "respondi", "dije". English has none. */
  firstPerson: readonly string[];
  /**
   * Forms that mean speech in any position: a phrase before one of these speaks ("the old man said"), while before
   * "continued", "began" or "returned" it may do anything ("the rain continued").
   */
  unambiguous: readonly string[];
  /** The subject pronoun that makes a third-person form the narrator's: "said I", "disse eu", "dije yo". */
  firstPersonPronoun: string;
  /**
   * Third-person forms a first person shares ("eu disse", "yo decía", the imperfects): without a subject they may be
   * the narrator's. English lists none, as its forms never say the person.
   */
  eitherPerson: readonly string[];
  /**
   * Third-person verbs of reading aloud ("read Mr. Pell", "—leyó Rosa—", "leu a tia"): a line read out in a scene is
   * its reader's. Only speech tags read them; character detection does not count them, as narration reads letters to
   * itself far more often than aloud ("she read it twice", "leyó la carta").
   */
  reading: readonly string[];
}

/** Comma-separated entries of a word list (entries may hold spaces: "went on"). */
function list(entries: string): string[] {
  return entries
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

const ENGLISH_UNAMBIGUOUS = list(`
  said, says, replied, replies, cried, asked, asks, answered, exclaimed, whispered, shouted, muttered, murmured,
  remarked, rejoined, inquired, enquired, retorted, ejaculated, stammered, faltered, gasped, screamed, shrieked,
  sobbed, groaned, growled, roared, bawled, grumbled, snapped, hissed, drawled, lisped, quoth
`);

const SPANISH_UNAMBIGUOUS = list(`
  dijo, preguntó, respondió, contestó, exclamó, gritó, murmuró, susurró, replicó, repuso, dijeron, preguntaron,
  respondieron, contestaron, exclamaron, gritaron, díjole, respondióle, respondiole, preguntóle, preguntole,
  replicóle, replicole, contestóle, contestole, díjose, dijose, preguntóse, preguntose
`);

const PORTUGUESE_UNAMBIGUOUS = list(`
  disse, perguntou, respondeu, exclamou, gritou, murmurou, sussurrou, replicou, retorquiu, redarguiu, retrucou,
  disseram, perguntaram, responderam, exclamaram
`);

export const SPEECH_VERBS: Record<HeuristicLanguage, LanguageSpeechVerbs> = {
  en: {
    thirdPerson: [
      ...ENGLISH_UNAMBIGUOUS,
      ...list(`
        added, continued, returned, observed, called, interrupted, declared, insisted, protested, began, sighed,
        pursued, pleaded, demanded, explained, hinted, mused, urged, admitted, agreed, confessed, affirmed, assented,
        responded, persisted, ventured, objected, interposed, concluded, suggested, laughed, went on, put in,
        broke in, called out, cried out, thundered, wailed, moaned, panted, chimed in, echoed, piped, addressed,
        yelled, repeated, resumed, remonstrated, commanded, announced, answered back, broke out, burst out,
        struck in, proceeded, whined, bellowed, corrected, reflected, thought, begged, entreated, implored,
        queried, sneered, chuckled, interjected, snarled, warned, promised, assured, complained, scolded,
        confirmed, reminded, ordered
      `),
    ],
    firstPerson: [],
    unambiguous: ENGLISH_UNAMBIGUOUS,
    firstPersonPronoun: 'I',
    eitherPerson: [],
    reading: list('read, reads'),
  },
  es: {
    thirdPerson: [
      ...SPANISH_UNAMBIGUOUS,
      ...list(`
        dice, decía, pregunta, preguntaba, responde, respondía, contesta, contestaba, exclama, exclamaba, grita,
        gritaba, murmura, murmuraba, añadió, añade, añadía, agregó, continuó, continuaba, prosiguió, siguió,
        explicó, insistió, interrumpió, suspiró, observó, advirtió, comentó, aclaró, afirmó, admitió, confesó,
        protestó, rogó, suplicó, ordenó, llamó, sollozó, balbuceó, tartamudeó, gruñó, masculló, repitió,
        concluyó, inquirió, terció, bramó, chilló, rugió, musitó, objetó, arguyó, tornó, volvió, pensó, decían,
        añadían, exclamaban, gritaban, preguntaban, respondían, interrogó, notificó, vociferó, gimió, sentenció,
        añadieron, repitieron, replicaron, murmuraron, insistieron, observaba, prorrumpió, prorrumpía, repusieron,
        profirió, balbuceaba, gemía, contestábale, respondíale, decíale, preguntábale, aventuró, asintió, acentuó,
        mandó, anunció, anunciaron, corrigió, refunfuñó, rezongó, regañó, quejó, declaró, confirmó, prometió,
        aseguró, sugirió, remató, recordó
      `),
    ],
    firstPerson: list(`
      dije, decía, pregunté, preguntaba, respondí, contesté, exclamé, grité, murmuré, añadí, agregué, susurré,
      repliqué, repuse, continué, proseguí, expliqué, insistí, interrumpí, suspiré, observé, advertí, comenté,
      aclaré, afirmé, admití, confesé, protesté, rogué, supliqué, repetí, concluí, pensé, balbuceé, tartamudeé,
      sollocé, gruñí, objeté, arguí, inquirí, mandé, ordené, anuncié, corregí, refunfuñé, rezongué, regañé,
      declaré, confirmé, prometí, aseguré, sugerí, rematé
    `),
    unambiguous: SPANISH_UNAMBIGUOUS,
    firstPersonPronoun: 'yo',
    eitherPerson: list(`
      decía, preguntaba, respondía, contestaba, exclamaba, gritaba, murmuraba, añadía, continuaba, observaba,
      prorrumpía, balbuceaba, gemía, contestábale, respondíale, decíale, preguntábale
    `),
    reading: list('leyó, lee, leyeron'),
  },
  pt: {
    thirdPerson: [
      ...PORTUGUESE_UNAMBIGUOUS,
      ...list(`
        diz, dizia, pergunta, perguntava, responde, respondia, exclamava, gritava, murmurava, acrescentou,
        accrescentou, retorquia, continuou, continuava, explicou, explicava, tornou, tornava, insistiu, insistia,
        interrompeu, interrompia, suspirou, suspirava, bradou, bradava, acudiu, acudia, concluiu, ponderou, emendou,
        observou, concordou, concordava, comentou, commentou, commentavam, objectou, objetou, repetiu, repetia,
        atalhou, prosseguiu, proseguiu, volveu, advertiu, confessou, affirmou, afirmou, declarou, protestou,
        soluçou, balbuciou, gaguejou, clamou, rosnou, resmungou, inquiriu, instou, chamou, chamava, respondiam,
        perguntavam, diziam, confirmou, falou, fallou, teimou, jurou, gemeu, replicava, pensou, interrogou,
        vociferou, sentenciou, acrescentaram, repetiram, replicaram, murmuraram, insistiram, acrescentava,
        accrescentava, observava, aventurou, assentiu, assentiram, acentuou, accentuou, mandou, ordenou, anunciou,
        anunciaram, ralhou, queixou, rematou, admitiu, prometeu, assegurou, garantiu, sugeriu, lembrou,
        berrou
      `),
    ],
    firstPerson: list(`
      respondi, perguntei, exclamei, gritei, murmurei, acrescentei, accrescentei, sussurrei, repliquei, retruquei,
      retorqui, continuei, expliquei, tornei, redargui, insisti, interrompi, suspirei, acudi, conclui, concluí,
      emendei, bradei, observei, ponderei, concordei, objectei, objetei, repeti, atalhei, prosegui, volvi, adverti,
      confessei, declarei, protestei, clamei, commentei, comentei, confirmei, falei, fallei, jurei, teimei,
      pensei, balbuciei, gaguejei, solucei, resmunguei, inquiri, accudi, retorquí, affirmei, afirmei, mandei, ordenei,
      anunciei, ralhei, queixei, rematei, admiti, prometi, assegurei, garanti, sugeri, berrei
    `),
    unambiguous: PORTUGUESE_UNAMBIGUOUS,
    firstPersonPronoun: 'eu',
    eitherPerson: list(`
      disse, dizia, perguntava, respondia, exclamava, gritava, murmurava, retorquia, continuava, explicava, tornava,
      insistia, interrompia, suspirava, bradava, acudia, concordava, repetia, chamava, replicava, acrescentava,
      accrescentava, observava
    `),
    reading: list('leu, lê, leram'),
  },
};

const LANGUAGES: HeuristicLanguage[] = ['en', 'es', 'pt'];

/** A language's lists, or the three languages' lists together when the language is not known. */
export function speechVerbsOf(language?: HeuristicLanguage): LanguageSpeechVerbs {
  if (language) return SPEECH_VERBS[language];
  const all = (pick: (verbs: LanguageSpeechVerbs) => readonly string[]) => [
    ...new Set(LANGUAGES.flatMap((code) => pick(SPEECH_VERBS[code]))),
  ];
  return {
    thirdPerson: all((verbs) => verbs.thirdPerson),
    firstPerson: all((verbs) => verbs.firstPerson),
    unambiguous: all((verbs) => verbs.unambiguous),
    firstPersonPronoun: '',
    eitherPerson: all((verbs) => verbs.eitherPerson),
    reading: all((verbs) => verbs.reading),
  };
}

/** First-person subject pronouns of the language (or of all three), lower case: "i", "yo", "eu". */
export function firstPersonPronouns(language?: HeuristicLanguage): string[] {
  return (language ? [language] : LANGUAGES).map((code) => SPEECH_VERBS[code].firstPersonPronoun.toLowerCase());
}

/**
 * A regular-expression source matching any of `verbs` (longest first, so "cried out" wins over "cried"; a space in
 * an entry matches any run of whitespace). No boundaries: callers add their own.
 */
export function verbAlternatives(verbs: readonly string[]): string {
  return [...new Set(verbs)]
    .sort((a, b) => b.length - a.length)
    .map((verb) => verb.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+'))
    .join('|');
}
