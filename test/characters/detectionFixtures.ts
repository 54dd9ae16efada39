/**
 * Small books written for the conventions the development corpus lacks: Spanish titles and roles, a first-person
 * woman narrating (English and Portuguese), namesakes in a story collection, Saint names, accents dropped on
 * capitals, places that are mentioned but never speak.
 */
import { chapters } from './smallBooks';

/** Don/Doña with given names, Sr./Sra. with one surname (two people), roles by article. */
export const SPANISH_TITLES = chapters(
  'es-MX',
  [
    '—Buenos días —dijo don Julián al entrar en la cocina.',
    '',
    '—Buenos días, señor —respondió la criada, y ella siguió barriendo.',
    '',
    '—¿Ha visto usted a doña Rosa? —preguntó Julián.',
    '',
    '—Salió temprano con el Sr. Gómez —dijo la criada.',
    '',
    'El Sr. Gómez y la Sra. Gómez vivían enfrente. Julián los saludaba cada mañana.',
  ].join('\n'),
  [
    '—Dios le guarde —dijo el cura desde la puerta.',
    '',
    '—Pase, padre —contestó doña Rosa—. ¿Quiere usted un café?',
    '',
    '—Con mucho gusto —repuso el cura, y él se sentó junto al fuego.',
    '',
    '—Mi marido llegará pronto —dijo la Sra. Gómez, que entraba detrás.',
    '',
    '—Ya lo sé —respondió doña Rosa.',
  ].join('\n'),
  // Some editions print the dialogue dash as a plain hyphen.
  [
    '-Ya voy -dijo el ventero-. Espere usted un momento.',
    '',
    '-No tengo prisa -respondió don Julián.',
    '',
    '-Pues yo sí -dijo el ventero-, que la cena se enfría.',
  ].join('\n'),
);

/** A woman tells her own story: "I was a young woman", "my husband", "said I". */
export const ENGLISH_WOMAN_NARRATOR = chapters(
  'en-GB',
  [
    'I was a young woman when I first came to the house on the hill, and I remember the morning well.',
    'My husband had gone ahead with the luggage; I followed in the carriage with my sister Ann.',
    '',
    '"Shall we stay long?" asked Ann.',
    '',
    '"As long as he likes," said I, and I looked out at the rain. I was tired, and I did not want to talk.',
    '',
    'I thought of my mother, and of the letters I had not written. I had promised her so much.',
  ].join('\n'),
  [
    'The house was colder than I had feared. I walked through every room before I allowed myself to sit down.',
    '',
    '"You will catch your death," said Ann.',
    '',
    '"Then I shall catch it here," I said, and I laughed at my own temper.',
    '',
    'I wrote to my mother that night. I told her that I was happy, which was not yet true.',
  ].join('\n'),
);

/** The same in Portuguese, with agreement on the narrator's adjectives ("cansada", "sozinha"). */
export const PORTUGUESE_WOMAN_NARRATOR = chapters(
  'pt-BR',
  [
    'Eu estava cansada naquela tarde, e fiquei sozinha na varanda até a noite cair.',
    'Lembro-me de que meu pai chegou tarde; eu não quis jantar.',
    '',
    '-- Não vens comer? perguntou meu pai.',
    '',
    '-- Não tenho fome, respondi; e eu mesma não sabia por quê.',
    '',
    'Sou casada há vinte anos, e ainda me lembro daquela varanda.',
  ].join('\n'),
  [
    'No dia seguinte fui à cidade com a Marta. Eu estava contente, e ela também.',
    '',
    '-- Vamos pelo rio? disse a Marta.',
    '',
    '-- Vamos, disse eu.',
    '',
    'O Lucas esperava-nos na ponte. Ele acenou de longe, e eu acenei também.',
  ].join('\n'),
);

