import { bookChapters, characterTruth, type StorySlug } from '../../bench/characters/books';
import { normalizeForm, scoreCast, type CharacterScore } from '../../bench/characters/score';
import { NARRATOR_ID, type Character } from '../../core/characters/character';
import { HeuristicCharacterDetection } from '../../core/characters/heuristicEngines';
import { describeHeldOutBooks, type Check, type HeldOutBook } from '../manuscript/support/heldOutBooks';

/**
 * Short stories written for the characters bench and labelled before the detector was run on them (bench/data/stories/),
 * each in shapes the other labelled books lack: a widow named by her given name, her married title and her full name,
 * tied once by the text, beside two brothers "Mr. <Surname>" and "Mr. <Given> <Surname>"; Spanish diminutives and
 * titles naming one man, a place and a company written like names; a Portuguese nickname given once, a dog and a
 * ship with names of their own. Every listed person is checked for being found, found once, not merged with another
 * and of the labelled gender, and each story for casting nobody its labels do not list. The two attribution stories
 * (a Portuguese family at a will's reading, an American dinner) name one person by a name, a married title and a role
 * or a kin word ("Artur", "o pai"; "Dr. Falcão", "o tabelião"; "George", "Mr. Whitcomb"). Three more: an English
 * first-person story whose narrator is named only by the people who speak to him, beside a child known by a pet name
 * and a vicar known only by his role; a Spanish story told in letters, signed "Tu madre", "Julián", "Encarna", with
 * postscripts, a "Francisco" and a "Paco" who are two men, and a figure of speech ("Francisco era la alegría del
 * molino"); a Brazilian feast with a crowd, a group of boys speaking together, twins named together and capitalised
 * interjections opening sentences. Three more: an English governess married into a family that shares her husband's
 * surname ("Miss Margaret Ellis", "Mrs. Fenwick", "Margaret"; "Mr. Fenwick", "young Fenwick", "the Fenwicks") beside a
 * doctor called "Doctor", "Dr. Lowe" and "Lowe"; a Brazilian farm whose people go by titles before given names ("seu
 * Juvêncio", "dona Candinha", "tia Nastácia", "Nhô Quim"), a godfather the tags call "o padrinho" and a boy,
 * "Zezinho, o filho do José", who is not his father; a Mexican street told by "nosotros", with "don José Medina, a
 * quien todos le decíamos don Pepe", and "Juanito", the son of "don Juan". A Peruvian family (the attribution story
 * los-quispe-de-barranco): a grandmother the tags call "la abuela", a brother heard on the telephone and in a letter
 * read aloud in the middle of a scene, a "Julio" whose name is also a month, a shopkeeper the tags call "el viejo".
 * Two more: an English boarding house (the-lodgers-of-quarry-lane) with a landlady everyone calls "Mrs. B.", "the
 * Colonel" who is also "Colonel Ames" and "Arthur", twins who share "Mr. Pym", a maid named "Rose" beside the verb
 * "rose", a dog and a town that are nobody, and a letter signed with initials ("E. M."); a Brazilian town
 * (a-febre-do-toninho) with a compound given name ("Maria da Graça", "dona Graça"), a compound surname after a title
 * ("Dr. Mendes Barreto", "o doutor", "Zeca"), diminutives ("Toninho" for "Antônio", "Lurdinha" for "Maria de
 * Lourdes", "Dita" for "Benedita"), a priest by title and given name ("o padre João") and a shop, a pharmacy and a
 * circus named like people ("Casa Lobato", "Farmácia São José", "Circo Estrela"). Two attribution stories: a Brazilian
 * family (o-quintal-dos-tavares) whose mother and grandfather the tags call "a mãe", "o avô" and "o velho" as often as
 * "Conceição" and "seu Abílio", with nicknames ("Dita", "Lurdinha", "Lulu", "Zé"), an uncle heard only in a letter and a
 * named dog that is nobody; an American one (the-haddons-of-cedar-falls) with a neighbour known as "the woman in the
 * green coat" before she is "Irene Lindqvist", a lawyer heard on the telephone, a child called "the boy" until he says
 * his name in the last lines, and a dead mother who is spoken of and writes but never speaks. Two more: a Spanish
 * village (los-aranda-de-valdecierzo) whose postman and schoolmistress are "el cartero" and "la maestra" for chapters
 * before they say their names ("Anselmo Ibarra", "Amparo Solís"), and an uncle heard of long before he comes home;
 * a British clock shop (the-pennocks-of-tanners-yard) with titles written without a full stop ("Mr Pennock", "Mrs
 * Gedge", "Dr Ferrars"), a carter's boy whose lines are thick with elisions ("’Ow’s yer father?"), a mother and her
 * son who share "Gedge", and a customer named twice who never appears.
 * A first-person narrator is checked for being named, of the labelled gender and cast once.
 */
