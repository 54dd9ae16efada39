import { clauseEnd, readSpeechTag, sentencesOf } from '../../core/characters/attribution/speechTags';

describe('speech tags', () => {
  it.each([
    ['said Elizabeth.', { verb: 'said', subject: 'Elizabeth', firstPerson: false, pronoun: null }],
    ['said Mr. Bennet; "and', { verb: 'said', subject: 'Mr. Bennet', firstPerson: false, pronoun: null }],
    ['returned she;', { verb: 'returned', subject: 'she', firstPerson: false, pronoun: 'she' }],
    ['my aunt said piously.', { verb: 'said', subject: 'my aunt', firstPerson: false, pronoun: null }],
    ['said I.', { verb: 'said', subject: 'I', firstPerson: true, pronoun: null }],
    ['I said to him.', { verb: 'said', subject: 'I', firstPerson: true, pronoun: null }],
    ['—dijo Rosa—.', { verb: 'dijo', subject: 'Rosa', firstPerson: false, pronoun: null }],
    ['-dijo el ventero-.', { verb: 'dijo', subject: 'el ventero', firstPerson: false, pronoun: null }],
    ['dije yo.', { verb: 'dije', subject: 'yo', firstPerson: true, pronoun: null }],
    ['disse-lhe eu.--Ora', { verb: 'disse-lhe', subject: 'eu', firstPerson: true, pronoun: null }],
    ['respondi;', { verb: 'respondi', subject: '', firstPerson: true, pronoun: null }],
    [
      'retorquia modestamente o Villaça,',
      { verb: 'retorquia', subject: 'modestamente o Villaça', firstPerson: false, pronoun: null },
    ],
    // A clitic before the verb: "le respondió Sancho", "me dijo Pedro", "se dijo el tío", "lhe disse o padre".
    ['—le respondió Sancho—,', { verb: 'respondió', subject: 'Sancho', firstPerson: false, pronoun: null }],
    ['—me dijo Pedro—.', { verb: 'dijo', subject: 'Pedro', firstPerson: false, pronoun: null }],
    [
      '(se dijo lúgubremente el tío Lucas).',
      { verb: 'dijo', subject: 'lúgubremente el tío Lucas', firstPerson: false, pronoun: null },
    ],
    ['lhe disse o padre.', { verb: 'disse', subject: 'o padre', firstPerson: false, pronoun: null }],
    ['Pedro le contestó.', { verb: 'contestó', subject: 'Pedro', firstPerson: false, pronoun: null }],
    // No subject: the narration goes on with a gerund, or a phrase of time ends the tag.
    [
      'continuou voltando-se inteiramente para mim.',
      { verb: 'continuou', subject: 'voltando-se inteiramente para mim', firstPerson: false, pronoun: null },
    ],
    ['perguntou-me no fim.', { verb: 'perguntou-me', subject: 'no fim', firstPerson: false }],
    ['dijo sonriendo el cura.', { verb: 'dijo', subject: 'sonriendo el cura', firstPerson: false }],
    // How the voice sounded, between the verb and its subject.
    [
      '(respondió en alta voz el tío Lucas).',
      { verb: 'respondió', subject: 'en alta voz el tío Lucas', firstPerson: false, pronoun: null },
    ],
    ['disse em voz baixa o padre.', { verb: 'disse', subject: 'em voz baixa o padre', firstPerson: false }],
    // A preposition of manner and its noun, before the subject or ending the tag; a gerund after an adverb.
    ['respondió con dureza el tío Lucas.', { verb: 'respondió', subject: 'con dureza el tío Lucas' }],
    ['añadió luego con dureza, viendo que', { verb: 'añadió', subject: 'luego con dureza' }],
    ['respondeu com impaciência o padre.', { verb: 'respondeu', subject: 'com impaciência o padre' }],
    ['agregó luego entrando, con voz menos', { verb: 'agregó', subject: 'luego entrando' }],
    // A gerund with its clitic glued ("riéndose", "mirándole"); an indefinite subject alone or before a partitive.
    ['contestó riéndose el bondadoso Pastor.', { verb: 'contestó', subject: 'riéndose el bondadoso Pastor' }],
    ['siguió mirándole el cura,', { verb: 'siguió', subject: 'mirándole el cura' }],
    ['añadió otro.', { verb: 'añadió', subject: 'otro' }],
    ['repitieron todos.', { verb: 'repitieron', subject: 'todos' }],
    ['añadían algunos, acostumbrados', { verb: 'añadían', subject: 'algunos' }],
    ['acrescentou outro dos rapazes.', { verb: 'acrescentou', subject: 'outro dos rapazes' }],
    ['interrogó el Molinero.', { verb: 'interrogó', subject: 'el Molinero' }],
    ['—dijo uno—;', { verb: 'dijo', subject: 'uno' }],
    ['disse-me rindo. Continuei', { verb: 'disse-me', subject: 'rindo' }],
    ['pensei commigo.', { verb: 'pensei', subject: 'commigo', firstPerson: true }],
    ['dijo para sí el cura.', { verb: 'dijo', subject: 'para sí el cura' }],
    ['accrescentava. Sempre que', { verb: 'accrescentava', subject: '' }],
    ['prorrumpía el Prior.--', { verb: 'prorrumpía', subject: 'el Prior' }],
    ['notificó el Secretario, después de', { verb: 'notificó', subject: 'el Secretario' }],
    ['said in a low voice the old man.', { verb: 'said', subject: 'in a low voice the old man', firstPerson: false }],
    [
      'disse ella com ar dolente;',
      { verb: 'disse', subject: 'ella com ar dolente', firstPerson: false, pronoun: 'ella' },
    ],
  ])('reads %j', (text, expected) => {
    expect(readSpeechTag(text)).toMatchObject(expected);
  });

  it.each([
    'It was what I said.',
    'se dijo que no.',
    'me dijo que sí, y se fue.',
    'was Bob’s mild answer.',
    'said to be true, they say.',
    'I said nothing about it.',
    'said nothing.',
    'dijo con razón que no.',
    'dijo con Pedro que no.',
    'repitió todos los nombres.',
    'dijo bando que no.',
  ])('finds no tag in %j', (text) => {
    expect(readSpeechTag(text)).toBeNull();
  });

  it('reads an English subject-first tag followed by a clause of time or a phrase of manner ("I asked when…", "with…")', () => {
    expect(readSpeechTag('I ejaculated after I had twice read over the announcement.', 'en')).toMatchObject({
      verb: 'ejaculated',
      firstPerson: true,
    });
    expect(readSpeechTag('he remarked as we paced to and fro,', 'en')).toMatchObject({ pronoun: 'he' });
    expect(readSpeechTag('Holmes remarked when we were alone.', 'en')).toMatchObject({ subject: 'Holmes' });
    expect(readSpeechTag('he asked with a deep harsh voice and a strongly marked accent.', 'en')).toMatchObject({
      pronoun: 'he',
    });
    expect(readSpeechTag('Alice said with some severity;', 'en')).toMatchObject({ subject: 'Alice' });
    expect(readSpeechTag('I exclaimed in unfeigned admiration.', 'en')).toMatchObject({ firstPerson: true });
    expect(readSpeechTag('cried several voices.', 'en')).toMatchObject({ subject: 'several voices' });
    expect(readSpeechTag('gritaron varios mozos.', 'es')).toMatchObject({ subject: 'varios mozos' });
    expect(readSpeechTag('I said nothing when he came in.', 'en')).toBeNull();
    expect(readSpeechTag('It was what I said when he came.', 'en')).toBeNull();
    expect(readSpeechTag('Pedro dijo cuando llegó que no.', 'es')).toBeNull();
  });

  it('reads an English subject-first tag followed by a phrase of place ("through his open window", "from the landing")', () => {
    expect(readSpeechTag('Dale said through his open window.', 'en')).toMatchObject({ subject: 'Dale' });
    expect(readSpeechTag('she called from the landing.', 'en')).toMatchObject({ pronoun: 'she' });
    expect(readSpeechTag('Tom said across the table,', 'en')).toMatchObject({ subject: 'Tom' });
    expect(readSpeechTag('I said nothing from then on.', 'en')).toBeNull();
    expect(readSpeechTag('Pedro dijo desde la ventana que no.', 'es')).toBeNull();
  });

  it('reads only the verbs of the language it is given, and every language when given none', () => {
    expect(readSpeechTag('dijo Rosa.', 'es')).toMatchObject({ verb: 'dijo', subject: 'Rosa' });
    expect(readSpeechTag('dijo Rosa.', 'en')).toBeNull();
    expect(readSpeechTag('said Tom.', 'pt')).toBeNull();
    expect(readSpeechTag('disse ella,', 'pt')).toMatchObject({ pronoun: 'ella' });
    for (const text of ['dijo Rosa.', 'said Tom.', 'disse ella,']) expect(readSpeechTag(text)).not.toBeNull();
  });

  it('tells a verb only a third person says ("perguntou-me", "respondió") where the language marks the person', () => {
    expect(readSpeechTag('perguntou-me no fim.', 'pt')).toMatchObject({ firstPerson: false, thirdPersonVerb: true });
    expect(readSpeechTag('me preguntó.', 'es')).toMatchObject({ firstPerson: false, thirdPersonVerb: true });
    expect(readSpeechTag('respondi.', 'pt')).toMatchObject({ firstPerson: true, thirdPersonVerb: false });
    expect(readSpeechTag('dije yo.', 'es')).toMatchObject({ firstPerson: true, thirdPersonVerb: false });
    // "disse" is "I said" and "he said" alike; English "said" is anyone's.
    expect(readSpeechTag('disse.', 'pt')).toMatchObject({ thirdPersonVerb: false });
    expect(readSpeechTag('said Tom.', 'en')).toMatchObject({ thirdPersonVerb: false });
  });

  it('reads tags in parentheses and with adverbial phrases before the subject', () => {
    expect(readSpeechTag('(preguntó el cabrero): ¿qué', 'es')).toMatchObject({ subject: 'el cabrero' });
    expect(readSpeechTag('(observó en esto el padre del novio), es', 'es')).toMatchObject({
      subject: 'en esto el padre del novio',
    });
    expect(readSpeechTag('dijeron al fin consistorialmente las madres.', 'es')).not.toBeNull();
    // A title written in lower case before a name ("don Quijote", "tío Lucas") names that person.
    expect(readSpeechTag('respondió don Quijote—, porque', 'es')).toMatchObject({ subject: 'don Quijote' });
    expect(readSpeechTag('dijo tío Lucas.', 'es')).toMatchObject({ subject: 'tío Lucas' });
    expect(readSpeechTag('disse tio Cosme.', 'pt')).toMatchObject({ subject: 'tio Cosme' });
    expect(readSpeechTag('don Quijote respondió:', 'es')).toMatchObject({ subject: 'don Quijote' });
    expect(readSpeechTag('dijo don nada.', 'es')).toBeNull();
    // A phrase of time may end a tag that names nobody.
    expect(readSpeechTag('preguntó al cabo de un rato.', 'es')).toMatchObject({ verb: 'preguntó' });
    expect(readSpeechTag('perguntou depois de uma pausa.', 'pt')).toMatchObject({ verb: 'perguntou' });
    expect(readSpeechTag('said after a pause Mr. Grey.', 'en')).toMatchObject({ verb: 'said' });
    expect(readSpeechTag('said to be true.', 'en')).toBeNull();
  });

  it('reads plural tags, old Spanish enclitics and Victorian verbs', () => {
    expect(readSpeechTag('respondieron las madres,', 'es')).toMatchObject({ subject: 'las madres' });
    expect(readSpeechTag('díjole el cura.', 'es')).toMatchObject({ verb: 'díjole', subject: 'el cura' });
    expect(readSpeechTag('I ejaculated.', 'en')).toMatchObject({ firstPerson: true });
    expect(readSpeechTag('confirmou a mulher;', 'pt')).toMatchObject({ subject: 'a mulher' });
  });

  it('ends a clause at punctuation or a dash, never at an abbreviation or a hyphenated word', () => {
    expect(clauseEnd('said Mr. Bennet; then')).toBe(15);
    expect(clauseEnd('disse-lhe eu.')).toBe(12);
    expect(clauseEnd('dijo el ventero- y')).toBe(15);
  });

  it('splits narration into sentences without breaking after titles or initials', () => {
    const sentences = sentencesOf('Mr. Bennet was among the earliest. He had always intended to go; she knew it.');
    expect(sentences.map((sentence) => sentence.text.trim())).toEqual([
      'Mr. Bennet was among the earliest.',
      'He had always intended to go;',
      'she knew it.',
    ]);
  });
});