/** A collection: three stories, three Johns; the bare "John" of each story is that story's John. */
export const NAMESAKES = chapters(
  'en-GB',
  [
    'John Smith kept the mill by the river. Every morning John opened the sluice himself.',
    '',
    '"The water is high," said John, and he frowned at the sky.',
    '',
    '"Too high," said Mary. She had come down with his breakfast.',
  ].join('\n'),
  [
    'Nobody in the town liked the new schoolmaster, Mr. Reed. He spoke little and smiled less.',
    '',
    '"Sit down," said Mr. Reed, and the children sat.',
  ].join('\n'),
  [
    'John Brown had been a sailor before he was a grocer. John still walked as if the floor were moving.',
    '',
    '"Two pounds of sugar," said John, and he weighed it out with care.',
    '',
    '"You are generous, Mr. Brown," said the widow.',
    '',
    '"I am careful," said John.',
  ].join('\n'),
);

/** The main character is "Tom", "Tom Kernan" and "Mr. Kernan": one person, one voice. */
export const ONE_MAN_THREE_NAMES = chapters(
  'en-GB',
  [
    'Tom Kernan had been a commercial traveller of the old school. His wife kept the house on Glasnevin road.',
    '',
    '"You are late, Tom," said Mrs. Kernan.',
    '',
    '"I was kept," said Mr. Kernan. He took off his hat and hung it on the peg.',
  ].join('\n'),
  [
    'On Sunday Tom went to the retreat with his friends. Mr. Kernan sat at the end of the pew.',
    '',
    '"I bar the candles," said Tom, and he meant it.',
    '',
    '"Hush," said Mrs. Kernan. She did not look at him.',
  ].join('\n'),
);

/** Three lords whose names begin with "St.": three people, none called "Lord St". */
export const SAINT_NAMES = chapters(
  'en-GB',
  [
    'Lord St. Clair came in first, and Lord St. Vincent after him. Lady St. Clair stayed by the window.',
    '',
    '"We are late," said Lord St. Clair.',
    '',
    '"We are always late," said Lord St. Vincent.',
    '',
    '"Then let us be later still," said Lord St. Aubyn, who had followed them in.',
    '',
    '"Gentlemen," said Lady St. Clair, "the soup is cold."',
  ].join('\n'),
);

/**
 * Old Portuguese printing drops the accent on capitals: "Ja" for "Já" at the start of a line of dialogue is not a
 * name, nor are interjections; "Lisboa" is a place that is talked about, never to.
 */
export const ACCENTLESS_CAPITALS = chapters(
  'pt-BR',
  [
    '-- Ja chegaste? perguntou a Sabina.',
    '',
    '-- Ja, disse o Cotrim; e ele sentou-se.',
    '',
    '-- Oh! que calor, disse a Sabina. Ela abanava-se com o leque.',
    '',
    '-- Em Lisboa faz mais calor, respondeu o Cotrim. Ja estive em Lisboa duas vezes, e já sei.',
    '',
    'A Sabina riu-se. Ja era tarde. Lisboa ficava longe, e Lisboa nunca lhe pareceu real.',
    'Ah, Lisboa! pensava ela; e já não dizia nada.',
  ].join('\n'),
);

/** Speakers without names: the king, the priest, the old woman; "the other" and "the two" are nobody. */
export const UNNAMED_SPEAKERS = chapters(
  'en-GB',
  [
    '"Who goes there?" said the king.',
    '',
    '"A friend," replied the priest.',
    '',
    '"Let him in," said the king, and he rose from his chair.',
    '',
    '"Not yet," said the other.',
    '',
    '"Never," cried the two together.',
    '',
    'The priest bowed. "I bring news," the priest said.',
    '',
    '"Bad news, I suppose," said the old woman by the fire. She did not look up.',
    '',
    '"News is news," said the old woman.',
    '',
    'He repeated the question, and she answered the question with a frown. The priest began the subject',
    'again; then he resumed the subject after supper.',
  ].join('\n'),
);

/**
 * A novel whose heroine's full name is written once, in the middle: her bare given name in chapters far from it is
 * still her, because those chapters share her people (her mother, her suitor).
 */