interface Reading {
  score: CharacterScore;
  cast: Character[];
}

const HELD_OUT: StorySlug[] = [
  'the-treshams-of-carrow-end',
  'la-hacienda-de-santa-clara',
  'o-quincas-da-leopoldina',
  'os-meireles-de-cedofeita',
  'the-whitcombs-of-fairhaven',
  'the-carews-of-saltmarsh',
  'las-cartas-de-villaseca',
  'a-quermesse-do-largo-do-rosario',
  'the-fenwicks-of-ashcombe',
  'o-afilhado-do-seu-juvencio',
  'los-de-la-calle-del-alamo',
  'los-quispe-de-barranco',
  'the-lodgers-of-quarry-lane',
  'a-febre-do-toninho',
  'o-quintal-dos-tavares',
  'the-haddons-of-cedar-falls',
  'los-aranda-de-valdecierzo',
  'the-pennocks-of-tanners-yard',
];

function story(slug: StorySlug): HeldOutBook<Reading> {
  const truth = characterTruth(slug);
  const checks: Check<Reading>[] = truth.characters.flatMap((person) => {
    const forms = new Set([person.name, ...person.aliases].map(normalizeForm));
    const records = (cast: Character[]) =>
      cast.filter((record) => [record.name, ...record.aliases].some((form) => forms.has(normalizeForm(form))));
    const personChecks: Check<Reading>[] = [
      { name: `${person.name} is found`, holds: ({ score }) => !score.missed.includes(person.name) },
      { name: `${person.name} is one record`, holds: ({ score }) => !score.split.includes(person.name) },
      {
        name: `${person.name} shares a record with nobody`,
        holds: ({ score }) => !score.merged.some((merge) => merge.truth.includes(person.name)),
      },
    ];
    if (person.gender !== 'unknown')
      personChecks.push({
        name: `${person.name} is ${person.gender}`,
        holds: ({ score }) =>
          !score.missed.includes(person.name) &&
          !score.genderWrong.some((wrong) => wrong.startsWith(`${person.name} (`)),
      });
    if (person.speaks)
      personChecks.push({
        name: `${person.name} speaks`,
        holds: ({ cast }) => records(cast).some((record) => record.dialogueLineCount > 0),
      });
    return personChecks;
  });
  checks.push(...narratorChecks(truth));
  checks.push({ name: 'casts nobody the labels do not list', holds: ({ score }) => score.unlisted.length === 0 });
  return {
    name: slug,
    read: async () => {
      const chapters = await bookChapters(slug, truth.language);
      const { characters: cast } = await new HeuristicCharacterDetection().detect({
        chapters,
        language: truth.language,
      });
      return { score: scoreCast(cast, truth), cast };
    },
    checks,
  };
}

function narratorChecks(truth: ReturnType<typeof characterTruth>): Check<Reading>[] {
  const { narrator } = truth;
  if (!narrator.firstPerson || !narrator.name) return [];
  const name = narrator.name;
  const narratorRecord = (cast: Character[]) => cast.find((record) => record.id === NARRATOR_ID);
  return [
    {
      name: `the narrator is named ${name}`,
      holds: ({ cast }) =>
        [narratorRecord(cast)?.name ?? '', ...(narratorRecord(cast)?.aliases ?? [])]
          .map(normalizeForm)
          .includes(normalizeForm(name)),
    },
    {
      name: `the narrator is ${narrator.gender}`,
      holds: ({ cast }) => narratorRecord(cast)?.gender === narrator.gender,
    },
    { name: `the narrator (${name}) is one record`, holds: ({ score }) => !score.split.includes(name) },
  ];
}

