/**
 * Spoken-form cases: what the normalizer must say for what a book prints, per language. Shared by
 * bench/normalization.bench.ts (passed/total per language) and test/speech/normalizationCases.test.ts (every case must
 * pass). Written for the conventions of the books we produce (19th-century English, Spanish and Portuguese prose and
 * their modern editions); the rules behind each group are described in docs/spoken-form.md.
 */
export type CaseLanguage = 'en' | 'es' | 'pt';

export interface NormalizationCase {
  language: CaseLanguage;
  /** The book's BCP 47 tag. */
  locale: string;
  topic: string;
  input: string;
  expected: string;
  /** Read as a chapter heading. */
  heading?: boolean;
}

type Row = [topic: string, input: string, expected: string, heading?: 'heading'];

function cases(language: CaseLanguage, locale: string, rows: Row[]): NormalizationCase[] {
  return rows.map(([topic, input, expected, heading]) => ({
    language,
    locale,
    topic,
    input,
    expected,
    ...(heading ? { heading: true } : {}),
  }));
}

const ENGLISH = cases('en', 'en-GB', [
  ['abbreviation', 'Mr.\nDarcy bowed.', 'Mister Darcy bowed.'],
  ['abbreviation', 'said Mr.\r\nDarcy, coldly.', 'said Mister Darcy, coldly.'],
  ['abbreviation', '"MR. DARCY!" she cried.', '"Mister DARCY!" she cried.'],
  ['abbreviation', 'Mr. and Mrs. Gardiner came with Dr. Jones.', 'Mister and Missus Gardiner came with Doctor Jones.'],
  ['abbreviation', 'Mr Cotter here has just told us.', 'Mister Cotter here has just told us.'],
  ['abbreviation', 'Mrs. St. Clair called on Lady St. Aubyn.', 'Missus Saint Clair called on Lady Saint Aubyn.'],
  [
    'abbreviation',
    "his presentation at St.\nJames's was a success.",
    "his presentation at Saint James's was a success.",
  ],
  ['abbreviation', "At St. Paul's the bells rang.", "At Saint Paul's the bells rang."],
  ['abbreviation', 'He lodged in Baker St. for a year.', 'He lodged in Baker Street for a year.'],
  ['abbreviation', 'He lodged in Baker St.\nThe rooms were dark.', 'He lodged in Baker Street.\nThe rooms were dark.'],
  ['abbreviation', 'He lodged in Baker St. He paid well.', 'He lodged in Baker Street. He paid well.'],
  ['abbreviation', 'They met at No. 5, Harley St.', 'They met at number five, Harley Street.'],
  ['abbreviation', 'see vol. ii, p. 23', 'see volume two, page twenty-three'],
  ['abbreviation', 'Vol. II, pp. 10-12, ch. iv.', 'volume two, pages ten to twelve, chapter four.'],
  ['abbreviation', 'No. I think not.', 'No. I think not.'],
  ['abbreviation', 'built c. 1850 or ca. 1860', 'built circa eighteen fifty or circa eighteen sixty'],
  ['abbreviation', 'apples, pears, &c. were sold', 'apples, pears, et cetera were sold'],
  ['pause', 'in 1000 A.D., 800 AD', 'in one thousand A.D., eight hundred AD'],
  ['slash', 'Each guest and/or his/her servant.', 'Each guest and or his or her servant.'],
  [
    'slash',
    'Open 24/7, split 50/50 or 60/40, at 100 km/h and 10 m/s; see items 1/2/3.',
    'Open twenty-four seven, split fifty-fifty or sixty-forty, at one hundred kilometers per hour and ten meters per second; see items one, two, three.',
  ],
  [
    'slash',
    'Speed in km/h, not m/s; yes/no; 30/70.',
    'Speed in kilometers per hour, not meters per second; yes or no; thirty-seventy.',
  ],
  [
    'pause',
    'apples, pears, &c., were sold at 7 p.m., and dear',
    'apples, pears, et cetera, were sold at seven p.m., and dear',
  ],
  ['pause', '"Hello" — said he — "no." Well — — then.', '"Hello", said he, "no." Well, then.'],
  ['abbreviation', 'Dr. Watson lives on Elm Dr. now.', 'Doctor Watson lives on Elm Drive now.'],
  ['abbreviation', '"Gracechurch Street, Sept. 6."', '"Gracechurch Street, September sixth."'],
  ['old money', 'It cost 2s. 6d. at the fair.', 'It cost two shillings and sixpence at the fair.'],
  ['old money', 'It cost 2s 6d at the fair.', 'It cost two shillings and sixpence at the fair.'],
  [
    'old money',
    'He paid a fine of £5 10s. and went home.',
    'He paid a fine of five pounds ten shillings and went home.',
  ],
  ['old money', 'He owed 5l. and paid 10s. at once.', 'He owed five pounds and paid ten shillings at once.'],
  ['old money', 'The bread was 1d. a loaf.', 'The bread was one penny a loaf.'],
  ['old money', 'He had 4½d. left.', 'He had fourpence halfpenny left.'],
  [
    'old money',
    'a clerk with fifteen shillings, and 15s. a week',
    'a clerk with fifteen shillings, and fifteen shillings a week',
  ],
  ['old money', 'He had £1 1s. 1d. in all.', 'He had one pound one shilling and one penny in all.'],
  ['old money', 'She gave him 10s. The boy ran.', 'She gave him ten shillings. The boy ran.'],
  ['decade', 'She was in her 30s. She laughed.', 'She was in her thirties. She laughed.'],
  ['decade', 'It happened in the 1960s.', 'It happened in the nineteen sixties.'],
  ['clock', 'We met at 5:15 and left at 10:05.', 'We met at five fifteen and left at ten oh five.'],
  ['clock', "He came at 3 o'clock.", "He came at three o'clock."],
  ['clock', 'The train left at 6:00.', "The train left at six o'clock."],
  ['clock', 'the train left at 7.45 p.m.', 'the train left at seven forty-five p.m.'],
  [
    'clock',
    "at 10.05 am, not at 6.00 o'clock; 7.45 miles",
    "at ten oh five am, not at six o'clock; seven point four five miles",
  ],
  ['unit', '5 ft. 10 in. tall and weighed 12 st.', 'five feet ten inches tall and weighed twelve stone.'],
  [
    'unit',
    'He ran 100 yds. in 10.5 s. and 2 mi. More!',
    'He ran one hundred yards in ten point five seconds and two miles. More!',
  ],
  [
    'unit',
    'It weighed 3 lbs. 4 oz., and 2 cwt. in all, on the 1st. Then',
    'It weighed three pounds four ounces, and two hundredweight in all, on the first. Then',
  ],
  ['unit', 'put 5 in the box', 'put five in the box'],
  ['alphanumeric', 'She lived at 12B Baker Street.', 'She lived at twelve B Baker Street.'],
  ['alphanumeric', 'Constable 57E corroborated.', 'Constable fifty-seven E corroborated.'],
  [
    'ordinal',
    'the 1st, the 2nd, the 3rd and the 21st of May',
    'the first, the second, the third and the twenty-first of May',
  ],
  ['ordinal', 'on Monday, November 18th, by four', 'on Monday, November eighteenth, by four'],
  ['date', 'on Monday, August 2.', 'on Monday, August second.'],
  [
    'date',
    'on 12/05/1890, 5/25/1890 and 05/06/90; 01/01/1066; 3/8, 12/5 and 31/02/1890',
    'on the twelfth of May, eighteen ninety, the twenty-fifth of May, eighteen ninety and the fifth of June, ninety; the first of January, ten sixty-six; three eighths, twelve, five and thirty-one, two, eighteen ninety',
  ],
  [
    'year',
    'In 1813 there were 1813 soldiers.',
    'In eighteen thirteen there were one thousand eight hundred thirteen soldiers.',
  ],
  ['year', 'July 1st, 1895', 'July first, eighteen ninety-five'],
  ['year', 'from 1990-1995', 'from nineteen ninety to nineteen ninety-five'],
  ['year', 'In A.D. 1066 the Normans came.', 'In A.D. ten sixty-six the Normans came.'],
  [
    'year',
    'from 55 BC to AD 476; 800 AD; 2005 CE',
    'from fifty-five BC to AD four seventy-six; eight hundred AD; two thousand five CE',
  ],
  [
    'number',
    'There were 1,500 men and 3.5 miles.',
    'There were one thousand five hundred men and three point five miles.',
  ],
  ['currency', 'It cost $5.50 or £1.', 'It cost five dollars and fifty cents or one pound.'],
  ['fraction', 'They walked 2½ miles.', 'They walked two and a half miles.'],
  [
    'fraction',
    'They walked 2 1/2 miles and 3/4 of a mile.',
    'They walked two and a half miles and three quarters of a mile.',
  ],
  [
    'fraction',
    '1/2, 1/3, 1/4, 5/8, 7/100, ⅝ and 12 ¼; on 12/05/1890.',
    'a half, a third, a quarter, five eighths, seven hundredths, five eighths and twelve and a quarter; on the twelfth of May, eighteen ninety.',
  ],
  ['roman', 'Henry VIII had six wives.', 'Henry the Eighth had six wives.'],
  ['roman', 'George III, the king, was ill.', 'George the Third, the king, was ill.'],
  ['roman', 'in the reign of Charles I.', 'in the reign of Charles the First.'],
  ['roman', 'Louis XIV built it.', 'Louis the Fourteenth built it.'],
  ['roman', 'Then I went home.', 'Then I went home.'],
  ['roman', '"So do I," said Elizabeth.', '"So do I," said Elizabeth.'],
  ['roman', 'Elizabeth I knew it.', 'Elizabeth I knew it.'],
  ['roman', 'as we saw in Chapter XII.', 'as we saw in Chapter twelve.'],
  ['roman', 'II.', 'two.'],
  ['roman', 'I.', 'one.'],
  ['heading', 'CHAPTER XII', 'Chapter twelve', 'heading'],
  ['heading', 'Chapter 7', 'Chapter seven', 'heading'],
  ['heading', 'CHAPTER SEVEN', 'Chapter seven', 'heading'],
  ['heading', 'I.', 'one.', 'heading'],
  ['heading', 'PART I.', 'Part one.', 'heading'],
  ['heading', "STAVE I:  MARLEY'S GHOST", "Stave one: MARLEY'S GHOST", 'heading'],
  ['heading', 'BOOK II', 'Book two', 'heading'],
  ['heading', 'I Went Home', 'I Went Home', 'heading'],
  ['heading', 'CHAPTER I', 'Chapter one', 'heading'],
  ['italics', 'I never said _that_; it was _your_ idea.', 'I never said that; it was your idea.'],
  ['italics', 'He had read _The Old Curiosity Shop._ Twice.', 'He had read The Old Curiosity Shop. Twice.'],
  ['italics', 'the file_name stays', 'the file_name stays'],
  ['note mark', 'He was mistaken* about the road.', 'He was mistaken about the road.'],
  ['note mark', 'the old mill.[3] Nobody', 'the old mill. Nobody'],
  ['note mark', 'the town of *** in the north', 'the town of, in the north'],
  ['symbol', 'a clerk at Hobbs & Lane, drapers', 'a clerk at Hobbs and Lane, drapers'],
  ['symbol', 'Hobbs &\nLane and AT&T', 'Hobbs and\nLane and AT&T'],
  ['roman', 'XI. THE SILVER LAMP', 'eleven. THE SILVER LAMP'],
  ['roman', 'I. Then it rained.', 'I. Then it rained.'],
  ['roman', 'as told in part III of the tale', 'as told in part three of the tale'],
  ['roman', 'in the days of King Edward\nVI, a boy', 'in the days of King Edward\nthe Sixth, a boy'],
]);

