import { attributeSpeakers } from '../../core/characters/attributeHeuristic';
import { labelConfidence, namedByOwnEvidence } from '../../core/characters/attribution/confidence';
import { emptyEvidence } from '../../core/characters/attribution/turnReading';
import { Cast, unnamedPeopleIn } from '../../core/characters/attribution/cast';
import { foldRolesIntoNames } from '../../core/characters/attribution/coreference';
import { CLAIM } from '../../core/characters/attribution/evidence';
import { selfNamedIn } from '../../core/characters/attribution/selfNaming';
import { addressedIn } from '../../core/characters/attribution/vocatives';
import { believe, type TurnEvidence } from '../../core/characters/attributeTurns';
import { narratorCharacter, NARRATOR_ID, type Character, type Gender } from '../../core/characters/character';
import { detectCharactersHeuristic } from '../../core/characters/detectHeuristic';
import { segmentChapter } from '../../core/planning/segmentation';
import { ADDRESSED_NARRATOR } from '../characters/detectionFixtures';

function person(id: string, name: string, gender: Gender, aliases: string[] = []): Character {
  return { ...narratorCharacter(null), id, name, aliases, gender, importance: 'main', description: '' };
}

/** The first-person narrator as character detection gives it: the narrator record with a name and a gender. */
function firstPersonNarrator(name: string, gender: Gender): Character {
  return { ...narratorCharacter(null), name, gender, dialogueLineCount: 3 };
}

interface Line {
  text: string;
  speaker: string;
  confidence: number;
}

function attribute(text: string, cast: Character[], language?: string): Line[] {
  const segments = segmentChapter(text, language ? { language } : undefined).map((segment) => ({
    id: `s${segment.index}`,
    kind: segment.kind,
    text: segment.text,
    chapterId: 'chapter',
    index: segment.index,
    boundaryBefore: segment.boundaryBefore,
  }));
  const labels = attributeSpeakers(segments, cast, language);
  labels.forEach((label, i) => {
    expect(label.segmentId).toBe(segments[i].id);
    expect(label.confidence).toBeGreaterThanOrEqual(0);
    expect(label.confidence).toBeLessThanOrEqual(1);
    if (segments[i].kind !== 'dialogue') expect(label).toMatchObject({ speakerId: NARRATOR_ID, confidence: 1 });
  });
  return segments
    .map((segment, i) => ({ segment, label: labels[i] }))
    .filter(({ segment }) => segment.kind === 'dialogue')
    .map(({ segment, label }) => ({
      text: segment.text.trim(),
      speaker: label.speakerId,
      confidence: label.confidence,
    }));
}

function lineWith(lines: Line[], snippet: string): Line {
  const line = lines.find((candidate) => candidate.text.includes(snippet));
  if (!line) throw new Error(`no dialogue segment holds ${JSON.stringify(snippet)}`);
  return line;
}

const bennets = [
  narratorCharacter(null),
  person('mr-bennet', 'Mr. Bennet', 'male'),
  person('mrs-bennet', 'Mrs. Bennet', 'female'),
  person('elizabeth', 'Elizabeth', 'female', ['Lizzy', 'Elizabeth Bennet']),
  person('kitty', 'Kitty', 'female'),
];