export const NOVEL_WITH_GAPS = chapters(
  'en-GB',
  [
    '"Rain again," said Mrs. Hart at breakfast.',
    '',
    '"It will clear by noon," said Jane, and she smiled at Mr. Lowe.',
    '',
    '"I hope so," said Mr. Lowe.',
  ].join('\n'),
  [
    'Everyone at the assembly agreed that Miss Jane Hart danced best. Jane knew it; Mrs. Hart was proud, and Mr. Lowe was silent.',
  ].join('\n'),
  ['The regiment marched through the town. "Left!" cried the sergeant, and the drums went on.'].join('\n'),
  ['The regiment left at dawn. "Wheel!" cried the sergeant.'].join('\n'),
  [
    '"You are late," said Mrs. Hart.',
    '',
    '"The road was bad," said Jane. She took off her bonnet.',
    '',
    '"Then I shall drive you home," said Mr. Lowe.',
  ].join('\n'),
);

/** Roles written as titles of several capitalised words (a fable's animals), one of them starting with a month. */
export const TITLED_ROLES = chapters(
  'en-GB',
  [
    '"Who goes there?" said the Blue Beetle.',
    '',
    '"Only a friend," said the March Hare. "And a hungry one."',
    '',
    '"Friends knock first," said the Blue Beetle, and he shut the door.',
    '',
    '"Then I knock," said the March Hare.',
  ].join('\n'),
);

/** Lower-case titles before given names: señá, maese, prima, mano. */
export const MORE_ROMANCE_TITLES = {
  es: chapters(
    'es-ES',
    [
      '—¿Está el molinero? —preguntó maese Nicolás desde la puerta.',
      '',
      '—No está —respondió la señá Frasquita—. Ha ido al pueblo.',
      '',
      'Maese Nicolás se quitó el sombrero, y la señá Frasquita le ofreció una silla.',
      '',
      '—¿Y el molinero? —preguntó el tío',
      'Lucas, que entraba con la burra.',
      '',
      '—Aquí estoy —respondió el tío Lucas.',
      '',
      '—Pues siéntese usted —dijo la señá',
      'Frasquita.',
    ].join('\n'),
  ),
  pt: chapters(
    'pt-BR',
    [
      '--Não sei, disse prima Justina; mano Cosme é que sabe.',
      '',
      '--Eu? respondeu mano Cosme. Eu não sei de nada.',
      '',
      'Prima Justina sorriu, e mano Cosme voltou ao gamão.',
    ].join('\n'),
  ),
};

/**
 * A first-person narrator who never says his name: his friend addresses him by it ("my dear Hale"), the narration
 * calls him "I" and tells mostly about the friend ("he"); a visitor gives her own name in a quotation.
 */
export const ADDRESSED_NARRATOR = chapters(
  'en-GB',
  [
    'My friend Graves was standing by the window when I came down. He had been up all night, I could see, and he',
    'had not touched his breakfast. He turned as I entered.',
    '',
    '"You are late, Hale," said he. "Sit down and tell me what you make of this letter."',
    '',
    '"It is a woman\'s hand," said I.',
    '',
    '"Excellent, Hale! And what else?"',
    '',
    'I turned the paper over. He watched me with the half-smile he kept for my mistakes, and he said nothing.',
  ].join('\n'),
  [
    'Our visitor was a tall woman in grey. She sat where Graves pointed, and he took his old chair by the fire.',
    '',
    '"My name is Ann Ross," said she. "I have come because I am afraid."',
    '',
    '"Then you have come to the right place," said Graves. "Hale, the lamp, if you please."',
    '',
    'I lit the lamp. He leaned forward, and I saw in his face that he was already far ahead of us both.',
    '',
    '"Go on, Miss Ross," said he. "And you, Hale, take notes."',
  ].join('\n'),
);

/** Third person, dialogue in straight single quotes full of "I": not a first-person book. */
export const SINGLE_QUOTED_THIRD_PERSON = chapters(
  'en-GB',
  [
    "'I am sure I shall be late,' said Kate to herself. 'I always am, and I never mind it.'",
    '',
    "She ran down the lane, and she did not stop until she reached the gate. 'I knew it,' she thought.",
    '',
    "'I'm here!' she cried. 'I'm here, and I've brought the eggs!'",
    '',
    "Her aunt looked at her over her glasses. 'You have,' said she, 'and I see you have broken two.'",
  ].join('\n'),
);