const AMERICAN_ENGLISH = cases('en', 'en-US', [
  [
    'date',
    'on 12/05/1890, 25/12/1890 and 05/06/90; 2/28/2005; 3/8',
    'on December fifth, eighteen ninety, December twenty-fifth, eighteen ninety and May sixth, ninety; February twenty-eighth, two thousand five; three eighths',
  ],
]);

const ENGLISH_WITHOUT_REGION = cases('en', 'en', [
  [
    'date',
    'on 12/05/1890 and 25/12/1890',
    'on December fifth, eighteen ninety and December twenty-fifth, eighteen ninety',
  ],
]);

const SPANISH = cases('es', 'es-ES', [
  ['abbreviation', 'El Sr.\nGarcía llegó.', 'El señor García llegó.'],
  ['abbreviation', 'EL SR. GARCÍA LLEGÓ.', 'EL señor GARCÍA LLEGÓ.'],
  ['abbreviation', 'Ud. y Uds. lo saben, y Vd. también.', 'usted y ustedes lo saben, y usted también.'],
  ['abbreviation', 'D. Quijote y Dña. Dulcinea', 'don Quijote y doña Dulcinea'],
  ['abbreviation', 'Llegó D.\nQuijote.', 'Llegó don Quijote.'],
  ['abbreviation', 'Dª Rodríguez, la dueña', 'doña Rodríguez, la dueña'],
  ['abbreviation', 'la Sra. Pérez y la Srta. Ruiz', 'la señora Pérez y la señorita Ruiz'],
  ['abbreviation', 'Firmó el señor Juan D. Pérez.', 'Firmó el señor Juan D. Pérez.'],
  ['abbreviation', 'libros, papeles, etc.', 'libros, papeles, etcétera.'],
  [
    'pause',
    'libros, papeles, etc., y en el año 1000 d. C., nada',
    'libros, papeles, etcétera, y en el año mil d. C., nada',
  ],
  [
    'pause',
    '—Ya voy —dijo el ventero—. ¿Y tú? —Nada —respondió—, nada.',
    'Ya voy, dijo el ventero. ¿Y tú? Nada, respondió, nada.',
  ],
  [
    'abbreviation',
    'véase el vol. II, pág. 23 y el cap. xii.',
    'véase el volumen dos, página veintitrés y el capítulo doce.',
  ],
  ['clock', 'A las 5:15 y a las 10:05.', 'A las cinco y cuarto y a las diez y cinco.'],
  ['clock', 'a la 1:30', 'a la una y media'],
  ['clock', 'a las 10:30 o a las 5:45', 'a las diez y media o a las cinco y cuarenta y cinco'],
  ['clock', 'a las 14h30', 'a las catorce horas y treinta'],
  ['clock', 'a las 3:00', 'a las tres en punto'],
  ['alphanumeric', 'el piso 12B', 'el piso doce B'],
  [
    'unit',
    'Medía 2 m. de alto y pesaba 80 kg. Luego, 3 km.',
    'Medía dos metros de alto y pesaba ochenta kilogramos. Luego, tres kilómetros.',
  ],
  ['ordinal', 'el 1.º y la 2.ª', 'el primero y la segunda'],
  ['ordinal', 'el 1.er día', 'el primer día'],
  ['roman', 'Felipe II y Alfonso X', 'Felipe segundo y Alfonso décimo'],
  ['roman', 'Luis XIV reinó.', 'Luis catorce reinó.'],
  ['roman', 'En el capítulo I lo dijo.', 'En el capítulo I lo dijo.'],
  ['roman', 'en el siglo XVII', 'en el siglo diecisiete'],
  [
    'roman',
    'los siglos XVI y XVII, el siglo xix y el siglo XX-XXI',
    'los siglos dieciséis y diecisiete, el siglo diecinueve y el siglo veinte a veintiuno',
  ],
  ['heading', 'CAPÍTULO VII', 'Capítulo siete', 'heading'],
  ['heading', 'CAPITULO XII', 'Capítulo doce', 'heading'],
  ['heading', 'Capítulo 3', 'Capítulo tres', 'heading'],
  ['heading', 'PARTE II', 'Parte dos', 'heading'],
  ['heading', 'CAPÍTULO PRIMERO', 'Capítulo primero', 'heading'],
  ['heading', 'CAP. XII', 'Capítulo doce', 'heading'],
  ['year', 'En 1605 se publicó.', 'En mil seiscientos cinco se publicó.'],
  [
    'date',
    'el 12/05/1890, el 1/1/1900, el 5/25/1890 y el 3/4/85; 3/8',
    'el doce de mayo de mil ochocientos noventa, el uno de enero de mil novecientos, el veinticinco de mayo de mil ochocientos noventa y el tres de abril del ochenta y cinco; tres octavos',
  ],
  [
    'date',
    'el 3 de ago. de 1857 y el 12 de dic.',
    'el tres de agosto de mil ochocientos cincuenta y siete y el doce de diciembre.',
  ],
  ['currency', 'Costó £5.', 'Costó cinco libras.'],
  [
    'old money',
    '25 ptas., 1 pta. y 30 rs. vn. o 5 duros',
    'veinticinco pesetas, una peseta y treinta reales de vellón o cinco duros',
  ],
  ['old money', 'Costó 21 ptas.', 'Costó veintiuna pesetas.'],
  ['slash', 'Firmará él/ella y/o su padre, uno/otro.', 'Firmará él o ella y o su padre, uno u otro.'],
  [
    'slash',
    'Abierto 24/7, a medias 50/50, a 100 km/h y 10 m/s; 1/2/3.',
    'Abierto veinticuatro, siete, a medias cincuenta cincuenta, a cien kilómetros por hora y diez metros por segundo; uno, dos, tres.',
  ],
  [
    'agreement',
    'Pagó 1 libra, 200 pesetas y 21 horas después 2 casas; 21 años y 31 noches.',
    'Pagó una libra, doscientas pesetas y veintiuna horas después dos casas; veintiún años y treinta y una noches.',
  ],
  [
    'agreement',
    'Eran 201 personas, 21000 almas y 200000 pesetas; 2000000 pesetas el 1 de mayo.',
    'Eran doscientas una personas, veintiún mil almas y doscientas mil pesetas; dos millones de pesetas el uno de mayo.',
  ],
  [
    'big number',
    '1500000000 y 21000000 habitantes; 2000000000000',
    'mil quinientos millones y veintiún millones de habitantes; dos billones',
  ],
  ['fraction', 'Faltan 2½.', 'Faltan dos y medio.'],
  ['fraction', 'Eran las 3 y 1/2.', 'Eran las tres y media.'],
  [
    'fraction',
    'Tardó 1/2 hora y 2½ horas, 1 1/2 kilos, 21 1/2 leguas, 2 1/4 horas, 1/4 hora, ½ docena y 2 1/2 km.',
    'Tardó media hora y dos horas y media, un kilo y medio, veintiuna leguas y media, dos horas y cuarto, un cuarto de hora, media docena y dos kilómetros y medio.',
  ],
  ['fraction', 'Quedan 2 1/2 restantes y 1/2 de ellos.', 'Quedan dos y medio restantes y medio de ellos.'],
  [
    'fraction',
    'Pesaba 2 1/2 kilos; 1/4, 3/4, 3/8, 1/12 y ⅓.',
    'Pesaba dos kilos y medio; un cuarto, tres cuartos, tres octavos, un doceavo y un tercio.',
  ],
  ['italics', 'Leía _La Gaceta_ cada mañana.', 'Leía La Gaceta cada mañana.'],
  ['italics', 'gritó: _"¡Fuego!"_ y calló', 'gritó: "¡Fuego!" y calló'],
  ['abbreviation', '¿Qué quiere V. de mí? Dígalo V... o váyase.', '¿Qué quiere usted de mí? Dígalo usted... o váyase.'],
  ['abbreviation', 'Ya lo saben VV., señores.', 'Ya lo saben ustedes, señores.'],
  ['abbreviation', 'V. Ruiz firmó; el emperador Carlos V.', 'V. Ruiz firmó; el emperador Carlos quinto.'],
  ['abbreviation', 'Léase el capítulo V. Luego', 'Léase el capítulo V. Luego'],
  [
    'abbreviation',
    'al servicio de S. M. el Rey; v. gr., los jueces',
    'al servicio de Su Majestad el Rey; verbigracia, los jueces',
  ],
  ['symbol', 'la casa Pérez & Hijos y Gómez & Cía.', 'la casa Pérez e Hijos y Gómez y Cía.'],
  ['note mark', 'en el pueblo de *** vivía', 'en el pueblo de, vivía'],
  ['roman', 'IV. EL VIAJE DE VUELTA', 'cuatro. EL VIAJE DE VUELTA'],
  ['roman', 'en tiempos de Felipe\nIV, cuando', 'en tiempos de Felipe\ncuarto, cuando'],
  ['roman', 'como se dijo en el capítulo XIV, el mozo', 'como se dijo en el capítulo catorce, el mozo'],
]);

