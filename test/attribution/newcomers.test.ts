/**
 * Someone the narration names for the first time well after an exchange between two people it had named began says
 * none of its lines before that paragraph: the tags after it name the newcomer again and again, and turn-taking used to
 * hand the newcomer every other untagged line of the talk before.
 */
import { markNewcomersAbsent } from '../../core/characters/attribution/newcomers';
import { emptyEvidence } from '../../core/characters/attribution/turnReading';
import { attributedDialogue, person } from './chapterFixture';

const cast = [
  person('nell', 'Nell', 'female', ['Nell Arden']),
  person('kit', 'Kit', 'male', ['Kit Arden']),
  person('hobday', 'Mrs. Hobday', 'female', ['Hobday']),
];

const untaggedTalk = [
  '‘Is the ferry still running?’',
  '‘Until six, I think.’',
  '‘And after six?’',
  '‘After six we swim, or we wait for the milk boat.’',
  '‘You always say that.’',
  '‘Because it is always true, Kit.’',
  '‘Did Uncle pay the ferryman last winter?’',
  '‘I doubt it. He never paid anybody.’',
  '‘Then we shall have to pay him twice.’',
  '‘Or not cross at all.’',
];

const chapter = (opening: string) =>
  [
    opening,
    ...untaggedTalk,
    'The towpath bent round the willows and the ferry house came into sight.',
    'Mrs. Hobday kept the ferry house. She was sitting on the step with a basket of peas in her lap.',
    '‘You’ll be wanting the boat,’ she said. ‘It goes at the half hour.’',
    '‘Two of us, please,’ said Nell.',
    '‘Two of you and a great deal of luggage,’ said Mrs. Hobday.',
  ].join('\n\n');

describe('a newcomer to an exchange', () => {
  it('says none of the lines before the narration first names her', () => {
    const lines = attributedDialogue(
      chapter('Nell and Kit walked down the towpath to the river, carrying the bags between them.'),
      cast,
      'en',
    );
    const before = lines.slice(0, untaggedTalk.length);
    expect(before.map((line) => line.text)).toEqual(untaggedTalk);
    for (const line of before) expect(['nell', 'kit']).toContain(line.speakerId);
    expect(lines.find((line) => line.text.includes('You’ll be wanting'))!.speakerId).toBe('hobday');
  });

  it('is never marked when fewer than two people were named before the exchange', () => {
    const entries = [0, 1].map((turn) => ({ turn, recent: ['kit'], evidence: emptyEvidence() }));
    // Only the turns' paragraphs are read.
    const structure = {
      paragraphs: [],
      paragraphOf: [],
      turnOf: [],
      interludes: [],
      turns: [0, 1].map((paragraph) => ({ paragraph })),
    } as unknown as Parameters<typeof markNewcomersAbsent>[2];
    markNewcomersAbsent(entries, ['kit', 'hobday'], structure, new Map([['hobday', 20]]));
    expect(entries.every((entry) => entry.evidence.departed.length === 0)).toBe(true);
  });
});
