/**
 * Speech verbs of venturing, agreeing and stressing ("aventurou Pedro", "assentiram todos", "accentuou o padre",
 * "asintió Rosa", "acentuó el cura") tag a line like "disse" and "dijo": in a dash line with no closing dash the tag
 * is cut out of the speech and names its speaker.
 */
import { readSpeechTag } from '../../core/characters/attribution/speechTags';
import { attributedDialogue, person } from './chapterFixture';

describe('verbs of venturing, agreeing and stressing as speech tags', () => {
  it('are read as tags in Portuguese, old spellings included, and in Spanish', () => {
    expect(readSpeechTag(' aventurou Pedro.', 'pt')?.subject).toBe('Pedro');
    expect(readSpeechTag(' accentuou o padre.', 'pt')?.subject).toBe('o padre');
    expect(readSpeechTag(' assentiram todos.', 'pt')?.subject).toBe('todos');
    expect(readSpeechTag(' asintió Rosa.', 'es')?.subject).toBe('Rosa');
    expect(readSpeechTag(' acentuó el cura.', 'es')?.subject).toBe('el cura');
  });

  it('give a Portuguese dash line with the tag inside it to the person the tag names', () => {
    const cast = [person('pedro', 'Pedro', 'male'), person('rosa', 'Rosa', 'female'), person('joao', 'João', 'male')];
    const text = [
      'Rosa chegou á porta da sacristia, onde Pedro e João esperavam as tochas.',
      '--Ha só uma, disse João.',
      '--Mas eu pedi primeiro, aventurou Pedro.',
      '--Pediu primeiro, mas chegou tarde, accentuou João.',
    ].join('\n\n');
    const lines = attributedDialogue(text, cast, 'pt');
    const speakerOf = (quote: string) => lines.find((line) => line.text.includes(quote))!;
    expect(speakerOf('Mas eu pedi primeiro')).toMatchObject({ speakerId: 'pedro', text: '--Mas eu pedi primeiro,' });
    expect(speakerOf('Pediu primeiro')).toMatchObject({ speakerId: 'joao' });
    expect(speakerOf('Pediu primeiro').confidence).toBeGreaterThanOrEqual(0.7);
  });
});