const KNOWN_MISSES = new Set<string>([
  'la-hacienda-de-santa-clara: Dolores is female',
  'o-quincas-da-leopoldina: D. Efigênia is female',
  'os-meireles-de-cedofeita: Custódio speaks',
  'os-meireles-de-cedofeita: Glória is found',
  'os-meireles-de-cedofeita: Glória is female',
  'the-whitcombs-of-fairhaven: Mrs. Whitcomb is one record',
  'the-whitcombs-of-fairhaven: Mrs. Pell is one record',
  'the-whitcombs-of-fairhaven: Mrs. Pell is female',
  'the-whitcombs-of-fairhaven: Inspector Hale is male',
  'the-carews-of-saltmarsh: Mrs. Dunn speaks',
  'the-carews-of-saltmarsh: Walter Hollis is found',
  'the-carews-of-saltmarsh: Walter Hollis is male',
  'las-cartas-de-villaseca: Francisco is found',
  'las-cartas-de-villaseca: Francisco shares a record with nobody',
  'las-cartas-de-villaseca: Francisco is male',
  'las-cartas-de-villaseca: Paco shares a record with nobody',
  'las-cartas-de-villaseca: doña Pilar is found',
  'las-cartas-de-villaseca: doña Pilar is female',
  'las-cartas-de-villaseca: don Ramiro is found',
  'las-cartas-de-villaseca: don Ramiro is male',
  'las-cartas-de-villaseca: Ernesto is found',
  'las-cartas-de-villaseca: Ernesto is male',
  'a-quermesse-do-largo-do-rosario: D. Zulmira speaks',
  'a-quermesse-do-largo-do-rosario: Caio is male',
  'a-quermesse-do-largo-do-rosario: Nico is found',
  'a-quermesse-do-largo-do-rosario: Nico is male',
  'a-quermesse-do-largo-do-rosario: padre Bento speaks',
  'los-quispe-de-barranco: Don Eusebio is one record',
  'los-quispe-de-barranco: Ingeniero Salas is found',
  'los-quispe-de-barranco: Ingeniero Salas is male',
  'los-quispe-de-barranco: Ingeniero Salas speaks',
  'los-quispe-de-barranco: Elvira is female',
  'the-lodgers-of-quarry-lane: Edward Marsh speaks',
  'a-febre-do-toninho: Maria da Graça is one record',
  'a-febre-do-toninho: Toninho speaks',
  'a-febre-do-toninho: Lurdinha is found',
  'a-febre-do-toninho: Lurdinha is female',
  'a-febre-do-toninho: Lurdinha speaks',
  'a-febre-do-toninho: Benedita is one record',
  'a-febre-do-toninho: Benedita is female',
  'o-quintal-dos-tavares: Conceição is one record',
  'o-quintal-dos-tavares: seu Abílio is one record',
  'o-quintal-dos-tavares: Lurdinha speaks',
  'o-quintal-dos-tavares: seu Valdemar speaks',
  'the-haddons-of-cedar-falls: Irene Lindqvist is one record',
  'the-haddons-of-cedar-falls: Danny is found',
  'the-haddons-of-cedar-falls: Danny is male',
  'the-haddons-of-cedar-falls: Danny speaks',
  'the-haddons-of-cedar-falls: Mrs. Haddon is found',
  'the-haddons-of-cedar-falls: Mrs. Haddon is female',
  'the-haddons-of-cedar-falls: Mr. Abrams speaks',
  'los-aranda-de-valdecierzo: Anselmo is one record',
  'los-aranda-de-valdecierzo: Amparo is one record',
  'the-pennocks-of-tanners-yard: Edith is one record',
  'the-pennocks-of-tanners-yard: Sam Tetley speaks',
  'the-pennocks-of-tanners-yard: Mrs Dobson is found',
  'the-pennocks-of-tanners-yard: Mrs Dobson is female',
]);

describeHeldOutBooks('characters of held-out stories', HELD_OUT.map(story), KNOWN_MISSES);
