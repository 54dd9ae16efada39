/**
 * A child calling a parent or a grandparent by kinship ("Papae!", "--Mamãe, olhe…", "¡Padre!", "Sí, madre mía.", "Yes,
 * Mother.", "¿Qué haces, abuela?", "Yes, Gran."): the line addresses that person, who is not its speaker and usually
 * answers it. In Spanish and Portuguese the cast
 * often knows the parent by the same relation ("O pae", "su madre"). Otherwise the parent is the one person of the
 * scene of that gender whom the narration calls by a title of the married or the elders ("Mrs. Whitcomb", "Dona
 * Leonor", "Mr. Bennet"): the child is called by a given name or "Miss", and a title of calling ("Dr.", "Father
 * Flynn") says nothing of children.
 */
import type { Cast } from './cast';
import { ownWords, withoutEdgeMarks } from './vocatives';

/** Spaces, quotation marks, dashes and Spanish opening marks before a line's words. */
const OPENING_MARKS = /^[\s"'“”‘’«»—―–¡¿-]+/u;

type Parent = 'father' | 'mother' | 'grandfather' | 'grandmother';

/** The words a child calls a parent by. */
const CALLED: Record<Parent, string> = {
  father: 'papae|papai|papá|pae|pai|padre',
  mother: 'mamãe|mamãi|mamã|mamá|mãe|madre',
  grandfather: 'abuelo|abuelito|avô|vovô',
  grandmother: 'abuela|abuelita|avó|vovó',
};
/**
 * English: only the words a child calls a parent by and nobody else ("Father" alone is also a priest, but the
 * priest has no title of the married, so the scene finds no parent for him).
 */
const CALLED_IN_ENGLISH: Record<Parent, string> = {
  father: 'Father|Papa|Pa|Dad|Daddy',
  mother: 'Mother|Mamma|Mama|Ma|Mum|Mummy|Mammy',
  grandfather: 'Grandfather|Grandpa|Grandad|Granddad',
  grandmother: 'Grandmother|Grandma|Granny|Gran|Nana',
};
/** Titles of the married and the elders, by the parent they may name. */
const PARENT_TITLE: Record<Parent, RegExp> = {
  father: /^(?:mr|sir|lord|senhor|seu|sr|señor|don|dom)(?:\.|\s|$)/iu,
  mother: /^(?:mrs|lady|madam|madame|dona|d|senhora|sra|señora|doña)(?:\.|\s|$)/iu,
  grandfather: /^(?:mr|sir|lord|senhor|seu|sr|señor|don|dom)(?:\.|\s|$)/iu,
  grandmother: /^(?:mrs|lady|madam|madame|dona|d|senhora|sra|señora|doña)(?:\.|\s|$)/iu,
};
const PARENT_GENDER: Record<Parent, 'male' | 'female'> = {
  father: 'male',
  mother: 'female',
  grandfather: 'male',
  grandmother: 'female',
};
/** The nouns a cast names a parent by. */
const KNOWN_AS: Record<Parent, RegExp> = {
  father: /^(?:o|a|el|la|su|seu|sua|meu|minha|mi)\s+(?:pae|pai|padre)$/iu,
  mother: /^(?:o|a|el|la|su|seu|sua|meu|minha|mi)\s+(?:mãe|mae|madre)$/iu,
  grandfather: /^(?:o|el|su|seu|meu|mi)\s+(?:abuelo|avô)$/iu,
  grandmother: /^(?:a|la|su|sua|minha|mi)\s+(?:abuela|avó)$/iu,
};

/**
 * The kinship word in a vocative's place: the line's start or after a pause, and a pause or the line's end after it
 * ("Papae!", "O que, mamãe? Isto?", "madre mía,"); "Mamãe quer que eu seja padre" talks about her.
 */
function vocative(words: string): RegExp {
  return new RegExp(
    `(?:^|[,!?;:…]\\s*)(?:oh\\s+|ó\\s+|ay\\s+|ah\\s+)?(?:${words})(?:\\s+(?:mío|mía|meu|minha|querido|querida))?\\s*(?:[,!?.;:…]|$)`,
    'iu',
  );
}
/**
 * European Portuguese speaks to a parent in the third person, the relation as the question's subject ("A mãe já leu
 * a carta?", "O pai não a vai ler?"); "E o pai sabe?" and a line that asks nothing speak of the parent.
 */
const ASKED_IN_THIRD_PERSON: Record<Parent, RegExp> = {
  father: /^(?:o\s+(?:pai|papá|paizinho))\s+(?!e\s)\p{L}[^.!?…]{0,200}\?/iu,
  mother: /^(?:a\s+(?:mãe|mamã|mãezinha))\s+(?!e\s)\p{L}[^.!?…]{0,200}\?/iu,
  grandfather: /^(?:o\s+(?:avô|avozinho))\s+(?!e\s)\p{L}[^.!?…]{0,200}\?/iu,
  grandmother: /^(?:a\s+(?:avó|avozinha))\s+(?!e\s)\p{L}[^.!?…]{0,200}\?/iu,
};
const NARRATORS_OWN = /^(?:meu|minha|mi)\s/iu;
const VOCATIVES: Record<Parent, RegExp> = {
  father: vocative(CALLED.father),
  mother: vocative(CALLED.mother),
  grandfather: vocative(CALLED.grandfather),
  grandmother: vocative(CALLED.grandmother),
};
/** English writes the parent called so with a capital ("Yes, Mother."): "my poor mother" speaks of her. */
const englishVocative = (words: string) =>
  new RegExp(`(?:^|[,!?;:…]\\s*)(?:(?:[Oo]h|[Aa]h),?\\s+)?(?:${words})\\s*(?:[,!?.;:…]|$)`, 'u');
const ENGLISH_VOCATIVES: Record<Parent, RegExp> = {
  father: englishVocative(CALLED_IN_ENGLISH.father),
  mother: englishVocative(CALLED_IN_ENGLISH.mother),
  grandfather: englishVocative(CALLED_IN_ENGLISH.grandfather),
  grandmother: englishVocative(CALLED_IN_ENGLISH.grandmother),
};

/** The line's sentences, each from its start ("Mãe, a mãe sabe…?" opens one after the call). */
function sentenceStarts(inner: string): string[] {
  return inner.split(/(?<=[.!?…,;:])\s+/u).slice(0, 6);
}

/** The one person of the scene (`present`) of the parent's gender called by a title of the married, if only one. */
function parentInScene(parent: Parent, cast: Cast, present: readonly string[]): string[] {
  const titled = present.filter(
    (id) =>
      cast.genderOf(id) === PARENT_GENDER[parent] &&
      cast.formsOf(id).some((form) => PARENT_TITLE[parent].test(form.trim())),
  );
  return titled.length === 1 ? titled : [];
}

/**
 * The parent a line calls by kinship: the one person the cast knows by that relation, when only one is, or else the
 * one of the scene's people (`present`) of that gender called by a title of the married.
 */
export function kinAddressedIn(line: string, cast: Cast, present: readonly string[] = []): string[] {
  const inner = withoutEdgeMarks(ownWords(line), OPENING_MARKS);
  const addressed: string[] = [];
  for (const parent of ['father', 'mother', 'grandfather', 'grandmother'] as const) {
    if (cast.language === 'en') {
      if (ENGLISH_VOCATIVES[parent].test(inner)) addressed.push(...parentInScene(parent, cast, present));
      continue;
    }
    if (cast.language !== 'es' && cast.language !== 'pt') continue;
    const askedInThirdPerson =
      cast.language === 'pt' && sentenceStarts(inner).some((start) => ASKED_IN_THIRD_PERSON[parent].test(start));
    if (!VOCATIVES[parent].test(inner) && !askedInThirdPerson) continue;
    const known = cast.ids.filter((id) => cast.formsOf(id).some((form) => KNOWN_AS[parent].test(form.trim())));
    // A first-person narrator's "minha mãe" is his own mother: another child calls theirs by the same word.
    const narratorsOwn = known.some((id) => cast.formsOf(id).some((form) => NARRATORS_OWN.test(form.trim())));
    if (cast.firstPersonNarrator && narratorsOwn) continue;
    // Two people known as a mother ("Minha mãe", "A mãe"): whose mother the line calls depends on who speaks it.
    if (known.length === 1) addressed.push(known[0]);
    else if (known.length === 0) addressed.push(...parentInScene(parent, cast, present));
  }
  return addressed;
}
