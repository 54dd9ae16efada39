/**
 * An introduction's "she" after a clause that names someone as the object of a gerund or a preposition ("Then,
 * turning to Jane, she added,", "Voltando-se para Maria, ela disse:", "Mirando a María, ella dijo:") does not mean
 * that person, however recently named; a topic phrase ("As for Mary, she…") names the one it does mean.
 */
import { objectsBefore, topicBefore } from '../../core/characters/attribution/objectsBeforePronoun';
import { attributedDialogue, person } from './chapterFixture';

const speakerOf = (lines: { text: string; speakerId: string }[], quote: string) =>
  lines.find((line) => line.text.includes(quote))!.speakerId;

const mention = (sentence: string, name: string, id: string) => ({
  id,
  offset: sentence.indexOf(name),
  length: name.length,
  possessive: false,
});

describe('people named before an introduction’s pronoun', () => {
  it('reads the object of a gerund or a preposition as someone the pronoun does not mean', () => {
    const turning = 'Then, turning to Jane, she added';
    expect(objectsBefore(turning, turning.indexOf('she'), [mention(turning, 'Jane', 'jane')], 'en')).toEqual(['jane']);
    const perceiving = 'Then, perceiving in Jane no wish to answer, she added';
    expect(objectsBefore(perceiving, perceiving.indexOf('she'), [mention(perceiving, 'Jane', 'jane')], 'en')).toEqual([
      'jane',
    ]);
    const voltando = 'Voltando-se para Maria, ela disse';
    expect(objectsBefore(voltando, voltando.indexOf('ela'), [mention(voltando, 'Maria', 'maria')], 'pt')).toEqual([
      'maria',
    ]);
    const mirando = 'Mirando a María, ella dijo';
    expect(objectsBefore(mirando, mirando.indexOf('ella'), [mention(mirando, 'María', 'maria')], 'es')).toEqual([
      'maria',
    ]);
  });

  it('keeps a name that opens its clause, alone or after a conjunction, or that a topic phrase sets', () => {
    const when = 'When Jane came in, she said';
    expect(objectsBefore(when, when.indexOf('she'), [mention(when, 'Jane', 'jane')], 'en')).toEqual([]);
    const asFor = 'As for Mary, she was calm enough';
    expect(objectsBefore(asFor, asFor.indexOf('she'), [mention(asFor, 'Mary', 'mary')], 'en')).toEqual([]);
    expect(topicBefore(asFor, asFor.indexOf('she'), [mention(asFor, 'Mary', 'mary')])).toBe('mary');
    const quanto = 'Quanto a Rosa, ela ficou calada';
    expect(topicBefore(quanto, quanto.indexOf('ela'), [mention(quanto, 'Rosa', 'rosa')])).toBe('rosa');
    expect(topicBefore(when, when.indexOf('she'), [mention(when, 'Jane', 'jane')])).toBeNull();
  });

  it('gives the line to the one who spoke, not to the sister she looked at', () => {
    const cast = [person('jane', 'Jane', 'female'), person('mary', 'Mary', 'female'), person('tom', 'Tom', 'male')];
    const sameParagraph = [
      'Jane and Mary sat by the fire.',
      '"It is a sad affair," said Mary.',
      'Then, perceiving in Jane no wish to reply, she added, "But we must bear it as well as we can."',
    ].join('\n\n');
    expect(speakerOf(attributedDialogue(sameParagraph, cast, 'en'), 'must bear it')).toBe('mary');
    const afterABeat = [
      'Jane and Mary sat by the fire.',
      '"It is a sad affair," said Mary.',
      'Jane made no answer.',
      'Then, perceiving in Jane no wish to reply, she added,',
      '"But we must bear it as well as we can."',
    ].join('\n\n');
    expect(speakerOf(attributedDialogue(afterABeat, cast, 'en'), 'must bear it')).toBe('mary');
  });

  it('reads Portuguese and Spanish introductions so', () => {
    const portuguese = [person('rosa', 'Rosa', 'female'), person('maria', 'Maria', 'female')];
    const pt = [
      'Rosa e Maria estavam á janella.',
      '--É uma tristeza, disse Rosa.',
      'Voltando-se para Maria, ela disse:',
      '--Mas havemos de soffrer com paciencia.',
    ].join('\n\n');
    expect(speakerOf(attributedDialogue(pt, portuguese, 'pt'), 'havemos de soffrer')).toBe('rosa');
    const spanish = [person('rosa', 'Rosa', 'female'), person('maria', 'María', 'female')];
    const es = [
      'Rosa y María estaban junto a la ventana.',
      '—Es una desgracia —dijo Rosa.',
      'Mirando a María, ella dijo:',
      '—Pero hay que sufrirlo con paciencia.',
    ].join('\n\n');
    expect(speakerOf(attributedDialogue(es, spanish, 'es'), 'hay que sufrirlo')).toBe('rosa');
  });

  it('gives the line after "As for Mary, she…:" to Mary on the evidence of its introduction', () => {
    const cast = [person('jane', 'Jane', 'female'), person('mary', 'Mary', 'female'), person('tom', 'Tom', 'male')];
    const text = [
      '"Tom is gone," said Jane.',
      'As for Mary, she was calm enough to lean across the table:',
      '"He will come back."',
    ].join('\n\n');
    const reply = attributedDialogue(text, cast, 'en').find((line) => line.text.includes('come back'))!;
    expect(reply.speakerId).toBe('mary');
    // Turn-taking alone found her too, but too doubtfully to be heard without review.
    expect(reply.confidence).toBeGreaterThan(0.4);
  });
});