describe('speaker attribution', () => {
  it('reads tags after, inside and before a line, in quotes, raya and double hyphen', () => {
    const cast = [
      narratorCharacter(null),
      person('ann', 'Ann', 'female'),
      person('tom', 'Tom', 'male'),
      person('rosa', 'Rosa', 'female'),
      person('martin', 'Martín', 'male'),
    ];
    const lines = attribute(
      [
        '"Is it you?" asked Ann. "I had given up hope."',
        'Tom said only, "It is."',
        '—¿Llegaste? —preguntó Rosa.',
        '—Ya voy —dijo Martín—. Espera un momento.',
        '-- Vens? -- disse Tom.',
      ].join('\n\n'),
      cast,
    );
    expect(lines.map((line) => line.speaker)).toEqual(['ann', 'ann', 'tom', 'rosa', 'martin', 'martin', 'tom']);
    for (const line of lines) expect(line.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it("gives a first-person narrator's lines to the narrator: said I, I said, disse eu, respondi, dije yo", () => {
    const english = attribute(
      [
        'My uncle saw me staring at him.',
        '"Well, so your old friend is gone," said Mr. Bennet.',
        '"Who?" said I.',
        '"Father Flynn."',
        '"Is he dead?" I asked.',
      ].join('\n\n'),
      [firstPersonNarrator('Narrator', 'male'), person('mr-bennet', 'Mr. Bennet', 'male')],
    );
    expect(lineWith(english, 'Who?').speaker).toBe(NARRATOR_ID);
    expect(lineWith(english, 'Is he dead?').speaker).toBe(NARRATOR_ID);
    expect(lineWith(english, 'Father Flynn').speaker).toBe('mr-bennet');

    const cast = [firstPersonNarrator('Braz Cubas', 'male'), person('virgilia', 'Virgilia', 'female')];
    const portuguese = attribute(
      '--Anda visitando os defuntos? disse-lhe eu.--Ora, defuntos! respondeu Virgilia.\n\n--Não sei se faz bem, retorqui.',
      cast,
    );
    expect(portuguese.map((line) => line.speaker)).toEqual([NARRATOR_ID, 'virgilia', NARRATOR_ID]);
    const spanish = attribute('—Ya voy —dije yo.\n\n—Bien —respondió Virgilia.', cast);
    expect(spanish.map((line) => line.speaker)).toEqual([NARRATOR_ID, 'virgilia']);
  });

  it('follows a two-person exchange through untagged turns, and says how sure it is', () => {
    const lines = attribute(
      [
        '"My dear Mr. Bennet," said Mrs. Bennet, "have you heard that Netherfield Park is let?"',
        '"I have not," replied Mr. Bennet.',
        '"But it is."',
        '"Who has taken it?"',
        '"A young man of large fortune."',
        '"Is he married or single?"',
      ].join('\n\n'),
      bennets,
    );
    expect(lines.map((line) => line.speaker)).toEqual([
      'mrs-bennet',
      'mrs-bennet',
      'mr-bennet',
      'mrs-bennet',
      'mr-bennet',
      'mrs-bennet',
      'mr-bennet',
    ]);
    const [tagged, , replied, ...untagged] = lines;
    expect(tagged.confidence).toBeGreaterThanOrEqual(0.9);
    expect(replied.confidence).toBeGreaterThanOrEqual(0.9);
    // Further from the tags, turn-taking alone is less sure.
    expect(untagged.at(-1)!.confidence).toBeLessThan(replied.confidence);
  });

  it('remembers who a person was answering however many turns in a row they keep (turn-taking model)', () => {
    const said = (speakerId: string, more: Partial<TurnEvidence> = {}): TurnEvidence => ({
      ...emptyEvidence(),
      claims: [{ speakerId, confidence: CLAIM.namedTag }],
      ...more,
    });
    const beliefs = believe({
      // The bystander first, so that a tie would go to him.
      candidates: ['hale', 'pike', 'grey'],
      manySpeakers: false,
      opening: new Map(),
      genderOf: () => 'male',
      turns: [
        said('pike'),
        said('grey'),
        said('pike'),
        said('grey'),
        said('grey', { afterNarration: true }),
        emptyEvidence(),
        emptyEvidence(),
      ],
    });
    expect(beliefs[5].speakerId).toBe('pike');
    expect(beliefs[6].speakerId).toBe('grey');
  });

  it("takes a quotation that narration brings someone else in to say, inside one paragraph, for that person's turn", () => {
    const cast = [
      narratorCharacter(null),
      person('alice', 'Alice', 'female'),
      person('rabbit', 'The White Rabbit', 'male', ['the White Rabbit', 'the Rabbit']),
    ];
    const lines = attribute(
      [
        'The Rabbit stood by the King, and Alice looked at the jurors.',
        "'Stupid things!' Alice began in a loud, indignant voice, but she stopped hastily, for the White Rabbit " +
          "cried out, 'Silence in the court!'",
        "'I beg your pardon,' said Alice, and then she added, 'I did not mean it.'",
        "'Well,' said the Rabbit, when Alice had finished, 'you must be quiet.'",
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(lines, 'Stupid things').speaker).toBe('alice');
    expect(lineWith(lines, 'Silence in the court')).toMatchObject({ speaker: 'rabbit' });
    expect(lineWith(lines, 'I did not mean it').speaker).toBe('alice');
    expect(lineWith(lines, 'you must be quiet').speaker).toBe('rabbit');
  });

  it('takes a quotation that a clause of its own brings someone else in to say, without a speech verb, for theirs', () => {
    const cast = [
      narratorCharacter(null),
      person('alice', 'Alice', 'female'),
      person('queen', 'The Queen', 'female', ['the Queen']),
      person('lucas', 'Tío Lucas', 'male', ['tío Lucas']),
      person('frasquita', 'Frasquita', 'female', ['señá Frasquita']),
    ];
    const lines = attribute(
      [
        'The Queen sat on her throne, and Alice stood before her.',
        "'Please go on!' Alice called after her; and the Queen turned round at once: 'Off with her head!'",
        "'Come back!' Alice cried; and the others all joined in chorus, 'Yes, please do!'",
        "'I beg your pardon,' said Alice; and then she turned to the Queen, 'I did not mean it.'",
        '«Vamos», dijo Alice; y Frasquita se levantó: «¿Adónde?»',
        '«Ya voy», dijo Alice; y volviéndose a la Reina: «¿Viene usted?»',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(lines, 'Please go on').speaker).toBe('alice');
    expect(lineWith(lines, 'Off with her head')).toMatchObject({ speaker: 'queen' });
    expect(lineWith(lines, 'Come back').speaker).toBe('alice');
    // Someone the cast does not name: never Alice, never confident.
    expect(lineWith(lines, 'Yes, please do')).toMatchObject({ speaker: expect.not.stringMatching(/^alice$/u) });
    expect(lineWith(lines, 'Yes, please do').confidence).toBeLessThan(0.7);
    // A pronoun ("then she turned") or a gerund ("y volviéndose") goes on with the tagged speaker.
    expect(lineWith(lines, 'I did not mean it').speaker).toBe('alice');
    expect(lineWith(lines, 'Adónde').speaker).toBe('frasquita');
    expect(lineWith(lines, 'Viene usted').speaker).toBe('alice');
    // A phrase of manner or a noun before a preposition is no clause of its own: the tagged speaker goes on.
    const manner = attribute(
      [
        'The Queen sat on her throne, and Alice stood before her.',
        "'Sit down,' said the Queen, with a smile and the crown on her head, 'and be quiet.'",
        "'Now then,' said Alice, with her head cocked and the door open, 'what is it?'",
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(manner, 'and be quiet')).toMatchObject({
      speaker: 'queen',
      confidence: lineWith(manner, 'Sit down').confidence,
    });
    expect(lineWith(manner, 'what is it')).toMatchObject({
      speaker: 'alice',
      confidence: lineWith(manner, 'Now then').confidence,
    });
  });

  it('finds the subject brought in after a conjunction, before an adverb, or shared with the clause before', () => {
    const cast = [
      narratorCharacter(null),
      person('alice', 'Alice', 'female'),
      person('queen', 'The Queen', 'female', ['the Queen']),
      person('king', 'The King', 'male', ['the King']),
      person('rabbit', 'The White Rabbit', 'male', ['the White Rabbit', 'the Rabbit']),
      person('lucas', 'Tío Lucas', 'male', ['tío Lucas']),
      person('frasquita', 'Frasquita', 'female', ['señá Frasquita']),
    ];
    const lines = attribute(
      [
        'The Queen and the King sat on their thrones, and Alice stood before them.',
        "'Oh, a song, please,' Alice replied, so eagerly that the Queen said, in an offended tone, 'No accounting for tastes!'",
        "'What trial is it?' Alice panted as she ran; but the Queen only answered 'Come on!'",
        "'Call the first witness,' said the King; and the White Rabbit blew three blasts on the trumpet, and called out, 'First witness!'",
        "'Take care,' said the King, looking at Alice as he added, 'and mind your head.'",
        '«Vamos», dijo tío Lucas, tan deprisa que Frasquita contestó: «¿Adónde?»',
        '«Ya», disse Alice; e Frasquita tocou a campainha, e gritou: «Entrem!»',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(lines, 'a song, please').speaker).toBe('alice');
    expect(lineWith(lines, 'No accounting for tastes').speaker).toBe('queen');
    expect(lineWith(lines, 'What trial is it').speaker).toBe('alice');
    expect(lineWith(lines, 'Come on!').speaker).toBe('queen');
    expect(lineWith(lines, 'Call the first witness').speaker).toBe('king');
    expect(lineWith(lines, 'First witness!').speaker).toBe('rabbit');
    // "as he added": a pronoun brings in no one else.
    expect(lineWith(lines, 'mind your head')).toMatchObject({ speaker: 'king' });
    expect(lineWith(lines, 'Vamos').speaker).toBe('lucas');
    expect(lineWith(lines, 'Adónde').speaker).toBe('frasquita');
    expect(lineWith(lines, 'Ya').speaker).toBe('alice');
    expect(lineWith(lines, 'Entrem').speaker).toBe('frasquita');
  });

  it('is never confident of a label turn-taking alone gives, when nothing in the turn names its speaker', () => {
    // A tag or introduction of its own makes a label confident from probability 0.8; turn-taking alone never does.
    expect(labelConfidence(0.85, true)).toBeGreaterThanOrEqual(0.7);
    expect(labelConfidence(1, true)).toBe(1);
    for (const probability of [0.85, 0.9, 0.99, 1]) expect(labelConfidence(probability, false)).toBeLessThan(0.7);
    expect(labelConfidence(0.99, false)).toBeGreaterThan(labelConfidence(0.9, false));
    for (const ownEvidence of [true, false]) {
      expect(labelConfidence(0, ownEvidence)).toBe(0);
      const steps = Array.from({ length: 101 }, (_, i) => labelConfidence(i / 100, ownEvidence));
      steps.slice(1).forEach((confidence, i) => expect(confidence).toBeGreaterThanOrEqual(steps[i]));
    }
    // A tag or introduction naming the speaker is the turn's own evidence; a pronoun's only candidate, a relative or
    // a line naming its speaker alone is not, nor a claim for someone else.
    const turn = (speakerId: string, confidence: number): TurnEvidence => ({
      ...emptyEvidence(),
      claims: [{ speakerId, confidence }],
    });
    for (const claim of [CLAIM.namedTag, CLAIM.firstPersonTag, CLAIM.namedIntro])
      expect(namedByOwnEvidence(turn('ann', claim), 'ann')).toBe(true);
    for (const claim of [CLAIM.pronounOnlyCandidate, CLAIM.relationBySurname, CLAIM.selfNamed, CLAIM.beat])
      expect(namedByOwnEvidence(turn('ann', claim), 'ann')).toBe(false);
    expect(namedByOwnEvidence(turn('tom', CLAIM.namedTag), 'ann')).toBe(false);
    // In an exchange, the tagged lines are confident and the untagged ones after them are not.
    const lines = attribute(
      [
        'Mr. Bennet was in the library.',
        '"Kitty, my dear," said Mr. Bennet, "have you heard that Netherfield Park is let?"',
        '"No, papa."',
        '"Well, it is."',
      ].join('\n\n'),
      bennets,
    );
    expect(lines.map((line) => line.speaker)).toEqual(['mr-bennet', 'mr-bennet', 'kitty', 'mr-bennet']);
    expect(lines[0].confidence).toBeGreaterThanOrEqual(0.9);
    for (const untagged of lines.slice(2)) expect(untagged.confidence).toBeLessThan(0.7);
  });

  it('takes a role word before a name in a tag for a description of the person named', () => {
    const cast = [
      narratorCharacter(null),
      person('corregidor', 'Corregidor', 'male', ['el Corregidor']),
      person('viejo', 'El viejo', 'male', ['el viejo']),
      person('frasquita', 'Frasquita', 'female'),
    ];
    const lines = attribute(
      ['—¿Y Lucas? —preguntó Frasquita.', '—Pues mira... —exclamó el viejo Corregidor—. ¡Déjalo dormir!'].join('\n\n'),
      cast,
    );
    expect(lineWith(lines, 'Pues mira').speaker).toBe('corregidor');
    // A role alone still names the role.
    expect(attribute('—Ya voy —dijo el viejo.', cast)[0].speaker).toBe('viejo');
  });

  it('does not take "my friend" in a line for the person the narrator calls so', () => {
    const cast = [
      narratorCharacter(null),
      person('hale', 'Mr. Hale', 'male', ['Hale', 'my friend']),
      person('grey', 'Mr. Grey', 'male', ['Grey']),
    ];
    const lines = attribute(
      [
        'Hale and Mr. Grey were at the window when the door opened.',
        '"You are late," said Grey.',
        '"Come, my friend, sit down and tell us all about it."',
      ].join('\n\n'),
      cast,
    );
    // Grey spoke; the line after is Hale's, whom "my friend" in it does not rule out.
    expect(lineWith(lines, 'Come, my friend').speaker).toBe('hale');
  });

  it('is never confident that someone only described speaks while a person of that gender it names is there', () => {
    const cast = [
      narratorCharacter(null),
      person('stoner', 'Miss Stoner', 'female', ['Helen Stoner']),
      person('lady', 'The lady', 'female', ['the lady']),
      person('holmes', 'Holmes', 'male'),
    ];
    const withHer = attribute(
      [
        'Miss Stoner had come in out of the rain, and Holmes rose to meet her.',
        '"It is not cold which makes me shiver," said the lady in a low voice.',
      ].join('\n\n'),
      cast,
    );
    expect(withHer[0]).toMatchObject({ speaker: 'lady' });
    expect(withHer[0].confidence).toBeLessThan(0.7);
    expect(withHer[0].confidence).toBeGreaterThanOrEqual(0.5);
    const withoutHer = attribute(
      [
        'Holmes rose to meet the visitor.',
        '"It is not cold which makes me shiver," said the lady in a low voice.',
      ].join('\n\n'),
      cast,
    );
    expect(withoutHer[0]).toMatchObject({ speaker: 'lady' });
    expect(withoutHer[0].confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('reads tags naming someone by a lower-case title: dijo don Quijote, respondió tío Lucas, disse tio Cosme', () => {
    const cast = [
      narratorCharacter(null),
      person('quijote', 'Don Quijote', 'male', ['don Quijote', 'Quijote']),
      person('sancho', 'Sancho', 'male', ['Sancho Panza']),
      person('lucas', 'Tío Lucas', 'male', ['tío Lucas']),
    ];
    const lines = attribute(
      [
        'Sancho y el tío Lucas esperaban a la puerta de la venta.',
        '— Cualquiera yantaría yo —respondió don Quijote—, porque me haría mucho al caso.',
        '— Y yo también —dijo tío Lucas.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(lines, 'Cualquiera').speaker).toBe('quijote');
    expect(lineWith(lines, 'mucho al caso').speaker).toBe('quijote');
    expect(lineWith(lines, 'Y yo también').speaker).toBe('lucas');
    for (const line of lines) expect(line.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('reads a dash glued to speech as a pause in the same speech, unless the line answers someone', () => {
    const cast = [
      narratorCharacter(null),
      person('lucas', 'Tío Lucas', 'male', ['tío Lucas', 'Lucas']),
      person('frasquita', 'Frasquita', 'female', ['señá Frasquita']),
    ];
    const pause = attribute(
      [
        '--Vete tú delante --dijo Lucas a su mujer.',
        '--¡No está mal pensado! (exclamó Frasquita). ¡Qué majadería!--Pero aquí llega...--Ocúltate tú bien entre los pámpanos.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(pause, 'Vete tú').speaker).toBe('lucas');
    for (const snippet of ['No está mal', 'Qué majadería', 'aquí llega', 'Ocúltate'])
      expect(lineWith(pause, snippet).speaker).toBe('frasquita');
    const reply = attribute(
      ['A Frasquita e o tio Lucas estavam à porta.', '--Vens amanhã, Frasquita?--Venho, Lucas; virei cedo.'].join(
        '\n\n',
      ),
      cast,
    );
    expect(lineWith(reply, 'Vens amanhã').speaker).toBe('lucas');
    expect(lineWith(reply, 'Venho').speaker).toBe('frasquita');
  });

  it('never gives a line to the person it addresses by name', () => {
    const lines = attribute(
      [
        'Mr. Bennet and his wife sat by the fire with Lizzy.',
        '"Mr. Bennet, how can you abuse your own children in such a way?"',
        '"You mistake me, Lizzy. I have a high respect for your nerves."',
      ].join('\n\n'),
      bennets,
    );
    expect(lineWith(lines, 'how can you abuse').speaker).not.toBe('mr-bennet');
    expect(lineWith(lines, 'You mistake me').speaker).not.toBe('elizabeth');
  });

  it('resolves he and she to the person of that gender the narration was just about', () => {
    const lines = attribute(
      [
        '"It will rain," said Kitty.',
        'Mr. Bennet looked up from his book and frowned at the window.',
        '"It will not," he said.',
        'Mrs. Bennet put down her work.',
        '"Then we shall walk to Meryton," she said.',
      ].join('\n\n'),
      bennets,
    );
    expect(lineWith(lines, 'It will not').speaker).toBe('mr-bennet');
    expect(lineWith(lines, 'walk to Meryton').speaker).toBe('mrs-bennet');
  });

  it('reads a relation by family name ("cried his wife") and a passive introduction ("accosted by")', () => {
    const lines = attribute(
      [
        'Mr. Bennet made no answer.',
        '"Do you not want to know who has taken it?" cried his wife impatiently.',
        'He was thinking of her with some complacency, when thus accosted by Elizabeth:',
        '"I can guess the subject of your reverie."',
      ].join('\n\n'),
      bennets,
    );
    expect(lineWith(lines, 'who has taken it').speaker).toBe('mrs-bennet');
    expect(lineWith(lines, 'I can guess').speaker).toBe('elizabeth');
  });

  it('takes "the sister" for a relative in the scene, not for someone outside the cast', () => {
    const cast = [
      narratorCharacter(null),
      person('carlota', 'Carlota', 'female'),
      person('lulu', 'Lulu', 'female'),
      person('major', 'Major Vieira', 'male', ['major']),
    ];
    const lines = attribute(
      [
        'Carlota e Lulu bordavam na sala.',
        '-- Não gosto dele, disse Lulu.',
        '-- Mentira, retrucou a irmã. Gostas demais.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(lines, 'Mentira').speaker).toBe('carlota');
    expect(lineWith(lines, 'Mentira').confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('treats two records of the same name as one person, so turn-taking does not alternate between them', () => {
    const split = [
      narratorCharacter(null),
      { ...person('jane', 'Jane', 'female'), dialogueLineCount: 20 },
      { ...person('jane-2', 'Jane', 'female', ['Miss Jane Bennet']), dialogueLineCount: 5 },
      person('elizabeth', 'Elizabeth', 'female'),
    ];
    const lines = attribute(
      [
        '"Is my father in town?" asked Elizabeth.',
        '"Yes, he went on Tuesday," said Miss Jane Bennet.',
        '"And have you heard from him often?"',
        '"Only twice," said Jane.',
      ].join('\n\n'),
      split,
    );
    expect(lines.map((line) => line.speaker)).toEqual(['elizabeth', 'jane', 'elizabeth', 'jane']);
  });

  it('takes a role after an article or a third person\'s possessive for no address ("his friend,", "the doctor,")', () => {
    const cast = new Cast([
      narratorCharacter(null),
      person('hale', 'Mr. Hale', 'male', ['Hale', 'my friend']),
      person('grey', 'Mr. Grey', 'male', ['Grey', 'the doctor']),
    ]);
    expect(addressedIn('"Was she his client, his friend, or his mistress? It mattered."', cast)).toEqual([]);
    expect(addressedIn('"I sent for the doctor, and he came at once."', cast)).toEqual([]);
    expect(addressedIn('"Who called the doctor, in the end?"', cast)).toEqual([]);
    expect(addressedIn('"Tell me, Hale, what she wanted."', cast)).toEqual(['hale']);
  });

  it('takes a line that only calls a name out ("Capitú!", "—¡Frasquita!") for an address, a name answered for none', () => {
    const cast = new Cast([
      narratorCharacter(null),
      person('capitu', 'Capitú', 'female'),
      person('frasquita', 'Señá Frasquita', 'female', ['Frasquita']),
      person('bingley', 'Mr. Bingley', 'male', ['Bingley']),
    ]);
    expect(addressedIn('--Capitú!', cast)).toEqual(['capitu']);
    expect(addressedIn('—¡Frasquita!', cast)).toEqual(['frasquita']);
    expect(addressedIn('"Oh, Bingley!"', cast)).toEqual(['bingley']);
    expect(addressedIn('"Bingley."', cast)).toEqual([]);
    expect(addressedIn('"Bingley?"', cast)).toEqual([]);
    expect(addressedIn('"Poor Bingley!"', cast)).toEqual([]);
  });

  it('reads the names a turn addresses over all its pieces, and a name the line talks about is no address', () => {
    const lines = attribute(
      [
        'The next morning Elizabeth was met by her father, who came out of his library.',
        '"Lizzy," said he, "I was going to look for you."',
        '"Mr. Bennet, you see, is the man! Now, Lizzy, I think I have surprised you."',
      ].join('\n\n'),
      bennets,
    );
    expect(lineWith(lines, 'look for you').speaker).toBe('mr-bennet');
    expect(lineWith(lines, 'is the man').speaker).not.toBe('elizabeth');
  });

  it('lets "he" mean a man the narration has just brought in without a name, not a man of the cast', () => {
    const cast = [
      firstPersonNarrator('Braz Cubas', 'male'),
      person('lobo-neves', 'Lobo Neves', 'male'),
      person('virgilia', 'Virgilia', 'female'),
    ];
    const lines = attribute(
      [
        'Sahi da casa de Lobo Neves pensando na politica.',
        'Imaginem um homem de quarenta annos, alto, magro e pallido, com um chapéu velho.',
        '--Aposto que me não conhece, Sr. Dr. Cubas? disse elle.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(lines, 'Aposto').confidence).toBeLessThan(0.7);
  });

  it('keeps the speaker of a speech that runs over paragraphs', () => {
    const lines = attribute(
      [
        '"I have received a letter," said Mr. Bennet. "It begins:',
        '"My motive for cautioning you is as follows.',
        "\"Can you guess, Lizzy, who is meant? 'This young gentleman is blessed with every thing.'",
        '"We have reason to imagine that his aunt objects."',
        '"How strange!" cried Elizabeth.',
      ].join('\n\n'),
      bennets,
    );
    expect(lineWith(lines, 'My motive').speaker).toBe('mr-bennet');
    expect(lineWith(lines, 'Can you guess').speaker).toBe('mr-bennet');
    // A quotation inside the speech closes at the paragraph's end; the speech itself runs on.
    expect(lineWith(lines, 'his aunt objects').speaker).toBe('mr-bennet');
    // Found by turn-taking alone (the quotation left open), it is for review: a quotation left open is sometimes a
    // misprint or a letter, whose next paragraph another person speaks.
    expect(lineWith(lines, 'We have reason').confidence).toBeGreaterThan(0.6);
    expect(lineWith(lines, 'We have reason').confidence).toBeLessThan(0.7);
  });

  it('takes a name addressed inside a quotation the speaker reports for no address of theirs (en, es, pt)', () => {
    const cast = [
      narratorCharacter(null),
      person('dunn', 'Mr. Dunn', 'male', ['Dunn']),
      person('pike', 'Mr. Pike', 'male', ['Pike']),
    ];
    const english = attribute(
      [
        'Mr. Pike sat down, and Mr. Dunn lit his pipe.',
        '"Pray begin," said Mr. Dunn.',
        '"My clerk came to me and said: \'I wish, Mr. Pike, that I had your luck.\' I laughed at him."',
        '"And then?"',
        "\"'Mr. Pike,' he said, 'you will be rich.' That was all he said.\"",
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(english, 'My clerk came').speaker).toBe('pike');
    expect(lineWith(english, 'And then?').speaker).toBe('dunn');
    expect(lineWith(english, 'you will be rich').speaker).toBe('pike');
    const spanishCast = [
      narratorCharacter(null),
      person('gomez', 'Gómez', 'male', ['señor Gómez']),
      person('perez', 'Pérez', 'male', ['señor Pérez']),
    ];
    const spanish = attribute(
      [
        'Pérez se sentó, y Gómez encendió la pipa.',
        '--Empiece usted --dijo Gómez.',
        '--Mi mozo vino y me dijo: «Señor Pérez, usted será rico.» Y me reí de él.',
        '--¿Y después?',
        '--Después me dijo otra vez: «Pérez, mañana lo verá.» Nada más.',
      ].join('\n\n'),
      spanishCast,
    );
    expect(lineWith(spanish, 'Mi mozo vino').speaker).toBe('perez');
    expect(lineWith(spanish, 'mañana lo verá').speaker).toBe('perez');
    const portuguese = attribute(
      [
        'O Pires sentou-se, e o Dantas accendeu o cachimbo.',
        '--Comece, disse o Dantas.',
        '--O meu caixeiro veio e disse-me: “Sr. Pires, o senhor vae ser rico.” E eu ri-me delle.',
        '--E depois?',
        '--Depois disse-me outra vez: “Pires, amanhã verá.” Mais nada.',
      ].join('\n\n'),
      [
        narratorCharacter(null),
        person('dantas', 'Dantas', 'male', ['o Dantas']),
        person('pires', 'Pires', 'male', ['Sr. Pires', 'o Pires']),
      ],
    );
    expect(lineWith(portuguese, 'O meu caixeiro').speaker).toBe('pires');
    expect(lineWith(portuguese, 'amanhã verá').speaker).toBe('pires');
  });

  it('is not confident about a line whose tag names someone outside the cast', () => {
    const lines = attribute(
      ['"Why, where is our Martha?" cried Mr. Bennet.', '"We had a deal of work to finish," replied the girl.'].join(
        '\n\n',
      ),
      bennets,
    );
    expect(lineWith(lines, 'a deal of work').confidence).toBeLessThan(0.7);
  });

  it('does not give "he said" to a first-person narrator', () => {
    const lines = attribute(['I sat beside Mr. Bennet at the window.', '"It is late," he said.'].join('\n\n'), [
      firstPersonNarrator('Narrator', 'male'),
      person('mr-bennet', 'Mr. Bennet', 'male'),
    ]);
    expect(lineWith(lines, 'It is late').speaker).toBe('mr-bennet');
  });

  it('keeps "he asked" and "asked the landlady" from a first-person narrator whose own narration comes just before', () => {
    const cast = [
      firstPersonNarrator('Watson', 'male'),
      person('holmes', 'Holmes', 'male'),
      person('wilson', 'Wilson', 'male'),
    ];
    const exchange = (scene: string, tag: string) =>
      attribute(
        [
          scene,
          '"I come from the garden," said I.',
          '"Alone?"',
          'I looked at them without answering.',
          `"And what were you doing there?" ${tag}.`,
          '"Nothing."',
        ].join('\n\n'),
        cast,
        'en',
      );
    const pronoun = exchange('Holmes and Wilson were by the fire when I came in.', 'he asked');
    expect(lineWith(pronoun, 'what were you doing').speaker).not.toBe(NARRATOR_ID);
    expect(lineWith(pronoun, 'Nothing.').speaker).toBe(NARRATOR_ID);
    const unnamed = exchange(
      'I found Holmes and Wilson by the fire, and the landlady with them.',
      'asked the landlady',
    );
    expect(lineWith(unnamed, 'what were you doing').speaker).not.toBe(NARRATOR_ID);
    expect(lineWith(unnamed, 'what were you doing').confidence).toBeLessThan(0.7);
    expect(lineWith(unnamed, 'Nothing.').speaker).toBe(NARRATOR_ID);
  });

  it('takes a tag whose verb is in the third person, with no subject, for someone other than a first-person narrator', () => {
    // The narration just before the line is the narrator's own ("Eu olhei…"), which alone would give him the line.
    const portuguese = attribute(
      [
        'Rosa e Dona Clara estavam na varanda quando cheguei.',
        '--Venho do quintal, disse eu.',
        '--Sozinho?',
        'Eu olhei para ella sem responder.',
        '--E que fazia lá? perguntou-me.',
        '--Nada.',
      ].join('\n\n'),
      [firstPersonNarrator('Bento', 'male'), person('rosa', 'Rosa', 'female'), person('clara', 'Dona Clara', 'female')],
      'pt',
    );
    expect(lineWith(portuguese, 'E que fazia lá?').speaker).not.toBe(NARRATOR_ID);
    expect(lineWith(portuguese, 'Nada.').speaker).toBe(NARRATOR_ID);
    const spanish = attribute(
      [
        'Rosa y Doña Clara estaban en el balcón cuando llegué.',
        '—Vengo del huerto —dije yo.',
        '—¿Solo?',
        'Yo la miré sin responder.',
        '—¿Y qué hacías allí? —me preguntó.',
        '—Nada.',
      ].join('\n\n'),
      [firstPersonNarrator('Bento', 'male'), person('rosa', 'Rosa', 'female'), person('clara', 'Doña Clara', 'female')],
      'es',
    );
    expect(lineWith(spanish, 'qué hacías allí?').speaker).not.toBe(NARRATOR_ID);
    expect(lineWith(spanish, 'Nada.').speaker).toBe(NARRATOR_ID);
  });
});

describe('attribution with the cast detection finds', () => {
  it("gives an addressed first-person narrator the lines between his friend's, and the friend his own", () => {
    const cast = detectCharactersHeuristic(ADDRESSED_NARRATOR);
    const graves = cast.find((character) => character.name === 'Graves')!.id;
    const lines = ADDRESSED_NARRATOR.flatMap((chapter) => attribute(chapter.text, cast));
    expect(lineWith(lines, 'You are late, Hale').speaker).toBe(graves);
    expect(lineWith(lines, "It is a woman's hand").speaker).toBe(NARRATOR_ID);
    expect(lineWith(lines, 'Excellent, Hale!').speaker).toBe(graves);
    expect(lineWith(lines, 'Hale, the lamp').speaker).toBe(graves);
  });
});

describe('self-introductions', () => {
  it('gives a line in which the speaker says who they are to that person ("Sou o Borba", "I am Mr. Bennet")', () => {
    const cast = [
      firstPersonNarrator('Braz', 'male'),
      person('borba', 'Quincas Borba', 'male', ['Borba']),
      person('neves', 'Lobo Neves', 'male'),
    ];
    const lines = attribute(
      [
        'Saí da casa de Lobo Neves e fui andando até o Passeio.',
        'Imaginem um homem de quarenta annos, magro e pallido, com uma sobrecasaca larga e roída.',
        '--Aposto que me não conhece? disse elle.',
        '--Não me lembra...',
        '--Sou o Borba, o Quincas Borba.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(lines, 'Sou o Borba').speaker).toBe('borba');
    const english = attribute(
      ['"Who are you?" said Kitty.', '"I am Mr. Bennet\'s cousin," said the visitor.', '"I am Mr. Bennet."'].join(
        '\n\n',
      ),
      bennets,
    );
    expect(lineWith(english, 'I am Mr. Bennet.').speaker).toBe('mr-bennet');
  });
});

describe('an unnamed visitor who says at last who he is', () => {
  const LONG_PAUSE =
    'Nobody answered him. The fire burned low in the grate, and for a long while the only sound in the room was the ' +
    'ticking of the clock upon the mantelpiece and the rain against the window. Grey sat with his eyes closed and ' +
    'his fingers pressed together, as he always did when a matter caught his fancy, and the man walked up and down ' +
    'the carpet with the heavy step of someone used to being obeyed.';
  const PAUSA =
    'Nadie contestó. El fuego se iba apagando en la chimenea, y durante un buen rato no se oyó en la cocina más que ' +
    'la lluvia contra la ventana y el reloj de la pared. Pedro se quedó quieto junto a la mesa, con el candil en la ' +
    'mano, sin saber si abrir o llamar a los vecinos, y fuera los pasos iban y venían sobre las piedras de la calle.';
  const PAUSA_PT =
    'Ninguém respondeu. O fogo ia-se apagando no fogão, e durante muito tempo não se ouviu na cozinha mais do que a ' +
    'chuva na janela e o relógio da parede. O Pedro ficou parado ao pé da mesa, com a candeia na mão, sem saber se ' +
    'abria ou chamava os vizinhos, e lá fora os passos iam e vinham pelas pedras da rua.';
  const englishCast = [
    firstPersonNarrator('Dr. Ames', 'male'),
    person('grey', 'Mr. Grey', 'male', ['Grey', 'my friend']),
    person('duke', 'The Duke', 'male', ['the Duke']),
    person('porter', 'The porter', 'male', ['the porter']),
  ];

  it('takes a role that ends the phrase for the speaker ("I am the Duke.", "Soy el cura,", "Sou o padre.")', () => {
    const english = new Cast(englishCast, 'en');
    expect(selfNamedIn('"I am the Duke. Why should I hide it?"', english)).toBe('duke');
    expect(selfNamedIn('"I am the Duke of Arden."', english)).toBe('duke');
    // A role that goes on into a description, or someone else's role, names nobody.
    expect(selfNamedIn('"I am the porter who brought your trunk."', english)).toBeNull();
    expect(selfNamedIn('"I am the Duke\'s messenger."', english)).toBeNull();
    expect(selfNamedIn('"I am the best judge of that."', english)).toBeNull();
    const spanish = new Cast([narratorCharacter(null), person('cura', 'El cura', 'male', ['el cura'])], 'es');
    expect(selfNamedIn('—Soy el cura, de este lugar.', spanish)).toBe('cura');
    const portuguese = new Cast([narratorCharacter(null), person('padre', 'O padre', 'male', ['o padre'])], 'pt');
    expect(selfNamedIn('--Sou o padre.', portuguese)).toBe('padre');
  });

  it('gives the lines a tag left to someone the cast does not name to the visitor who names himself later', () => {
    const lines = attribute(
      [
        'Grey lit his pipe. A tall man in a black mask came in and stood by the door.',
        '"You will excuse this mask," continued our strange visitor.',
        '"I was aware of it," said Grey.',
        '"The matter is of great delicacy," said the stranger.',
        // A long narration ends the exchange: the next one begins where the visitor names himself.
        LONG_PAUSE,
        '"Then state your case," said Grey.',
        '"You are right," he cried, tearing off the mask; "I am the Duke. Why should I hide it?"',
      ].join('\n\n'),
      englishCast,
    );
    expect(lineWith(lines, 'I am the Duke').speaker).toBe('duke');
    expect(lineWith(lines, 'excuse this mask').speaker).toBe('duke');
    expect(lineWith(lines, 'great delicacy').speaker).toBe('duke');
    expect(lineWith(lines, 'I was aware').speaker).toBe('grey');
    // Found by turn-taking and a later line, not by a tag naming him: flagged for review.
    expect(lineWith(lines, 'excuse this mask').confidence).toBeLessThan(0.7);
  });

  it('does the same in Spanish and Portuguese ("dijo una voz" … "Soy el cura")', () => {
    const spanish = attribute(
      [
        'Pedro estaba solo en la cocina cuando llamaron a la puerta.',
        '—Abran, que vengo de lejos —dijo una voz desde la calle.',
        PAUSA,
        '—¿Quién es? —preguntó Pedro.',
        '—Soy el cura, de este lugar.',
      ].join('\n\n'),
      [narratorCharacter(null), person('pedro', 'Pedro', 'male'), person('cura', 'El cura', 'male', ['el cura'])],
    );
    expect(lineWith(spanish, 'Abran').speaker).toBe('cura');
    const portuguese = attribute(
      [
        'O Pedro estava só na cozinha quando bateram à porta.',
        '--Abram, que venho de longe, disse uma voz da rua.',
        PAUSA_PT,
        '--Quem é? perguntou o Pedro.',
        '--Sou o padre.',
      ].join('\n\n'),
      [narratorCharacter(null), person('pedro', 'Pedro', 'male'), person('padre', 'O padre', 'male', ['o padre'])],
    );
    expect(lineWith(portuguese, 'Abram').speaker).toBe('padre');
  });

  it('takes a noble title the cast does not hold for someone in the scene ("The Count shrugged… said he")', () => {
    const cast = new Cast(englishCast, 'en');
    expect(unnamedPeopleIn('The Count shrugged his broad shoulders.', cast)).toEqual([{ offset: 0, gender: 'male' }]);
    expect(unnamedPeopleIn('la condesa se levantó', cast)).toEqual([{ offset: 0, gender: 'female' }]);
    const lines = attribute(
      [
        'Grey lit his pipe. A tall man in a black mask came in and sat down.',
        '"You may speak freely before my friend," said Grey.',
        'The Count shrugged his broad shoulders.',
        '"Then I must begin," said he, "by binding you both to secrecy."',
        LONG_PAUSE,
        '"Then state your case," said Grey.',
        '"You are right," he cried, tearing off the mask; "I am the Duke. Why should I hide it?"',
      ].join('\n\n'),
      englishCast,
    );
    expect(lineWith(lines, 'Then I must begin').speaker).toBe('duke');
  });

  it("leaves a stranger's line alone when the one who names himself was already in the scene", () => {
    const lines = attribute(
      [
        'The Duke and Grey sat by the fire. A porter looked in at the door.',
        '"A letter for you, sir," said a voice.',
        '"Thank you," said Grey.',
        '"I am the Duke. Read it to me."',
      ].join('\n\n'),
      englishCast,
    );
    expect(lineWith(lines, 'A letter for you').speaker).not.toBe('duke');
  });
});

describe('the attribution cast, one person on two records', () => {
  it('takes a record named by a role for the one record that has the role among its names (es, en, pt)', () => {
    const cast = new Cast([
      narratorCharacter(null),
      person('el-corregidor', 'El Corregidor', 'male', ['el Corregidor']),
      person('senor-corregidor', 'Señor Corregidor', 'male', ['Corregidor', 'señor Corregidor']),
      person('the-captain', 'The Captain', 'male', ['the Captain']),
      person('captain-hale', 'Captain Hale', 'male', ['Captain', 'Hale']),
      person('o-padre', 'O padre', 'male', ['o padre']),
      person('padre-cabral', 'Padre Cabral', 'male', ['padre Cabral']),
      person('the-doctor', 'The doctor', 'male', ['the doctor']),
      person('doctor-a', 'Dr. Ames', 'male', ['doctor']),
      person('doctor-b', 'Dr. Bell', 'male', ['doctor']),
    ]);
    expect(cast.ids).not.toContain('el-corregidor');
    expect(cast.subjectOf('el Corregidor')).toBe('senor-corregidor');
    expect(cast.ids).not.toContain('the-captain');
    expect(cast.subjectOf('the Captain')).toBe('captain-hale');
    // "padre" is no form of Padre Cabral's alone, and "doctor" names two people: both stay apart.
    expect(cast.ids).toEqual(expect.arrayContaining(['o-padre', 'padre-cabral', 'the-doctor']));
  });
});

describe('the attribution cast', () => {
  it('takes a name that names a street or a house for no mention of the person ("Baker Street", "rua do Machado")', () => {
    const cast = new Cast([
      narratorCharacter(null),
      person('baker', 'Mr. Henry Baker', 'male', ['Baker', 'Henry Baker']),
      person('machado', 'Machado', 'male'),
      person('alcala', 'Alcalá', 'male'),
    ]);
    const ids = (text: string) => cast.mentions(text).map((mention) => mention.id);
    expect(ids('I walked down Baker Street and past Briony Lodge.')).toEqual([]);
    expect(ids('Morava na rua do Machado; o Machado vinha vel-o.')).toEqual(['machado']);
    expect(ids('Vivía en la calle de Alcalá, y Alcalá lo sabía.')).toEqual(['alcala']);
    expect(ids('"Mr. Baker, I believe," said he. Baker nodded.')).toEqual(['baker', 'baker']);
  });

  it('takes a saint\'s name or a name owning a building for no mention of the person ("St. James\'s", "São João")', () => {
    const cast = new Cast([
      narratorCharacter(null),
      person('james', 'Mr. James', 'male', ['James']),
      person('joao', 'João', 'male'),
      person('pedro', 'Pedro', 'male'),
      person('simon', 'Lord St. Simon', 'male', ['St. Simon']),
    ]);
    const ids = (text: string) => cast.mentions(text).map((mention) => mention.id);
    expect(ids("Sarasate plays at the St. James's Hall this afternoon.")).toEqual([]);
    expect(ids("We heard him at James's Hall; the Globe, St. James's and the Star had it.")).toEqual([]);
    expect(ids('Na noite de São João o João não veio.')).toEqual(['joao']);
    expect(ids('Llegó a San Pedro, y Pedro lo esperaba.')).toEqual(['pedro']);
    // A name that holds the title is the person's; a possessive before anything else is still a naming.
    expect(ids("Lord St. Simon came in. James's hat was wet.")).toEqual(['simon', 'james']);
  });
});

describe('a tag naming a role after adjectives', () => {
  it('takes "la intrépida navarra" for the navarra, never a possessor\'s or a preposition\'s noun', () => {
    const cast = new Cast([
      narratorCharacter(null),
      person('frasquita', 'Señá Frasquita', 'female', ['Frasquita', 'la navarra']),
      person('corregidor', 'El Corregidor', 'male', ['el Corregidor']),
      person('old-man', 'The old man', 'male', ['the old man']),
      person('king', 'The King', 'male', ['the King']),
    ]);
    expect(cast.subjectOf('la intrépida navarra')).toBe('frasquita');
    expect(cast.subjectOf('la navarra')).toBe('frasquita');
    expect(cast.subjectOf('the poor old man')).toBe('old-man');
    expect(cast.subjectOf('la mujer del Corregidor')).not.toBe('corregidor');
    expect(cast.subjectOf("the king's daughter")).toBeNull();
  });

  it('gives the line to that person ("--Voy a ver...--dijo la intrépida navarra")', () => {
    const cast = [
      narratorCharacter(null),
      person('frasquita', 'Señá Frasquita', 'female', ['Frasquita', 'la navarra']),
      person('lucas', 'Tío Lucas', 'male', ['tío Lucas', 'Lucas']),
    ];
    const lines = attribute(
      [
        'Serían las nueve cuando el tío Lucas y la señá Frasquita oyeron llamar a la puerta.',
        '--Voy a ver...--dijo la intrépida navarra, encaminándose hacia la puerta.',
        '--¡Quita! ¡Eso me toca a mí!--exclamó el tío Lucas.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(lines, 'Voy a ver')).toMatchObject({ speaker: 'frasquita' });
    expect(lineWith(lines, 'Voy a ver').confidence).toBeGreaterThanOrEqual(0.7);
  });
});

describe('one person on a name record and a role record', () => {
  it('gives the lines of a role the narration sets beside a name to the name (es, pt, en)', () => {
    const spanish = attribute(
      [
        'La señá Rosa, la alegre y hacendosa molinera, barría la plaza cuando llegó el tío Pedro.',
        '--¡Buenos días! --dijo la molinera.',
        '--Buenos días --respondió el tío Pedro.',
      ].join('\n\n'),
      [
        narratorCharacter(null),
        person('rosa', 'Señá Rosa', 'female', ['señá Rosa', 'Rosa']),
        person('molinera', 'La molinera', 'female', ['la molinera']),
        person('pedro', 'Tío Pedro', 'male', ['tío Pedro']),
      ],
    );
    expect(lineWith(spanish, 'Buenos días!').speaker).toBe('rosa');
    const portuguese = attribute(
      [
        'Entrou minha mãe, D. Gloria, com o rosario na mão.',
        '--Onde está o Pedro? perguntou minha mãe.',
        '--Saiu, respondeu o tio Cosme.',
      ].join('\n\n'),
      [
        firstPersonNarrator('Bento', 'male'),
        person('gloria', 'D. Gloria', 'female', ['Gloria']),
        person('mae', 'Minha mãe', 'female', ['minha mãe']),
        person('cosme', 'Tio Cosme', 'male', ['tio Cosme']),
      ],
    );
    expect(lineWith(portuguese, 'Onde está').speaker).toBe('gloria');
    const english = attribute(
      ['Mr. Pike, the old banker, came in with Tom.', '"Good morning," said the banker.', '"Morning," said Tom.'].join(
        '\n\n',
      ),
      [
        narratorCharacter(null),
        person('pike', 'Mr. Pike', 'male', ['Pike']),
        person('banker', 'The banker', 'male', ['the banker']),
        person('tom', 'Tom', 'male'),
      ],
    );
    expect(lineWith(english, 'Good morning').speaker).toBe('pike');
  });

  it('folds no role set beside two names, in a list, or after an English "a"', () => {
    const cast = [
      narratorCharacter(null),
      person('pike', 'Mr. Pike', 'male', ['Pike']),
      person('dunn', 'Mr. Dunn', 'male', ['Dunn']),
      person('banker', 'The banker', 'male', ['the banker']),
      person('clerk', 'The clerk', 'male', ['the clerk']),
      person('man', 'The man', 'male', ['the man']),
    ];
    const folded = (narration: string[]) => [...foldRolesIntoNames(cast, narration, 'en').foldedInto];
    expect(folded(['Mr. Pike, the banker, came in.'])).toEqual([['banker', 'pike']]);
    expect(folded(['Mr. Pike, the banker, came in.', 'Mr. Dunn, the banker, went out.'])).toEqual([]);
    expect(folded(['Mr. Pike, the clerk, and the porter went out.'])).toEqual([]);
    expect(folded(['Mr. Pike, a much younger man, was employed there.'])).toEqual([]);
    expect(folded(['Mr. Pike, the man who came in yesterday with the dog and the cat, sat.'])).toEqual([]);
  });
});

describe("a first-person narrator's own verbs", () => {
  it("gives the line a narration in the narrator's own person introduces to the narrator (pt, es)", () => {
    const cast = [
      firstPersonNarrator('Bento', 'male'),
      person('capitu', 'Capitú', 'female'),
      person('dias', 'José Dias', 'male'),
    ];
    const portuguese = attribute(
      [
        'Capitú olhava para o muro, e José Dias passou no corredor.',
        '--Que é que você tem?',
        '--Nada, balbuciei.',
        'E emendei logo:',
        '--É uma noticia.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(portuguese, 'É uma noticia').speaker).toBe(NARRATOR_ID);
    const spanish = attribute(
      ['Capitú miraba la pared.', '--¿Qué tienes?', '--Nada.', 'Y luego añadí:', '--Es una noticia.'].join('\n\n'),
      cast,
    );
    expect(lineWith(spanish, 'Es una noticia').speaker).toBe(NARRATOR_ID);
  });

  it('reads an introduction whose pronoun follows its verb ("disse-me elle:", "dijo él:", "said he:")', () => {
    const cast = [
      firstPersonNarrator('Bentinho', 'male'),
      person('jose', 'José Dias', 'male', ['José']),
      person('gloria', 'D. Gloria', 'female'),
    ];
    const portuguese = attribute(
      [
        'D. Gloria lia na sala quando José Dias entrou.',
        'Ao despedir-se de mim, na varanda, disse-me elle:',
        '--Amanhã, na rua. É dia de licção?',
        '--A licção foi hoje.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(portuguese, 'Amanhã').speaker).toBe('jose');
    const spanish = attribute(
      [
        'D. Gloria leía en la sala cuando José Dias entró.',
        'Al despedirse de mí, en la puerta, me dijo él:',
        '--Mañana, en la calle.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(spanish, 'Mañana').speaker).toBe('jose');
  });

  it('takes a narration reporting what the narrator asked, without a colon, for no introduction of his line', () => {
    const lines = attribute(
      [
        'Capitú estava calada. Peguei-lhe nas mãos, e, fito nella, perguntei-lhe se tinha coragem.',
        '--De que?',
        '--De fugir commigo.',
      ].join('\n\n'),
      [firstPersonNarrator('Bento', 'male'), person('capitu', 'Capitú', 'female')],
    );
    expect(lineWith(lines, 'De que?').speaker).toBe('capitu');
    expect(lineWith(lines, 'De fugir').speaker).toBe(NARRATOR_ID);
  });
});

describe('a first-person narrator and the people "we" receive', () => {
  it('gives "said our visitor" to the latest person of the scene who is neither the narrator nor his friend', () => {
    const cast = [
      firstPersonNarrator('Dr. Ames', 'male'),
      person('grey', 'Mr. Grey', 'male', ['Grey', 'my friend']),
      person('pike', 'Mr. Pike', 'male', ['Pike']),
    ];
    const english = attribute(
      [
        'Mr. Pike sat down by the fire. Grey lit his pipe and looked at him.',
        '"It all began last week," said our visitor.',
        '"Pray go on," said Grey.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(english, 'It all began').speaker).toBe('pike');
    const spanish = attribute(
      [
        'El señor Pike se sentó junto al fuego. Grey encendió la pipa y lo miró.',
        '--Todo empezó la semana pasada --dijo nuestro visitante.',
        '--Siga usted --dijo Grey.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(spanish, 'Todo empezó').speaker).toBe('pike');
    const portuguese = attribute(
      [
        'O Pike sentou-se ao pé do fogo. O Grey accendeu o cachimbo e olhou para elle.',
        '--Tudo começou na semana passada, disse o nosso visitante.',
        '--Continue, disse o Grey.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(portuguese, 'Tudo começou').speaker).toBe('pike');
  });
});

describe("a first-person narrator's guest after a long story", () => {
  const cast = [
    firstPersonNarrator('Dr. Ames', 'male'),
    person('grey', 'Mr. Grey', 'male', ['Grey', 'my friend']),
    person('pike', 'Mr. Pike', 'male', ['Pike']),
  ];
  // A story of some pages, told in one speech over several paragraphs (each reopening the quotation).
  const story = Array.from(
    { length: 14 },
    (_, i) =>
      `"On day ${i + 1} I went to the office at ten, copied my sheets until two, locked the door behind me and ` +
      'walked home by the river, and nothing happened that I could tell anybody about, for the work was plain, ' +
      'the pay was good and the hours were short, and I thought that it would go on like that for ever and ever.',
  );

  it('gives "cried our client" to the person named before the story, out of the scene\'s last page', () => {
    const lines = attribute(
      [
        'Mr. Pike sat down by the fire. Grey lit his pipe and looked at him.',
        '"Tell us everything," said Grey.',
        ...story.slice(0, -1),
        `${story.at(-1)!}"`,
        'Grey and I laughed at the end of it.',
        '"I cannot see that there is anything funny," cried our client, flushing.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(lines, 'anything funny').speaker).toBe('pike');
  });

  it('leaves "said our visitor" to someone the cast does not name when a stranger came in since', () => {
    const lines = attribute(
      [
        'Mr. Pike sat down by the fire. Grey lit his pipe and looked at him.',
        '"Tell us everything," said Grey.',
        ...story.slice(0, -1),
        `${story.at(-1)!}"`,
        'An hour later a tall man in a grey coat came into the room and sat down without a word.',
        'The clock struck nine and nobody moved; the fire burned low.',
        '"I have come a long way," said our visitor.',
      ].join('\n\n'),
      cast,
    );
    expect(lineWith(lines, 'a long way').speaker).not.toBe('pike');
    expect(lineWith(lines, 'a long way').confidence).toBeLessThan(0.5);
  });
});
