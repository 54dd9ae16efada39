/**
 * Someone the narration says has left ("She dropped her veil over her face and glided from the room.") does not say
 * the lines after it: the detective's talk with the narrator that follows is theirs, though the visitor was the last
 * to speak to the detective. Named again, the visitor is back.
 */
import { saysLeaving } from '../../core/characters/attribution/departures';
import { NARRATOR_ID } from '../../core/characters/character';
import { attributedDialogue, person } from './chapterFixture';

const cast = [
  person(NARRATOR_ID, 'Dr. Lane', 'male', ['Lane']),
  person('vance', 'Mr. Vance', 'male', ['Vance']),
  person('grey', 'Miss Grey', 'female', ['Miss Edith Grey']),
];

describe('someone who has left', () => {
  it('is read from sentences saying their subject leaves the room or the company', () => {
    expect(saysLeaving('She dropped her veil over her face and glided from the room.')).toBe(true);
    expect(saysLeaving('He shook hands with us and took his leave.')).toBe(true);
    expect(saysLeaving('With a few grateful words she bade us both good-night and bustled off.')).toBe(true);
    expect(saysLeaving('She glanced round the room.')).toBe(false);
    expect(saysLeaving('He left the letter on the table.')).toBe(false);
  });

  it('says none of the lines after it', () => {
    const text = [
      'Miss Grey rose and drew on her gloves.',
      '"Then we shall both come down this afternoon," said Vance. "What are you going to do yourself?"',
      '"I have one or two things to do in town. But I shall be at home by three." She dropped her veil over her ' +
        'face and glided from the room.',
      '"And what do you make of it all, Lane?" asked Vance, leaning back in his chair.',
      '"It seems to me a most dark and sinister business."',
      '"Dark enough, certainly."',
      '"Yet if the lady is right about the doors and the windows, the sister must have been alone."',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    const speakerOf = (quote: string) => lines.find((line) => line.text.includes(quote))!.speakerId;
    expect(speakerOf('I have one or two things')).toBe('grey');
    expect(speakerOf('most dark and sinister')).toBe(NARRATOR_ID);
    expect(speakerOf('Dark enough')).toBe('vance');
    expect(speakerOf('Yet if the lady')).toBe(NARRATOR_ID);
  });

  it('is back once the narration names them again', () => {
    const text = [
      '"I shall be at home by three," said Miss Grey. She bade us good-bye and glided from the room.',
      '"A curious business," said Vance.',
      'At that moment the door opened again, and Miss Grey came back into the room.',
      '"I have forgotten my umbrella," she said.',
      '"Here it is," said Vance.',
      '"Thank you so much."',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'en');
    expect(lines.find((line) => line.text.includes('Thank you so much'))!.speakerId).toBe('grey');
  });
});

describe('someone who has left, in Portuguese and Spanish', () => {
  it('is read from a tag going on with a departure and from sentences that leave the subject out', () => {
    expect(saysLeaving('— respondeu Rui, e saiu pela porta da frente.')).toBe(true);
    expect(saysLeaving('Sonó el timbre de la tienda, y salió al pasillo a abrir.')).toBe(true);
    expect(saysLeaving('Ana tocou a campainha, montou na mota e foi-se embora.')).toBe(true);
    expect(saysLeaving('—gritó el niño, y salió corriendo.')).toBe(true);
    expect(saysLeaving('O copo caiu e a água saiu rolando pelo chão.')).toBe(false);
    expect(saysLeaving('A Luis le salió bien la tarta.')).toBe(false);
    expect(saysLeaving('Se fue poniendo pálida.')).toBe(false);
    expect(saysLeaving('Cuando se fueron, don Eusebio volvió a quedarse solo.')).toBe(false);
  });

  it('says none of the lines after a tag that sends the speaker out', () => {
    const family = [
      person('ana', 'Dona Ana', 'female', ['Ana']),
      person('rui', 'Rui', 'male'),
      person('luisa', 'Luísa', 'female'),
    ];
    const text = [
      'Dona Ana, Rui e Luísa acabavam de jantar na cozinha.',
      '— Eu não volto a pedir nada a ninguém — disse Luísa, e saiu pela porta dos fundos.',
      'Lá fora o portão bateu duas vezes.',
      '— Ela tem razão, sabe?',
      '— Tem razão em quê?',
      '— Em tudo.',
    ].join('\n\n');
    const lines = attributedDialogue(text, family, 'pt');
    const speakerOf = (quote: string) => lines.find((line) => line.text.includes(quote))!.speakerId;
    expect(speakerOf('Ela tem razão')).not.toBe('luisa');
    expect(speakerOf('Tem razão em quê')).not.toBe('luisa');
    expect(speakerOf('Em tudo')).not.toBe('luisa');
  });

  it('says none of the lines after a sentence that sends its last subject out without naming them', () => {
    const people = [
      person('marta', 'Marta', 'female'),
      person('julian', 'Julián', 'male'),
      person('cuesta', 'El sargento', 'male', ['sargento', 'Cuesta']),
    ];
    const text = [
      'Marta miraba a su hermano desde la puerta de la cocina.',
      '—No tengo nada más que decir —dijo Julián.',
      '—Pues yo sí —dijo el sargento—. ¿Dónde estaba usted anoche?',
      '—En casa.',
      'El sargento apuntó algo en la libreta. Sonó entonces su teléfono, y salió al rellano para contestar.',
      '—¿Lo has hecho tú?',
      '—¿Cómo me preguntas eso?',
      '—Porque te conozco.',
    ].join('\n\n');
    const lines = attributedDialogue(text, people, 'es');
    const speakerOf = (quote: string) => lines.find((line) => line.text.includes(quote))!.speakerId;
    expect(speakerOf('Lo has hecho')).not.toBe('cuesta');
    expect(speakerOf('Cómo me preguntas')).not.toBe('cuesta');
    expect(speakerOf('Porque te conozco')).not.toBe('cuesta');
  });
});
