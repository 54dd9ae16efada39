import fc from 'fast-check';
import { segmentChapter, type Segment } from '../../core/planning/segmentation';
import { cpuMsSince } from '../support/jestBudget';

/**
 * Jest's budget for a test on a hostile input: far above what reading it in linear time takes, far below what a
 * quadratic read takes. Jest enforces it when its timer runs, hence a timer's turn after the read
 * (test/support/jestBudget.ts).
 */
const HOSTILE_CPU_BUDGET_MS = 30_000;
const HANG_LIMIT_MS = 180_000;
const view = (segments: Segment[]) => segments.map((s) => [s.kind, s.text.trim(), s.boundaryBefore]);

function expectExactTiling(text: string, segments: Segment[]) {
  expect(segments.map((s) => s.text).join('')).toBe(text);
  segments.forEach((segment, i) => {
    expect(segment.index).toBe(i);
    expect(segment.text).toBe(text.slice(segment.startOffset, segment.endOffset));
    expect(segment.endOffset).toBeGreaterThan(segment.startOffset);
    if (i > 0) expect(segment.startOffset).toBe(segments[i - 1].endOffset);
  });
}

describe('segmentation', () => {
  it('English: separates quoted dialogue from its attribution, curly and straight, double and single', () => {
    const text =
      "Chapter 1\n\n“Is it you?” asked Anne. “I had given up hope.”\n\n'We leave at dawn,' said the captain.\n\nHe didn't answer.";
    const segments = segmentChapter(text, { headingText: 'Chapter 1' });
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['heading', 'Chapter 1', 'chapter_head'],
      ['dialogue', '“Is it you?”', 'paragraph'],
      ['narration', 'asked Anne.', 'dialogue_turn'],
      ['dialogue', '“I had given up hope.”', 'dialogue_turn'],
      ['dialogue', "'We leave at dawn,'", 'paragraph'],
      ['narration', 'said the captain.', 'dialogue_turn'],
      ['narration', "He didn't answer.", 'paragraph'],
    ]);
  });

  it('Spanish: the raya opens the turn and separates the attribution', () => {
    const text =
      '—¿Llegaste? —preguntó Rosa.\n\n—Ya voy —dijo Martín—. Espera un momento.\n\nLa tarde caía. «Vuelve pronto», gritó alguien.';
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['dialogue', '—¿Llegaste?', 'chapter_head'],
      ['narration', '—preguntó Rosa.', 'dialogue_turn'],
      ['dialogue', '—Ya voy', 'paragraph'],
      ['narration', '—dijo Martín—.', 'dialogue_turn'],
      ['dialogue', 'Espera un momento.', 'dialogue_turn'],
      ['narration', 'La tarde caía.', 'paragraph'],
      ['dialogue', '«Vuelve pronto»,', 'dialogue_turn'],
      ['narration', 'gritó alguien.', 'dialogue_turn'],
    ]);
  });

  it('Portuguese: "--" and "—" turns with attributions, CRLF line endings', () => {
    const text = '-- Vens? -- disse Capitu.\r\n\r\n-- Vou -- respondi --. Espera.\r\n\r\n— Não sei — disse ela.';
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['dialogue', '-- Vens?', 'chapter_head'],
      ['narration', '-- disse Capitu.', 'dialogue_turn'],
      ['dialogue', '-- Vou', 'paragraph'],
      ['narration', '-- respondi --.', 'dialogue_turn'],
      ['dialogue', 'Espera.', 'dialogue_turn'],
      ['dialogue', '— Não sei', 'paragraph'],
      ['narration', '— disse ela.', 'dialogue_turn'],
    ]);
  });

  it('Spanish with plain hyphens: the hyphen opens the turn and the inciso when the chapter prints dialogue so', () => {
    const text =
      '-Ya voy -dijo el ventero-. Espere usted.\n\n-¿Quién es? -preguntó la moza.\n\n-Un arriero -respondió él.';
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['dialogue', '-Ya voy', 'chapter_head'],
      ['narration', '-dijo el ventero-.', 'dialogue_turn'],
      ['dialogue', 'Espere usted.', 'dialogue_turn'],
      ['dialogue', '-¿Quién es?', 'paragraph'],
      ['narration', '-preguntó la moza.', 'dialogue_turn'],
      ['dialogue', '-Un arriero', 'paragraph'],
      ['narration', '-respondió él.', 'dialogue_turn'],
    ]);
  });

  it('does not take a list with hyphen bullets, or one hyphenated paragraph, for dialogue', () => {
    const list = 'Things to bring:\n\n- a lamp\n\n- a rope';
    expect(segmentChapter(list).every((s) => s.kind === 'narration')).toBe(true);
    const single = 'He wrote the word down.\n\n-Self-evident, he thought, was the wrong word.';
    expect(segmentChapter(single).every((s) => s.kind === 'narration')).toBe(true);
  });

  it('guillemets, Spanish and Portuguese, with the attribution after them', () => {
    const text = '«Vuelve pronto», gritó alguien desde la puerta.\n\n«Não demoro», disse ela, «prometo».';
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['dialogue', '«Vuelve pronto»,', 'chapter_head'],
      ['narration', 'gritó alguien desde la puerta.', 'dialogue_turn'],
      ['dialogue', '«Não demoro»,', 'paragraph'],
      ['narration', 'disse ela,', 'dialogue_turn'],
      ['dialogue', '«prometo».', 'dialogue_turn'],
    ]);
  });

  it('cuts out tags in parentheses and tags after a dash glued to the line', () => {
    const text = [
      '--Y bien, vamos a ver (preguntó el molinero): ¿quién manda aquí?',
      '--¡Pues es verdad!--respondieron las vecinas, riendo a carcajadas.',
      '--¡Nada, nada! (exclamaron al fin las muchachas.) ¡Cuéntelo otra vez!',
      '—Ya voy—dijo Martín—. Espera.',
      '"Yes (I think) we shall go," said Tom.',
    ].join('\n\n');
    const segments = segmentChapter(text, { language: 'es' });
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['dialogue', '--Y bien, vamos a ver', 'chapter_head'],
      ['narration', '(preguntó el molinero):', 'dialogue_turn'],
      ['dialogue', '¿quién manda aquí?', 'dialogue_turn'],
      ['dialogue', '--¡Pues es verdad!', 'paragraph'],
      ['narration', '--respondieron las vecinas, riendo a carcajadas.', 'dialogue_turn'],
      ['dialogue', '--¡Nada, nada!', 'paragraph'],
      ['narration', '(exclamaron al fin las muchachas.)', 'dialogue_turn'],
      ['dialogue', '¡Cuéntelo otra vez!', 'dialogue_turn'],
      ['dialogue', '—Ya voy', 'paragraph'],
      ['narration', '—dijo Martín—.', 'dialogue_turn'],
      ['dialogue', 'Espera.', 'dialogue_turn'],
      ['dialogue', '"Yes (I think) we shall go,"', 'paragraph'],
      ['narration', 'said Tom.', 'dialogue_turn'],
    ]);
  });

  it('reads a line printed without its opening dash as speech when a glued dash and a tag follow it (es, pt)', () => {
    const spanish = [
      'Dios te guarde, Frasquita...--dijo el Corregidor a media voz, apareciendo bajo el emparrado.',
      '--¡Tanto bueno, señor Corregidor!',
      '--¿Y Lucas? ¿Duerme?',
      // A glued dash with no tag after it, and a spaced dash, leave the narration as it was.
      'El Corregidor se había turbado.--La soledad en que la encontraba le parecía un sueño.',
      'Pedro miró al cielo --dijo luego el cronista-- sin decir nada.',
    ].join('\n\n');
    const segments = segmentChapter(spanish, { language: 'es' });
    expectExactTiling(spanish, segments);
    expect(view(segments).slice(0, 2)).toEqual([
      ['dialogue', 'Dios te guarde, Frasquita...', 'chapter_head'],
      ['narration', '--dijo el Corregidor a media voz, apareciendo bajo el emparrado.', 'dialogue_turn'],
    ]);
    expect(view(segments).filter(([, text]) => String(text).startsWith('El Corregidor se había'))).toEqual([
      ['narration', 'El Corregidor se había turbado.', 'paragraph'],
    ]);
    expect(view(segments).filter(([, text]) => String(text).startsWith('Pedro miró'))).toEqual([
      ['narration', 'Pedro miró al cielo --dijo luego el cronista-- sin decir nada.', 'paragraph'],
    ]);
    const portuguese = [
      'Bons dias, meu rapaz!--disse o padre, entrando.',
      '--Bons dias.',
      '--Como vae?',
      // A dash glued to a word sets off an aside in the narration, whatever verb follows it.
      'O que importa saber é que Virgilia--chamava-se Virgilia--entrou na alcova.',
    ].join('\n\n');
    const pieces = segmentChapter(portuguese, { language: 'pt' });
    expectExactTiling(portuguese, pieces);
    expect(view(pieces)[0]).toEqual(['dialogue', 'Bons dias, meu rapaz!', 'chapter_head']);
    expect(view(pieces)[1]).toEqual(['narration', '--disse o padre, entrando.', 'dialogue_turn']);
    expect(view(pieces).at(-1)).toEqual([
      'narration',
      'O que importa saber é que Virgilia--chamava-se Virgilia--entrou na alcova.',
      'paragraph',
    ]);
    // In a chapter that prints dialogue in quotation marks a dash is the narration's own.
    const english = ['He stopped--said nothing--and went on.', '"Well?" asked Tom.'].join('\n\n');
    expect(view(segmentChapter(english, { language: 'en' }))[0]).toEqual([
      'narration',
      'He stopped--said nothing--and went on.',
      'chapter_head',
    ]);
  });

  it('reads a line printed without its dash as speech when a tag in parentheses follows it, or a colon introduces it', () => {
    const spanish = [
      '--¿Quién llama a estas horas?',
      '--Soy yo, que vengo del pueblo.',
      '¡Rosario! (gritó el alcalde al entrar en la sala). Quiero saberlo todo ahora mismo.',
      '--¡Ya va! ¡Ya va! (siguió gruñendo el alcalde.)--Pues yo no pienso esperar más.',
      'Se fue por el camino, repitiendo a cada paso esta idea, que le rondaba:',
      '¡Mañana lo sabrá todo el pueblo!',
      // Narration that only exclaims, with no colon before it, and a parenthesis that is no tag, stay narration.
      '¡Qué noche aquella! Nadie durmió en la casa.',
      'La casa (que ya no existe) estaba junto al río.',
    ].join('\n\n');
    const segments = segmentChapter(spanish, { language: 'es' });
    expectExactTiling(spanish, segments);
    expect(view(segments).slice(2)).toEqual([
      ['dialogue', '¡Rosario!', 'paragraph'],
      ['narration', '(gritó el alcalde al entrar en la sala).', 'dialogue_turn'],
      ['dialogue', 'Quiero saberlo todo ahora mismo.', 'dialogue_turn'],
      ['dialogue', '--¡Ya va! ¡Ya va!', 'paragraph'],
      ['narration', '(siguió gruñendo el alcalde.)', 'dialogue_turn'],
      ['dialogue', '--Pues yo no pienso esperar más.', 'dialogue_turn'],
      ['narration', 'Se fue por el camino, repitiendo a cada paso esta idea, que le rondaba:', 'paragraph'],
      ['dialogue', '¡Mañana lo sabrá todo el pueblo!', 'paragraph'],
      ['narration', '¡Qué noche aquella! Nadie durmió en la casa.', 'paragraph'],
      ['narration', 'La casa (que ya no existe) estaba junto al río.', 'paragraph'],
    ]);
    // A scene break between them ends the introduction.
    const broken = segmentChapter(`${spanish}\n\nY pensó entonces:\n\n* * *\n\n¡Qué noche!`, { language: 'es' });
    expect(view(broken).at(-1)).toEqual(['narration', '¡Qué noche!', 'scene_break']);
    // In a chapter whose dialogue is quoted, an exclamation after a colon is the narration's.
    const quoted = ['"Who is there?" asked Tom.', 'He thought only this:', '¡Nada!'].join('\n\n');
    expect(view(segmentChapter(quoted, { language: 'es' })).at(-1)).toEqual(['narration', '¡Nada!', 'paragraph']);
  });

  it('reads a paragraph without a dash after a dash line as a line when it speaks as "I" or "you" and the narration never does', () => {
    const spanish = [
      'El alcalde entró en la cocina sin quitarse el sombrero.',
      '--¿Qué le pasa a V., compadre?',
      'Me he mojado hasta los huesos en el arroyo, y no siento los pies.',
      '--¡Pues siéntese junto al fuego!--Y tú, Rosa, tráele una manta.',
      'Rosa obedeció sin decir palabra.',
    ].join('\n\n');
    const segments = segmentChapter(spanish, { language: 'es' });
    expectExactTiling(spanish, segments);
    expect(view(segments)[2]).toEqual([
      'dialogue',
      'Me he mojado hasta los huesos en el arroyo, y no siento los pies.',
      'paragraph',
    ]);
    expect(view(segments).at(-1)).toEqual(['narration', 'Rosa obedeció sin decir palabra.', 'paragraph']);
    // A first-person narrator's narration ("dije yo") says "me" too: there the paragraph stays narration.
    const firstPerson = [
      '--¿Quién va? --preguntó el ventero.',
      '--Un estudiante --dije yo--, que busca techo.',
      'Abrió al fin, y me hizo pasar a la cocina.',
      '--Siéntese V. ahí.',
    ].join('\n\n');
    expect(
      view(segmentChapter(firstPerson, { language: 'es' })).filter(
        ([, text]) => text === 'Abrió al fin, y me hizo pasar a la cocina.',
      ),
    ).toEqual([['narration', 'Abrió al fin, y me hizo pasar a la cocina.', 'paragraph']]);
    const portuguese = ['--Que tem você, rapaz?', 'Cahi no rio, e estou molhado até os ossos.', '--Pois entre!'].join(
      '\n\n',
    );
    expect(view(segmentChapter(portuguese, { language: 'pt' }))[1][0]).toBe('narration');
    const portugueseLine = [
      '--Que tem você, rapaz?',
      'Cahi no rio, e estou com frio; deixe-me entrar.',
      '--Pois entre!',
    ];
    expect(view(segmentChapter(portugueseLine.join('\n\n'), { language: 'pt' }))[1]).toEqual([
      'dialogue',
      'Cahi no rio, e estou com frio; deixe-me entrar.',
      'paragraph',
    ]);
  });

  it('cuts out a tag whose subject is a demonstrative or whose verb follows a verb of going on (es, pt)', () => {
    const spanish = [
      '--¡Ya voy! (respondió éste, levantándose de la silla). Espera un poco.',
      '--¡Socorro!--iba gritando la criada, mientras subía la escalera.',
      '--¿Quién es? (se apresuró a contestar el posadero).',
    ].join('\n\n');
    const segments = segmentChapter(spanish, { language: 'es' });
    expectExactTiling(spanish, segments);
    expect(view(segments).map(([kind, text]) => [kind, text])).toEqual([
      ['dialogue', '--¡Ya voy!'],
      ['narration', '(respondió éste, levantándose de la silla).'],
      ['dialogue', 'Espera un poco.'],
      ['dialogue', '--¡Socorro!'],
      ['narration', '--iba gritando la criada, mientras subía la escalera.'],
      ['dialogue', '--¿Quién es?'],
      ['narration', '(se apresuró a contestar el posadero).'],
    ]);
    const portuguese = '--Não sei.\n\n--Pois eu sei--ia dizendo o padre, a sorrir.';
    expect(view(segmentChapter(portuguese, { language: 'pt' })).map(([kind, text]) => [kind, text])).toEqual([
      ['dialogue', '--Não sei.'],
      ['dialogue', '--Pois eu sei'],
      ['narration', '--ia dizendo o padre, a sorrir.'],
    ]);
  });

  it('cuts out a tag in parentheses whole, with the clause it goes on with (a few lines at most), in es, pt and en', () => {
    const books = {
      es: [
        '--¡Déjalo dormir! (exclamó el\nviejo alcalde, poniéndose más pálido de lo que ya\nera).--Y tú, escúchame.',
        '--¿No te gusta? (preguntó la molinera con fingida compasión, que hubiera hecho reír a un santo).--¡Qué lástima!',
        '--No lo sé...(contestó el rústico; hombre de unos\ntreinta años, cuyo rostro esquinado y avieso, propio de\n' +
          'ladrón o de asesino, daba muy triste idea de su sinceridad). Creo que es cosa de brujería.',
        '--Este viaje mío (díjose interiormente) es una estratagema.',
      ],
      pt: ['--Fique! (disse minha tia, enxugando os olhos). Fique comnosco.'],
      en: ['"Go on (said he, laughing) and tell me."'],
    };
    const expected = {
      es: {
        narration: [
          '(exclamó el viejo alcalde, poniéndose más pálido de lo que ya era).',
          '(preguntó la molinera con fingida compasión, que hubiera hecho reír a un santo).',
          '(contestó el rústico; hombre de unos treinta años, cuyo rostro esquinado y avieso, propio de ladrón o de ' +
            'asesino, daba muy triste idea de su sinceridad).',
          '(díjose interiormente)',
        ],
        dialogue: [
          '--¡Déjalo dormir!',
          '--Y tú, escúchame.',
          '--¿No te gusta?',
          '--¡Qué lástima!',
          '--No lo sé...',
          'Creo que es cosa de brujería.',
          '--Este viaje mío',
          'es una estratagema.',
        ],
      },
      pt: { narration: ['(disse minha tia, enxugando os olhos).'], dialogue: ['--Fique!', 'Fique comnosco.'] },
      en: { narration: ['(said he, laughing)'], dialogue: ['"Go on', 'and tell me."'] },
    };
    for (const [language, paragraphs] of Object.entries(books)) {
      const text = paragraphs.join('\n\n');
      const segments = segmentChapter(text, { language });
      expectExactTiling(text, segments);
      const of = (kind: Segment['kind']) =>
        segments.filter((segment) => segment.kind === kind).map((segment) => segment.text.trim().replace(/\s+/gu, ' '));
      expect({ narration: of('narration'), dialogue: of('dialogue') }).toEqual(
        expected[language as keyof typeof expected],
      );
    }
  });

  it('starts a new paragraph at a line opening with a dialogue dash after a finished sentence (no blank lines)', () => {
    const books: Record<string, string> = {
      es: [
        '—Uno.',
        '',
        '—Dos.',
        '',
        '— Pues yo no lo creo —respondió el mozo—, ni lo he visto. ¿Quién lo dijera?',
        '— Aun tú, mozo —replicó el amo—, lo sabrás.',
        '—¡Hola!',
        '—dijo Pedro—. Y adiós.',
      ].join('\n'),
      pt: ['--Um.', '', '--Dois.', '', '--Não sei, disse elle. E você?', '--Eu também não, respondi.'].join('\n'),
    };
    const expected: Record<string, [string, string, string][]> = {
      es: [
        ['dialogue', '—Uno.', 'chapter_head'],
        ['dialogue', '—Dos.', 'paragraph'],
        ['dialogue', '— Pues yo no lo creo', 'paragraph'],
        ['narration', '—respondió el mozo—,', 'dialogue_turn'],
        ['dialogue', 'ni lo he visto. ¿Quién lo dijera?', 'dialogue_turn'],
        ['dialogue', '— Aun tú, mozo', 'paragraph'],
        ['narration', '—replicó el amo—,', 'dialogue_turn'],
        ['dialogue', 'lo sabrás.', 'dialogue_turn'],
        ['dialogue', '—¡Hola!', 'paragraph'],
        ['narration', '—dijo Pedro—.', 'dialogue_turn'],
        ['dialogue', 'Y adiós.', 'dialogue_turn'],
      ],
      pt: [
        ['dialogue', '--Um.', 'chapter_head'],
        ['dialogue', '--Dois.', 'paragraph'],
        ['dialogue', '--Não sei,', 'paragraph'],
        ['narration', 'disse elle.', 'dialogue_turn'],
        ['dialogue', 'E você?', 'dialogue_turn'],
        ['dialogue', '--Eu também não,', 'paragraph'],
        ['narration', 'respondi.', 'dialogue_turn'],
      ],
    };
    for (const [language, text] of Object.entries(books)) {
      const segments = segmentChapter(text, { language });
      expectExactTiling(text, segments);
      expect(view(segments)).toEqual(expected[language]);
    }
    // A book whose dialogue is quoted keeps a dash at a line's start inside its paragraph.
    const quoted = '"One," said Tom.\n\n"Two," said Ann. It was late.\n--And then the rain came.';
    expect(
      segmentChapter(quoted, { language: 'en' }).filter((segment) => segment.boundaryBefore === 'paragraph'),
    ).toHaveLength(1);
  });

  it('keeps a straight-quoted title inside a straight-quoted speech in the speech', () => {
    const text = [
      '"\'Is to copy out the "Encyclopaedia Britannica." There is the first volume of it. Will you be ready?\'',
      '"Yes," said he, "the word "nuts" is odd." Then he left.',
    ].join('\n\n');
    const segments = segmentChapter(text, { language: 'en' });
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      [
        'dialogue',
        '"\'Is to copy out the "Encyclopaedia Britannica." There is the first volume of it. Will you be ready?\'',
        'chapter_head',
      ],
      ['dialogue', '"Yes,"', 'paragraph'],
      ['narration', 'said he,', 'dialogue_turn'],
      ['dialogue', '"the word "nuts" is odd."', 'dialogue_turn'],
      ['narration', 'Then he left.', 'dialogue_turn'],
    ]);
  });

  it('keeps a letter read aloud in the speech when its next paragraph reopens the quotation on the next line', () => {
    const text = [
      '"Here it is, and I will read it to you:',
      "          \"'Elm Lodge, Tuesday.\n\"'DEAR MISS GREY:--My wife would be glad to see you. Yours, J. WARD.'",
      '"That is all he wrote," she ended. "Well?" I asked.',
    ].join('\n\n');
    const segments = segmentChapter(text, { language: 'en' });
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['dialogue', '"Here it is, and I will read it to you:', 'chapter_head'],
      [
        'dialogue',
        "\"'Elm Lodge, Tuesday.\n\"'DEAR MISS GREY:--My wife would be glad to see you. Yours, J. WARD.'",
        'paragraph',
      ],
      ['dialogue', '"That is all he wrote,"', 'paragraph'],
      ['narration', 'she ended.', 'dialogue_turn'],
      ['dialogue', '"Well?"', 'dialogue_turn'],
      ['narration', 'I asked.', 'dialogue_turn'],
    ]);
  });

  it("cuts out a first-person tag with the narrator's less common verbs (balbuciei, gaguejei, balbuceé)", () => {
    const portuguese = '--Não é nada, balbuciei finalmente.\n\n--Eu? gaguejei. Nada.';
    expect(view(segmentChapter(portuguese, { language: 'pt' }))).toEqual([
      ['dialogue', '--Não é nada,', 'chapter_head'],
      ['narration', 'balbuciei finalmente.', 'dialogue_turn'],
      ['dialogue', '--Eu?', 'paragraph'],
      ['narration', 'gaguejei.', 'dialogue_turn'],
      ['dialogue', 'Nada.', 'dialogue_turn'],
    ]);
    const spanish = '—No es nada —balbuceé al fin—. Nada.';
    expect(view(segmentChapter(spanish, { language: 'es' }))).toEqual([
      ['dialogue', '—No es nada', 'chapter_head'],
      ['narration', '—balbuceé al fin—.', 'dialogue_turn'],
      ['dialogue', 'Nada.', 'dialogue_turn'],
    ]);
  });

  it('cuts out a tag whose subject is "one of them" or "a voice" (uno de los esbirros, una voz, one of the men)', () => {
    const spanish = '--Uno.\n\n--¿Quién anda ahí?--preguntó uno de los esbirros.\n\n--¡La Justicia!--contestó una voz.';
    expect(view(segmentChapter(spanish, { language: 'es' }))).toEqual([
      ['dialogue', '--Uno.', 'chapter_head'],
      ['dialogue', '--¿Quién anda ahí?', 'paragraph'],
      ['narration', '--preguntó uno de los esbirros.', 'dialogue_turn'],
      ['dialogue', '--¡La Justicia!', 'paragraph'],
      ['narration', '--contestó una voz.', 'dialogue_turn'],
    ]);
    const english = '"Who goes there?" asked one of the men.';
    expect(view(segmentChapter(english, { language: 'en' }))).toEqual([
      ['dialogue', '"Who goes there?"', 'chapter_head'],
      ['narration', 'asked one of the men.', 'dialogue_turn'],
    ]);
  });

  it('cuts out tags saying how, by whom unnamed, with a gerund ("añadió luego con dureza", "añadió otro", "riéndose")', () => {
    const text =
      '--¡Quita!\n\n--¡No salgas!--añadió luego con dureza, viendo que ella quería seguirle.\n\n' +
      '--Buenas noches--agregó luego entrando, con voz menos oficial.';
    expect(view(segmentChapter(text, { language: 'es' }))).toEqual([
      ['dialogue', '--¡Quita!', 'chapter_head'],
      ['dialogue', '--¡No salgas!', 'paragraph'],
      ['narration', '--añadió luego con dureza, viendo que ella quería seguirle.', 'dialogue_turn'],
      ['dialogue', '--Buenas noches', 'paragraph'],
      ['narration', '--agregó luego entrando, con voz menos oficial.', 'dialogue_turn'],
    ]);
    const others =
      '--¡Ya va!--añadió otro.\n\n--¡Ya va!--repitieron todos.\n\n--¿Qué hora es?--interrogó el Molinero.\n\n' +
      '--Buenas--contestó riéndose el bondadoso Pastor.';
    expect(
      segmentChapter(others, { language: 'es' })
        .filter((segment) => segment.kind === 'narration')
        .map((segment) => segment.text.trim()),
    ).toEqual([
      '--añadió otro.',
      '--repitieron todos.',
      '--interrogó el Molinero.',
      '--contestó riéndose el bondadoso Pastor.',
    ]);
  });

  it("cuts tags with the book's language only", () => {
    const text = '—Bom dia, disse ella, como vai?';
    const kinds = (language?: string) => segmentChapter(text, { language }).map((s) => [s.kind, s.text.trim()]);
    expect(kinds('pt')).toEqual([
      ['dialogue', '—Bom dia,'],
      ['narration', 'disse ella,'],
      ['dialogue', 'como vai?'],
    ]);
    expect(kinds()).toEqual(kinds('pt-BR'));
    expect(kinds('en')).toEqual([['dialogue', text]]);
  });

  it('dash-introduced English dialogue: the tag without a closing dash is cut out ("—Who? said I.")', () => {
    const text =
      '—Well, so your old friend is gone.\n\n—Who? said I.\n\n—I have my own theory about it, he said. I think it was one of those cases.';
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['dialogue', '—Well, so your old friend is gone.', 'chapter_head'],
      ['dialogue', '—Who?', 'paragraph'],
      ['narration', 'said I.', 'dialogue_turn'],
      ['dialogue', '—I have my own theory about it,', 'paragraph'],
      ['narration', 'he said.', 'dialogue_turn'],
      ['dialogue', 'I think it was one of those cases.', 'dialogue_turn'],
    ]);
  });

  it('"--" glued to punctuation: tags inside the paragraph, new turns after them, narration that goes on', () => {
    const text = [
      '--Anda visitando os defuntos? disse-lhe eu.--Ora, defuntos! respondeu Virgilia. E depois de me apertar as mãos:--Ando a ver se ponho os vadios para a rua.',
      '--Não sei se faz bem, retorqui; o doente é um solteirão.',
      '--Vivo? perguntei eu, enterrando as unhas nas mãos, como para certificar-me.',
      '--Café às quatro? perguntou o major, espantado.',
      'Súbito ouço uma voz:--Olá, meu rapaz!',
    ].join('\r\n\r\n');
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['dialogue', '--Anda visitando os defuntos?', 'chapter_head'],
      ['narration', 'disse-lhe eu.', 'dialogue_turn'],
      ['dialogue', '--Ora, defuntos!', 'dialogue_turn'],
      ['narration', 'respondeu Virgilia. E depois de me apertar as mãos:', 'dialogue_turn'],
      ['dialogue', '--Ando a ver se ponho os vadios para a rua.', 'dialogue_turn'],
      ['dialogue', '--Não sei se faz bem,', 'paragraph'],
      ['narration', 'retorqui;', 'dialogue_turn'],
      ['dialogue', 'o doente é um solteirão.', 'dialogue_turn'],
      ['dialogue', '--Vivo?', 'paragraph'],
      ['narration', 'perguntei eu, enterrando as unhas nas mãos, como para certificar-me.', 'dialogue_turn'],
      ['dialogue', '--Café às quatro?', 'paragraph'],
      ['narration', 'perguntou o major, espantado.', 'dialogue_turn'],
      ['narration', 'Súbito ouço uma voz:', 'paragraph'],
      ['dialogue', '--Olá, meu rapaz!', 'dialogue_turn'],
    ]);
  });

  it('leaves the dashes of a narration in a book whose dialogue is quoted where they are', () => {
    const text =
      'How many people\'s happiness were in his guardianship!--how much of pleasure or pain.\n\n"Indeed," said she.';
    expect(view(segmentChapter(text))).toEqual([
      [
        'narration',
        "How many people's happiness were in his guardianship!--how much of pleasure or pain.",
        'chapter_head',
      ],
      ['dialogue', '"Indeed,"', 'paragraph'],
      ['narration', 'said she.', 'dialogue_turn'],
    ]);
  });

  it("single quotes beside apostrophes, and a dash inside a quotation is the speaker's own", () => {
    const text =
      "'It's late,' said Tom, 'and the boys' hats aren't dry.'\n\n\"You are a strange creature!--always wanting me to play,\" said she.";
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['dialogue', "'It's late,'", 'chapter_head'],
      ['narration', 'said Tom,', 'dialogue_turn'],
      ['dialogue', "'and the boys' hats aren't dry.'", 'dialogue_turn'],
      ['dialogue', '"You are a strange creature!--always wanting me to play,"', 'paragraph'],
      ['narration', 'said she.', 'dialogue_turn'],
    ]);
  });

  it("takes an apostrophe eliding a year's century for no quotation ('83, the '90s)", () => {
    const text =
      "It was early in April in the year '83 that I woke.\n\nIn the '90s, 'they said,' we went away.\n\n'Come,' said he.";
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['narration', "It was early in April in the year '83 that I woke.", 'chapter_head'],
      ['narration', "In the '90s,", 'paragraph'],
      ['dialogue', "'they said,'", 'dialogue_turn'],
      ['narration', 'we went away.', 'dialogue_turn'],
      ['dialogue', "'Come,'", 'paragraph'],
      ['narration', 'said he.', 'dialogue_turn'],
    ]);
  });

  it('keeps a word quoted inside a narrated sentence in the narration, and a line after a speech verb apart', () => {
    const text =
      'It was what the knowing ones call "nuts" to Scrooge.\n\nSo he said "Pooh, pooh!" and closed the door.';
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(view(segments)).toEqual([
      ['narration', 'It was what the knowing ones call "nuts" to Scrooge.', 'chapter_head'],
      ['narration', 'So he said', 'paragraph'],
      ['dialogue', '"Pooh, pooh!"', 'dialogue_turn'],
      ['narration', 'and closed the door.', 'dialogue_turn'],
    ]);
  });

  it('a speech running over paragraphs stays dialogue until its quotation closes', () => {
    const text =
      '"My motive is as follows.\n\n"We have reason to imagine that his aunt objects."\n\nHe folded the letter.';
    const segments = segmentChapter(text);
    expect(view(segments)).toEqual([
      ['dialogue', '"My motive is as follows.', 'chapter_head'],
      ['dialogue', '"We have reason to imagine that his aunt objects."', 'paragraph'],
      ['narration', 'He folded the letter.', 'paragraph'],
    ]);
  });

  it('an apostrophe ending a word goes on with the line, but a tag or a new quotation after it closes the line', () => {
    const text = "'I was goin' down,' said Tom.\n\n'Go home' he said, 'now.'\n\nWe told ’em to go. 'Right,' said Tom.";
    const segments = segmentChapter(text, { language: 'en' });
    expectExactTiling(text, segments);
    expect(view(segments).map(([kind, words]) => `${kind[0]} ${words}`)).toEqual([
      "d 'I was goin' down,'",
      'n said Tom.',
      "d 'Go home'",
      'n he said,',
      "d 'now.'",
      'n We told ’em to go.',
      "d 'Right,'",
      'n said Tom.',
    ]);
  });

  it('a clipped word before a comma or another clipped word goes on with a curly single-quoted line', () => {
    const text =
      '‘’Mornin’, miss. ’Ow’s yer father?’\n\n‘Oh, aye. ’Mornin’, Mr Pennock.’\n\n' +
      '‘’E says it’s ’is watch an’ ’e wants it goin’ for ’is weddin’.’ Sam grinned.\n\n‘Yes’, he said, ‘and no’, and left.';
    const segments = segmentChapter(text, { language: 'en' });
    expectExactTiling(text, segments);
    expect(view(segments).map(([kind, words]) => `${kind[0]} ${words}`)).toEqual([
      'd ‘’Mornin’, miss. ’Ow’s yer father?’',
      'd ‘Oh, aye. ’Mornin’, Mr Pennock.’',
      'd ‘’E says it’s ’is watch an’ ’e wants it goin’ for ’is weddin’.’',
      'n Sam grinned.',
      'd ‘Yes’,',
      'n he said,',
      'd ‘and no’,',
      'n and left.',
    ]);
  });

  it('a plural possessive keeps a line its tag took up open into the next paragraph, not a word quoted in narration', () => {
    const text =
      "'We walked,' said Jem, 'past the Smiths' farm.\n\n'It was cold.'\n\nThey called them 'the boys' and nobody minded.";
    const segments = segmentChapter(text, { language: 'en' });
    expectExactTiling(text, segments);
    expect(view(segments).map(([kind, words]) => `${kind[0]} ${words}`)).toEqual([
      "d 'We walked,'",
      'n said Jem,',
      "d 'past the Smiths' farm.",
      "d 'It was cold.'",
      "n They called them 'the boys' and nobody minded.",
    ]);
  });

  it('a tag between dashes inside guillemets, and a dash line opening with an ellipsis, stay as they were read', () => {
    const text = '«Mañana —dijo el viejo— iremos al río.»\n\n—…y entonces se fue.\n\n—¿Quién? —preguntó Ana.';
    const segments = segmentChapter(text, { language: 'es' });
    expectExactTiling(text, segments);
    expect(view(segments).map(([kind, words]) => `${kind[0]} ${words}`)).toEqual([
      'd «Mañana',
      'n —dijo el viejo—',
      'd iremos al río.»',
      'd —…y entonces se fue.',
      'd —¿Quién?',
      'n —preguntó Ana.',
    ]);
  });

  it('never leaves a segment with nothing to speak: lone dashes and punctuation join a neighbour', () => {
    const text = '"Hello." -- "Goodbye."\n\n—\n\n"Wait!" . "Why?"\n\n--';
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    for (const segment of segments) expect(segment.text).toMatch(/[\p{L}\p{N}]/u);
    expect(segments.map((s) => s.kind)).toEqual(['dialogue', 'dialogue', 'dialogue', 'dialogue']);
    expect(segmentChapter('—', { headingText: '—' }).map((s) => s.text)).toEqual(['—']);
  });

  it('marks scene breaks and keeps their markers between segments', () => {
    const text = 'The end of one scene.\n\n* * *\n\nThe start of another.';
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(segments.map((s) => s.boundaryBefore)).toEqual(['chapter_head', 'scene_break']);
  });

  it('splits long paragraphs at sentence boundaries under the limit', () => {
    const sentence = 'Mr. Darcy walked slowly along the avenue, thinking of everything and nothing at all. ';
    const text = sentence.repeat(60).trim();
    const segments = segmentChapter(text);
    expectExactTiling(text, segments);
    expect(segments.length).toBeGreaterThan(3);
    for (const segment of segments) {
      expect(segment.text.length).toBeLessThanOrEqual(1500);
      expect(segment.text.trim()).toMatch(/^Mr\. Darcy .*\.$/s);
    }
    expect(segments.slice(1).every((s) => s.boundaryBefore === 'sentence')).toBe(true);
  });

  it(
    "reads a 1.8 MB single-quoted line of clipped words (goin') whole",
    async () => {
      const start = process.cpuUsage();
      // Each clipped word's apostrophe is checked for a speech tag after it; reading up to the clause's end there, not
      // a tag's length, made this line's cost its length squared (minutes, not the half second it takes).
      const text = `'I was ${"goin' ".repeat(300_000)}home,' said Jem.`;
      const segments = segmentChapter(text, { language: 'en' });
      expect(cpuMsSince(start)).toBeLessThan(HOSTILE_CPU_BUDGET_MS);
      expectExactTiling(text, segments);
      expect(segments[0].kind).toBe('dialogue');
      expect(view(segments.slice(-1))).toEqual([['narration', 'said Jem.', 'dialogue_turn']]);
    },
    HANG_LIMIT_MS,
  );

  it('reproduces any chapter text exactly (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '"Hello," said Ann. ',
        '“Curly,” he said. ',
        "'Single,' she said. ",
        '—¿Llegaste? —preguntó Rosa.',
        '—Ya voy —dijo—. Bien.',
        '-- Vens? -- disse Capitu.',
        '«Bonjour», dit-il. ',
        '* * *',
        'Chapter 1',
        'CAPÍTULO III',
        '—',
        '--',
        '"',
        '“',
        '«',
        '»',
        "don't ",
        'Mr. Smith. ',
        '...',
        '…',
        '😀 ',
        'e\u0301',
        '\u200B',
        '\u00A0',
      ),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 10 }),
    );
    const separator = fc.constantFrom(' ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\t', '  \n \n', '');
    const chapterText = fc
      .array(fc.tuple(piece, separator), { maxLength: 40 })
      .map((parts) => parts.map(([p, s]) => p + s).join(''));
    fc.assert(
      fc.property(
        chapterText,
        fc.integer({ min: 20, max: 400 }),
        fc.option(fc.constantFrom('Chapter 1', 'CAPÍTULO III', '—')),
        (text, max, heading) => {
          const segments = segmentChapter(text, { maxSegmentChars: max, headingText: heading ?? undefined });
          expect(segments.map((s) => s.text).join('')).toBe(text);
          for (let i = 0; i < segments.length; i++) {
            expect(segments[i].startOffset).toBe(i === 0 ? 0 : segments[i - 1].endOffset);
            expect(segments[i].endOffset).toBeGreaterThan(segments[i].startOffset);
          }
          if (text.length > 0) expect(segments[segments.length - 1].endOffset).toBe(text.length);
          // Something to speak in every segment, unless the chapter has nothing to speak at all.
          if (/[\p{L}\p{N}]/u.test(text)) for (const segment of segments) expect(segment.text).toMatch(/[\p{L}\p{N}]/u);
        },
      ),
      { numRuns: 400 },
    );
  });
});