const PORTUGUESE = [
  ...cases('pt', 'pt-BR', [
    [
      'big number',
      '1000000000, 2500000000, 1000000000000 e 1200000000000 habitantes',
      'um bilhão, dois bilhões e quinhentos milhões, um trilhão e um trilhão e duzentos bilhões de habitantes',
    ],
    ['big number', 'custou 2000000000 reais', 'custou dois bilhões de reais'],
    ['slash', 'Assina ele/ela e/ou o pai.', 'Assina ele ou ela e ou o pai.'],
    [
      'slash',
      'Aberto 24/7, 50/50, a 100 km/h e 1 m/s; 1/2/3.',
      'Aberto vinte e quatro, sete, cinquenta cinquenta, a cem quilômetros por hora e um metro por segundo; um, dois, três.',
    ],
    [
      'agreement',
      'Comprou 2 casas por 200 libras em 1 hora; 22 vezes, 1 homem e 2 homens.',
      'Comprou duas casas por duzentas libras em uma hora; vinte e duas vezes, um homem e dois homens.',
    ],
    [
      'agreement',
      '2000 libras, 201 pessoas, 3200000 libras e 3000000 de libras',
      'duas mil libras, duzentas e uma pessoas, três milhões e duzentas mil libras e três milhões de libras',
    ],
    ['abbreviation', 'a Excellentissima Senhora D.\nEusebia', 'a Excellentissima Senhora Dona Eusebia'],
    ['abbreviation', 'D. Placida entrou.', 'Dona Placida entrou.'],
    ['abbreviation', 'Adeus, D.\nPlacida.', 'Adeus, Dona Placida.'],
    ['abbreviation', 'contemporânea de el-rei D. João VI', 'contemporânea de el-rei Dom João sexto'],
    ['abbreviation', 'do tempo de D. José I, a', 'do tempo de Dom José primeiro, a'],
    ['abbreviation', 'D. Carmo e Dª Glória', 'Dona Carmo e Dona Glória'],
    ['abbreviation', 'o Sr.\nLopes chegou.', 'o senhor Lopes chegou.'],
    ['abbreviation', 'O SR. LOPES CHEGOU.', 'O senhor LOPES CHEGOU.'],
    ['abbreviation', 'V. Exa. e S. Exa. sabem.', 'Vossa Excelência e Sua Excelência sabem.'],
    ['abbreviation', 'a Sra. Ana e a Srta. Rita', 'a senhora Ana e a senhorita Rita'],
    ['abbreviation', 'Como está V. Ex.ª?', 'Como está Vossa Excelência?'],
    ['abbreviation', 'Assinou o senhor José D. Silva.', 'Assinou o senhor José D. Silva.'],
    ['abbreviation', 'Chegou D.\nEusebia.', 'Chegou Dona Eusebia.'],
    ['abbreviation', 'no vol. II, cap. IV, págs. 3-5', 'no volume dois, capítulo quatro, páginas três a cinco'],
    ['pause', 'livros, etc., e -- disse ele -- nada.', 'livros, etcétera, e, disse ele, nada.'],
    ['clock', 'às 5:15 e às 10:05', 'às cinco e quinze e às dez e cinco'],
    ['clock', 'à 1:00 e às 2:00', 'à uma hora e às duas horas'],
    ['clock', 'às 3:30, à 1:30 e às 10:35', 'às três e meia, à uma e meia e às dez e trinta e cinco'],
    ['clock', 'chegaram às 14h30', 'chegaram às catorze horas e trinta'],
    [
      'clock',
      'às 14h, às 14 h 30 min. E à 1h05.',
      'às catorze horas, às catorze horas e trinta minutos. E à uma hora e cinco.',
    ],
    ['alphanumeric', 'na casa 12B', 'na casa doze B'],
    [
      'unit',
      'Media 2 m. de altura e pesava 80 kg. Depois, 3 km.',
      'Media dois metros de altura e pesava oitenta quilogramas. Depois, três quilômetros.',
    ],
    ['ordinal', 'o 1.º e a 2ª', 'o primeiro e a segunda'],
    ['roman', 'D. Pedro II', 'Dom Pedro segundo'],
    ['roman', 'Luís XIV morreu.', 'Luís catorze morreu.'],
    ['roman', 'No séc. XIX e nos séculos XV e XVI', 'No século dezenove e nos séculos quinze e dezesseis'],
    ['heading', 'CAPITULO CLX', 'Capítulo cento e sessenta', 'heading'],
    ['heading', 'CAPÍTULO VII', 'Capítulo sete', 'heading'],
    ['heading', 'Capitulo I', 'Capítulo um', 'heading'],
    ['heading', 'PARTE I.', 'Parte um.', 'heading'],
    ['heading', 'CAPITULO XVI', 'Capítulo dezesseis', 'heading'],
    ['year', 'Em 1869 morreu.', 'Em mil oitocentos e sessenta e nove morreu.'],
    ['date', '3º dia de ago. de 1857', 'terceiro dia de agosto de mil oitocentos e cinquenta e sete'],
    [
      'date',
      'em 12/05/1890, 1/1/1900, 16/7/1916 e 3/4/85; 3/8',
      'em doze de maio de mil oitocentos e noventa, primeiro de janeiro de mil e novecentos, dezesseis de julho de mil novecentos e dezesseis e três de abril de oitenta e cinco; três oitavos',
    ],
    ['date', 'em 5 de dez. Depois, 3 barcos ao mar. Ele', 'em cinco de dezembro. Depois, três barcos ao mar. Ele'],
    ['currency', 'Custa R$ 10,50.', 'Custa dez reais e cinquenta centavos.'],
    ['fraction', 'Eram as 3 e 1/2.', 'Eram as três e meia.'],
    [
      'fraction',
      'Levou 1/2 hora e 2½ horas, 1 1/2 quilos, 2 1/2 léguas, 3/4 hora, ½ dúzia, 1/2 l e 2 1/2 h.',
      'Levou meia hora e duas horas e meia, um quilo e meio, duas léguas e meia, três quartos de hora, meia dúzia, meio litro e duas horas e meia.',
    ],
    [
      'old money',
      'custou 1$000 e 2$500, 0$500 e 1:500$000 ou 2:000$000 réis. Pagou 30 rs.',
      'custou mil réis e dois mil e quinhentos réis, quinhentos réis e um conto e quinhentos mil réis ou dois contos de réis. Pagou trinta réis.',
    ],
    ['number', 'eram 1500 ou 2550 pessoas', 'eram mil e quinhentos ou duas mil quinhentas e cinquenta pessoas'],
    [
      'number',
      '3200000, 3200500, 1250000, 1001000, 2000100, 1080, 1280 e 300200',
      'três milhões e duzentos mil, três milhões duzentos mil e quinhentos, um milhão duzentos e cinquenta mil, um milhão e mil, dois milhões e cem, mil e oitenta, mil duzentos e oitenta e trezentos mil e duzentos',
    ],
    [
      'fraction',
      '2 1/2 litros; 1/2, 1/4, 3/4, 5/8, 1/12 e ½.',
      'dois litros e meio; meio, um quarto, três quartos, cinco oitavos, um doze avos e meio.',
    ],
    ['italics', 'lia o _Jornal do Commercio_ e o _Diario_.', 'lia o Jornal do Commercio e o Diario.'],
    ['note mark', 'Não era* justo; o céu.* Depois', 'Não era justo; o céu. Depois'],
    ['symbol', 'a firma Souza & Irmão', 'a firma Souza e Irmão'],
    ['roman', 'como se viu no capitulo XIV, o moço', 'como se viu no capitulo catorze, o moço'],
  ]),
  ...cases('pt', 'pt-PT', [
    ['number', '16 vezes', 'dezasseis vezes'],
    ['date', 'em 16/7/1916', 'em dezasseis de julho de mil novecentos e dezasseis'],
    ['heading', 'CAPITULO XVI', 'Capítulo dezasseis', 'heading'],
    ['clock', 'às 21:30 e às 3:30; às 3:15', 'às vinte e uma e meia e às três e meia; às três e quinze'],
    ['number', '3200000 e 1200000 pessoas', 'três milhões e duzentos mil e um milhão e duzentas mil pessoas'],
    ['roman', 'No séc. XVII. D. Pedro', 'No século dezassete. Dom Pedro'],
    [
      'big number',
      '1000000000, 2500000000, 1000000000000 e 1200000000000 habitantes',
      'mil milhões, dois mil e quinhentos milhões, um bilião e um bilião e duzentos mil milhões de habitantes',
    ],
    ['big number', 'custou 2000000000 euros', 'custou dois mil milhões de euros'],
  ]),
  ...cases('pt', 'pt-AO', [['big number', '1500000000 kwanzas', 'mil e quinhentos milhões de kwanzas']]),
];

export const NORMALIZATION_CASES: readonly NormalizationCase[] = [
  ...ENGLISH,
  ...AMERICAN_ENGLISH,
  ...ENGLISH_WITHOUT_REGION,
  ...SPANISH,
  ...PORTUGUESE,
];
