/**
 * A held-out set of short passages for segmentation: quote and dash conventions the rule tests do not hold (British
 * single quotes beside elisions, nested and mismatched quotes, French guillemets, lists set with dashes, scare quotes,
 * thoughts in italics, verse and broken-off speech). Each passage lists the pieces it should be cut into, in order:
 * `S ` speech, `N ` narration, one a line; whitespace is compared collapsed, so a hard-wrapped line or a verse is
 * written on one line. Pieces split only at sentence starts or at lines standing on their own count as one.
 *
 * `knownMiss` says why the segmentation still reads a passage otherwise; the suite checks that each such passage is
 * still missed, so a fix shows up as a passage to promote.
 */
export interface HeldOutPassage {
  id: string;
  /** The book's language, as a project states it. */
  language: string;
  text: string;
  expected: string;
  knownMiss?: string;
}

const paragraphs = (...lines: string[]) => lines.join('\n\n');

export const HELD_OUT_PASSAGES: HeldOutPassage[] = [
  // British single quotes, apostrophes inside words and at their ends.
  {
    id: 'british: a plural possessive inside a single-quoted line',
    language: 'en-GB',
    text: '‘It’s past ten o’clock,’ said Mrs Hale. ‘The Joneses’ carriage has not come.’',
    expected: `S ‘It’s past ten o’clock,’
N said Mrs Hale.
S ‘The Joneses’ carriage has not come.’`,
  },
  {
    id: 'british: a line opening with an elision (’Tis)',
    language: 'en-GB',
    text: '‘’Tis a cold night,’ said the old man, ‘and the river’s rising.’',
    expected: `S ‘’Tis a cold night,’
N said the old man,
S ‘and the river’s rising.’`,
  },
  {
    id: 'british: a dropped g at a word’s end (goin’) inside the line',
    language: 'en-GB',
    text: '‘I was goin’ down to the mill,’ said Tom, ‘when I saw ’em by the weir.’',
    expected: `S ‘I was goin’ down to the mill,’
N said Tom,
S ‘when I saw ’em by the weir.’`,
  },
  {
    id: 'british: straight single quotes and dropped letters (nothin’)',
    language: 'en-GB',
    text: "'I'm nothin' but a poor man,' he said. 'Nothin' at all, and never was.'",
    expected: `S 'I'm nothin' but a poor man,'
N he said.
S 'Nothin' at all, and never was.'`,
  },
  {
    id: 'british: narration with elided words in straight quotes (’prentice, ’twas)',
    language: 'en-GB',
    text: "The 'prentice lads ran off down the lane, and 'twas gone five o'clock before the shops were shut.",
    expected: `N The 'prentice lads ran off down the lane, and 'twas gone five o'clock before the shops were shut.`,
  },
  {
    id: 'british: a paragraph of narration opening with ’Twas',
    language: 'en-GB',
    text: paragraphs("'Twas the night before the fair, and the whole village was awake.", "'Go to bed,' said Mother."),
    expected: `N 'Twas the night before the fair, and the whole village was awake.
S 'Go to bed,'
N said Mother.`,
  },

  // Nested quotations.
  {
    id: 'nested: single inside straight double',
    language: 'en',
    text: '"She said \'no\' to me, and then she walked out," said Tom.',
    expected: `S "She said 'no' to me, and then she walked out,"
N said Tom.`,
  },
  {
    id: 'nested: curly single inside curly double, then a second line',
    language: 'en',
    text: '“He told me, ‘Never come back,’ and shut the door,” said Anne. “So I didn’t.”',
    expected: `S “He told me, ‘Never come back,’ and shut the door,”
N said Anne.
S “So I didn’t.”`,
  },
  {
    id: 'nested: double inside British single',
    language: 'en-GB',
    text: '‘He shouted “Fire!” and ran for the stairs,’ said the porter.',
    expected: `S ‘He shouted “Fire!” and ran for the stairs,’
N said the porter.`,
  },
  {
    id: 'nested: both quotations closing together (”’)',
    language: 'en-GB',
    text: '‘Mother always said, “Never trust a man who won’t look at the dog,”’ said Emily.',
    expected: `S ‘Mother always said, “Never trust a man who won’t look at the dog,”’
N said Emily.`,
  },

  // A speech over several paragraphs: the opening quote repeated, no closing quote.
  {
    id: 'over paragraphs: double quotes reopened, tag in the first',
    language: 'en',
    text: paragraphs(
      '"I was born in the north," said the captain, "in a town you will not find on any map.',
      '"My father kept the lighthouse there, and my mother kept my father.',
      '"When I was twelve they sent me to sea."',
      'He filled his pipe and said no more.',
    ),
    expected: `S "I was born in the north,"
N said the captain,
S "in a town you will not find on any map.
S "My father kept the lighthouse there, and my mother kept my father.
S "When I was twelve they sent me to sea."
N He filled his pipe and said no more.`,
  },
  {
    id: 'over paragraphs: British single quotes reopened',
    language: 'en-GB',
    text: paragraphs(
      '‘It began in the spring,’ she said, ‘when the ice went out.',
      '‘By May the river was over the road, and by June it was in the church.',
      '‘Nobody has forgotten it.’',
      'The fire settled in the grate.',
    ),
    expected: `S ‘It began in the spring,’
N she said,
S ‘when the ice went out.
S ‘By May the river was over the road, and by June it was in the church.
S ‘Nobody has forgotten it.’
N The fire settled in the grate.`,
  },
  {
    id: 'over paragraphs: straight single quotes and a plural possessive',
    language: 'en-GB',
    text: paragraphs(
      "'We walked all night,' said Jem, 'past the Smiths' farm and down to the ford.",
      "'The water was up to our knees, and it was cold as charity.'",
      'Nobody laughed.',
    ),
    expected: `S 'We walked all night,'
N said Jem,
S 'past the Smiths' farm and down to the ford.
S 'The water was up to our knees, and it was cold as charity.'
N Nobody laughed.`,
  },
  {
    id: 'over paragraphs: a tag inside a reopened paragraph',
    language: 'en',
    text: paragraphs(
      '“There are three of them,” he said. “The first is the miller.',
      '“The second,” he went on, “is the miller’s wife.”',
      'She nodded.',
    ),
    expected: `S “There are three of them,”
N he said.
S “The first is the miller.
S “The second,”
N he went on,
S “is the miller’s wife.”
N She nodded.`,
  },

  // Guillemets.
  {
    id: 'guillemets: Portuguese, tag between two lines',
    language: 'pt-PT',
    text: '«Não vou», disse a Maria. «Está muito frio lá fora.»',
    expected: `S «Não vou»,
N disse a Maria.
S «Está muito frio lá fora.»`,
  },
  {
    id: 'guillemets: Spanish question with its tag',
    language: 'es',
    text: '«¿Quién anda ahí?», preguntó el guarda. Nadie respondió.',
    expected: `S «¿Quién anda ahí?»,
N preguntó el guarda. Nadie respondió.`,
  },
  {
    id: 'guillemets: French, spaced inside',
    language: 'fr',
    text: '« Je ne sais pas », dit-il en haussant les épaules. « Demande à ta mère. »',
    expected: `S « Je ne sais pas »,
N dit-il en haussant les épaules.
S « Demande à ta mère. »`,
  },
  {
    id: 'guillemets: French, no-break spaces inside',
    language: 'fr',
    text: '«\u00a0Viens ici\u202f!\u00a0» cria la femme depuis la fenêtre.',
    expected: `S «\u00a0Viens ici\u202f!\u00a0»
N cria la femme depuis la fenêtre.`,
  },
  {
    id: 'guillemets: single guillemets nested in double',
    language: 'pt-PT',
    text: '«Ele disse ‹nunca mais› e foi-se embora», contou a avó.',
    expected: `S «Ele disse ‹nunca mais› e foi-se embora»,
N contou a avó.`,
  },
  {
    id: 'guillemets: a nickname inside narration',
    language: 'pt-PT',
    text: 'Chamavam-lhe «o Doutor» em toda a aldeia, embora nunca tivesse estudado.',
    expected: `N Chamavam-lhe «o Doutor» em toda a aldeia, embora nunca tivesse estudado.`,
  },

  // Guillemets holding a whole exchange, a dash at each change of speaker (French style).
  {
    id: 'french exchange: one line a turn inside « »',
    language: 'fr',
    text: paragraphs(
      '« Tu viens ?\n— Non, je reste.\n— Pourquoi ?\n— Parce qu’il pleut. »',
      'Paul haussa les épaules.',
    ),
    expected: `S « Tu viens ?
S — Non, je reste.
S — Pourquoi ?
S — Parce qu’il pleut. »
N Paul haussa les épaules.`,
  },
  {
    id: 'french exchange: turns on one line inside « »',
    language: 'fr',
    text: '« C’est toi ? — Oui, c’est moi. — Entre donc, il fait froid. »',
    expected: `S « C’est toi ?
S — Oui, c’est moi.
S — Entre donc, il fait froid. »`,
  },
  {
    id: 'french exchange: Portuguese « » with a tag in the first turn',
    language: 'pt-PT',
    text: '«Vens comigo? — perguntou o Paulo.\n— Não, fico em casa.\n— Porquê?\n— Porque está a chover.»',
    expected: `S «Vens comigo?
N — perguntou o Paulo.
S — Não, fico em casa.
S — Porquê?
S — Porque está a chover.»`,
  },

  // Raya and travessão: a tag in the middle, a comma or full stop after the second dash.
  {
    id: 'raya: comma and full stop after the closing dash',
    language: 'es',
    text: paragraphs(
      '—No lo sé —dijo Juan—, pero lo averiguaré.',
      '—Hazlo pronto —respondió ella—. Mañana será tarde.',
    ),
    expected: `S —No lo sé
N —dijo Juan—,
S pero lo averiguaré.
S —Hazlo pronto
N —respondió ella—.
S Mañana será tarde.`,
  },
  {
    id: 'travessão: spaced dashes, comma and full stop',
    language: 'pt-BR',
    text: paragraphs('— Não sei — disse o João —, mas vou saber.', '— Então vai — respondeu a mãe. — E volta cedo.'),
    expected: `S — Não sei
N — disse o João —,
S mas vou saber.
S — Então vai
N — respondeu a mãe.
S — E volta cedo.`,
  },
  {
    id: 'raya: the tag goes on as narration with no closing dash',
    language: 'es',
    text: paragraphs('—Ya voy —dijo Martín, y se levantó despacio.', '—Date prisa —contestó su hermana.'),
    expected: `S —Ya voy
N —dijo Martín, y se levantó despacio.
S —Date prisa
N —contestó su hermana.`,
  },
  {
    id: 'raya: a colon after the closing dash introduces the rest',
    language: 'es',
    text: paragraphs('—¿Y usted? —preguntó el juez, y añadió—: Conteste.', '—Yo no estaba —dijo el reo.'),
    expected: `S —¿Y usted?
N —preguntó el juez, y añadió—:
S Conteste.
S —Yo no estaba
N —dijo el reo.`,
  },
  // Dash lines that are no speech.
  {
    id: 'dash list: lower-case items in a raya chapter',
    language: 'es',
    text: paragraphs(
      '—¿Qué trajiste? —preguntó la madre.',
      '—Lo de siempre.',
      'En la cesta había:\n— pan de ayer,\n— dos cebollas,\n— y una botella de vino.',
    ),
    expected: `S —¿Qué trajiste?
N —preguntó la madre.
S —Lo de siempre.
N En la cesta había:
N — pan de ayer, — dos cebollas, — y una botella de vino.`,
  },
  {
    id: 'dash list: items set apart by blank lines in a quoted chapter',
    language: 'en',
    text: paragraphs(
      'He kept three rules all his life:',
      '— never lend money,',
      '— never borrow it,',
      '— and never sit with your back to a door.',
      '“Sound rules,” said his son.',
    ),
    expected: `N He kept three rules all his life:
N — never lend money,
N — never borrow it,
N — and never sit with your back to a door.
S “Sound rules,”
N said his son.`,
  },
  {
    id: 'dash aside: inside an English narrated sentence',
    language: 'en',
    text: 'The captain—a tall man with a scar across his chin—turned to the window. "Well?" he said.',
    expected: `N The captain—a tall man with a scar across his chin—turned to the window.
S "Well?"
N he said.`,
  },
  {
    id: 'dash aside: inside a Spanish narrated sentence between dash lines',
    language: 'es',
    text: paragraphs(
      '—Ven —dijo ella.',
      'El capitán —un hombre alto y seco— se volvió hacia la ventana.',
      '—¿Qué quieres? —preguntó.',
    ),
    expected: `S —Ven
N —dijo ella.
N El capitán —un hombre alto y seco— se volvió hacia la ventana.
S —¿Qué quieres?
N —preguntó.`,
  },
  {
    id: 'dash line: a narrated sentence broken off and taken up in the next paragraph',
    language: 'en',
    text: paragraphs(
      'He had meant to go to the sea that summer, to the house his father had left him, and to do nothing at all—',
      '—but the letter came on the first of June, and that was the end of it.',
      '“Bad luck,” said Fred.',
    ),
    expected: `N He had meant to go to the sea that summer, to the house his father had left him, and to do nothing at all—
N —but the letter came on the first of June, and that was the end of it.
S “Bad luck,”
N said Fred.`,
  },

  // Typewriter quotes in a plain-text file hard-wrapped at 70 columns.
  {
    id: 'plain text: straight double quotes over wrapped lines',
    language: 'en',
    text: paragraphs(
      '"I don\'t know what you mean," said he, "and I won\'t pretend that I\ndo. You had better ask the Joneses\' cook, who seems to know\neverything."',
      'She laughed at that.',
    ),
    expected: `S "I don't know what you mean,"
N said he,
S "and I won't pretend that I do. You had better ask the Joneses' cook, who seems to know everything."
N She laughed at that.`,
  },
  {
    id: 'plain text: straight single quotes over wrapped lines',
    language: 'en-GB',
    text: paragraphs(
      "'You'll find him at the Smiths' house,' he said, 'or else down at\nthe Crown, where he's been since four o'clock.'",
      "'Thank you,' said I.",
    ),
    expected: `S 'You'll find him at the Smiths' house,'
N he said,
S 'or else down at the Crown, where he's been since four o'clock.'
S 'Thank you,'
N said I.`,
  },
  {
    id: 'plain text: an elision opening a double-quoted line',
    language: 'en',
    text: '"\'Tis nothing," said she, "only the wind in the chimney."',
    expected: `S "'Tis nothing,"
N said she,
S "only the wind in the chimney."`,
  },
  {
    id: 'plain text: double hyphens breaking off a speech',
    language: 'en',
    text: paragraphs('"I--I only wanted to say--" began Harry.', '"Say it, then," said his uncle.'),
    expected: `S "I--I only wanted to say--"
N began Harry.
S "Say it, then,"
N said his uncle.`,
  },

  // Curly quotes mismatched by OCR.
  {
    id: 'ocr: an opening mark where the closing one belongs (“…,“)',
    language: 'en',
    text: '“I am going home,“ said Mary. “It is late.”',
    expected: `S “I am going home,“
N said Mary.
S “It is late.”`,
  },
  {
    id: 'ocr: a closing mark where the opening one belongs (”…”)',
    language: 'en',
    text: '”Where are you going?” asked John. “Home,” said Mary.',
    expected: `S ”Where are you going?”
N asked John.
S “Home,”
N said Mary.`,
  },
  {
    id: 'ocr: a straight closing mark after a curly opening one',
    language: 'en',
    text: '“Stay here,” said Mary. “I\'ll be back soon."',
    expected: `S “Stay here,”
N said Mary.
S “I'll be back soon."`,
  },
  {
    id: 'ocr: a single closing mark opening a line (’Not very,’)',
    language: 'en-GB',
    text: '‘Is it far?’ he asked. ’Not very,’ said the guide.',
    expected: `S ‘Is it far?’
N he asked.
S ’Not very,’
N said the guide.`,
  },

  // Titles and scare quotes inside narration.
  {
    id: 'mention: a scare-quoted word after "so-called"',
    language: 'en-GB',
    text: "The papers called it the so-called 'reform', though nobody in the valley believed a word of it.",
    expected: `N The papers called it the so-called 'reform', though nobody in the valley believed a word of it.`,
  },
  {
    id: 'mention: a poem’s title',
    language: 'en',
    text: 'He had read "The Raven" twice that winter and could say most of it by heart.',
    expected: `N He had read "The Raven" twice that winter and could say most of it by heart.`,
  },
  {
    id: 'mention: a tune’s title set off by commas',
    language: 'en',
    text: 'She hummed a tune, "Greensleeves", as she worked at the churn.',
    knownMiss: 'a short quotation set off by commas inside a narrated sentence is read as speech',
    expected: `N She hummed a tune, "Greensleeves", as she worked at the churn.`,
  },
  {
    id: 'mention: a scare-quoted word opening the sentence',
    language: 'en',
    text: '"Progress," as the mayor liked to call it, had come to the valley at last.',
    knownMiss:
      'a short quotation opening a sentence whose narration goes on after its comma, with no speech tag, is read as speech',
    expected: `N "Progress," as the mayor liked to call it, had come to the valley at last.`,
  },
  {
    id: 'mention: a nickname in guillemets (es)',
    language: 'es',
    text: 'La llamaban «la Loca» en todo el pueblo, y ella no se ofendía.',
    expected: `N La llamaban «la Loca» en todo el pueblo, y ella no se ofendía.`,
  },
  // Letters and notes quoted inline.
  {
    id: 'letter: a note quoted after a colon',
    language: 'en',
    text: 'The note was short: "Meet me at the bridge at nine. Tell no one." She read it twice and burned it.',
    expected: `N The note was short:
S "Meet me at the bridge at nine. Tell no one."
N She read it twice and burned it.`,
  },
  {
    id: 'letter: in guillemets after a colon (es)',
    language: 'es',
    text: 'La carta decía así: «Querido hermano: te escribo desde Sevilla, donde hace un calor que no se puede aguantar.» Dobló el papel y suspiró.',
    expected: `N La carta decía así:
S «Querido hermano: te escribo desde Sevilla, donde hace un calor que no se puede aguantar.»
N Dobló el papel y suspiró.`,
  },
  {
    id: 'letter: read aloud over paragraphs, its closing on two lines',
    language: 'en',
    text: paragraphs(
      'He read aloud:',
      '"DEAR SIR,--I write to inform you that your aunt has died.',
      '"Yours faithfully,\n"J. PARKER."',
      'Nobody spoke.',
    ),
    expected: `N He read aloud:
S "DEAR SIR,--I write to inform you that your aunt has died.
S "Yours faithfully, "J. PARKER."
N Nobody spoke.`,
  },

  // Thoughts in italics (underscores in a plain-text file) are the narrator's; emphasis inside a line stays in it.
  {
    id: 'italics: a thought with its tag',
    language: 'en',
    text: '_I must not be late_, she thought, and ran for the tram.',
    expected: `N _I must not be late_, she thought, and ran for the tram.`,
  },
  {
    id: 'italics: two thoughts around a tag',
    language: 'en',
    text: 'He looked at the letter again. _She knows_, he thought. _She has always known._',
    expected: `N He looked at the letter again. _She knows_, he thought. _She has always known._`,
  },
  {
    id: 'italics: a thought (es)',
    language: 'es',
    text: paragraphs('—Buenas noches —dijo Pedro.', '_No puede ser_, pensó Clara, y cerró los ojos.'),
    expected: `S —Buenas noches
N —dijo Pedro.
N _No puede ser_, pensó Clara, y cerró los ojos.`,
  },

  // Songs and verse inside speech.
  {
    id: 'verse: a song quoted on lines of its own',
    language: 'en',
    text: paragraphs(
      '"Sing it again," said Tom, and she sang:',
      '"Oh, the water is wide,\nI cannot get o\'er,\nAnd neither have I\nWings to fly."',
      'They were quiet after that.',
    ),
    expected: `S "Sing it again,"
N said Tom, and she sang:
S "Oh, the water is wide, I cannot get o'er, And neither have I Wings to fly."
N They were quiet after that.`,
  },
  {
    id: 'verse: a song quoted inside a British line',
    language: 'en-GB',
    text: '‘And then he sang, “Early one morning, just as the sun was rising,” and we all joined in,’ said Mary.',
    expected: `S ‘And then he sang, “Early one morning, just as the sun was rising,” and we all joined in,’
N said Mary.`,
  },
  {
    id: 'verse: a ballad sung after a raya',
    language: 'es',
    text: paragraphs(
      '—Cántalo otra vez —pidió el niño.',
      '—«Río verde, río verde,\nmás negro vas que la tinta» —cantó la abuela.',
    ),
    expected: `S —Cántalo otra vez
N —pidió el niño.
S —«Río verde, río verde, más negro vas que la tinta»
N —cantó la abuela.`,
  },
  {
    id: 'verse: a rhyme in single quotes closing with the line',
    language: 'en',
    text: '"Do you remember the rhyme?" she asked. "\'Oranges and lemons,\nSay the bells of St. Clement\'s.\'"',
    expected: `S "Do you remember the rhyme?"
N she asked.
S "'Oranges and lemons, Say the bells of St. Clement's.'"`,
  },

  // Ellipses and dashes breaking a speech off.
  {
    id: 'broken off: an em dash, the answer in the next paragraph',
    language: 'en',
    text: paragraphs('“I only meant—”', '“I know what you meant,” said Anne.'),
    expected: `S “I only meant—”
S “I know what you meant,”
N said Anne.`,
  },
  {
    id: 'broken off: an ellipsis before the tag',
    language: 'en',
    text: '“If you would only…” she began, but he had already gone.',
    expected: `S “If you would only…”
N she began, but he had already gone.`,
  },
  {
    id: 'broken off: an em dash, narration after it',
    language: 'en',
    text: '“But I—” He stopped, and looked at the floor.',
    expected: `S “But I—”
N He stopped, and looked at the floor.`,
  },
  {
    id: 'broken off: an ellipsis before the raya tag',
    language: 'es',
    text: paragraphs('—Yo creía que… —dijo ella, y calló.', '—¿Qué creías? —preguntó él.'),
    expected: `S —Yo creía que…
N —dijo ella, y calló.
S —¿Qué creías?
N —preguntó él.`,
  },
  {
    id: 'broken off: double hyphens and a crash in the narration',
    language: 'en',
    text: '"Then we must go at once, before the--" A crash from the kitchen cut him short.',
    expected: `S "Then we must go at once, before the--"
N A crash from the kitchen cut him short.`,
  },
];