/** A surname that is also a common word of the language ("dias", days): the full name is still a name. */
export const COMMON_WORD_SURNAME = chapters(
  'pt-BR',
  [
    'Passaram dois dias. José Dias veio jantar, como fazia todos os dias, e sentou-se ao pé da janela.',
    '',
    '--Que calor! disse José Dias.',
    '',
    '--Dias assim são raros, respondeu a viúva; e abanou-se.',
    '',
    'Nos dias seguintes José Dias não voltou; ele estava doente.',
  ].join('\n'),
);

/**
 * First-person books whose narrator calls the person he follows "my friend" / "mi compañero" / "meu amigo" as
 * often as by name, and has an uncle the book never names (kinship roles stay roles).
 */
export const NARRATOR_COMPANIONS = {
  en: chapters(
    'en-GB',
    [
      'I had not seen Mr. Hale for a month when I called at his rooms. Hale was at the window, and he did not turn.',
      '',
      '"You have been walking in the rain," said my friend.',
      '',
      '"How can you tell?" said I.',
      '',
      'Hale smiled and lit his pipe. My friend was never so pleased as when he had puzzled me.',
      '',
      '"Your boots," said Hale. "And your temper." My uncle had warned me of his ways, and I laughed.',
      '',
      '"Sit down," said my uncle when I told him of it that evening. I went back the next day.',
    ].join('\n'),
    [
      'Hale met me at the station, and we took the first cab that would have us.',
      '',
      '"We are late," remarked my friend, and Hale looked at his watch.',
      '',
      '"Not by much," said I.',
      '',
      '"By enough," said my friend. I followed Hale up the stairs, and I said nothing.',
      '',
      'The house stood at the end of a long lane, and the lamps were not yet lit. The stairs were steep and narrow,',
      'and the landing smelt of tobacco and of old paper. Somewhere above us a clock struck the half-hour.',
      '',
      'Mr. Grey opened the door to us. He was a tall man, and he had been waiting for an hour at least.',
      '',
      '"You are late," said Grey.',
      '',
      '"Well," said my uncle, when I came home, "was he right?"',
    ].join('\n'),
  ),
  es: chapters(
    'es-ES',
    [
      'Yo no había visto a Rosales en un mes cuando fui a su casa. Rosales estaba en la ventana y no se volvió.',
      '',
      '—Vienes de la lluvia —dijo mi compañero.',
      '',
      '—¿Cómo lo sabes? —dije yo.',
      '',
      'Rosales sonrió y encendió la pipa. Mi compañero nunca estaba tan contento como cuando me dejaba perplejo.',
      '',
      '—Las botas —dijo Rosales—. Y el genio.',
    ].join('\n'),
    [
      'Rosales me esperaba en la estación. Yo llegué tarde y él no dijo nada.',
      '',
      '—Llegamos tarde —observó mi compañero, y Rosales miró el reloj.',
      '',
      '—No mucho —respondí yo.',
      '',
      '—Bastante —dijo mi compañero. Seguí a Rosales hasta el coche y no dije nada.',
    ].join('\n'),
  ),
  pt: chapters(
    'pt-BR',
    [
      'Eu não via o Vasco havia um mês quando fui à casa dele. O Vasco estava à janela e não se voltou.',
      '',
      '-- Vens da chuva, disse meu amigo.',
      '',
      '-- Como sabes? disse eu.',
      '',
      'O Vasco sorriu e acendeu o cachimbo. Meu amigo nunca ficava tão contente como quando me deixava perplexo.',
      '',
      '-- As botas, disse o Vasco. E o génio.',
    ].join('\n'),
    [
      'O Vasco esperava-me na estação. Eu cheguei tarde e ele não disse nada.',
      '',
      '-- Estamos atrasados, observou meu amigo, e o Vasco olhou o relógio.',
      '',
      '-- Não muito, respondi eu.',
      '',
      '-- Bastante, disse meu amigo. Segui o Vasco até o carro e não disse nada.',
    ].join('\n'),
  ),
};
