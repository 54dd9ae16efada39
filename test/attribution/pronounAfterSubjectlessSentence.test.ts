/**
 * A narrated sentence that opens with no one ("At the corner they passed a draper's window, and Harold took out the
 * watch, which Mr. Pell had given him.") is about the first person of each gender it names: "he said" right after it
 * is that person, not the man a later clause names.
 */
import { attributedDialogue, person } from './chapterFixture';

describe('"he said" after a sentence that opens with no one', () => {
  const cast = [
    person('harold', 'Harold', 'male', ['Harold Hartley']),
    person('pell', 'Mr. Pell', 'male', ['Pell']),
    person('lavinia', 'Aunt Lavinia', 'female', ['Lavinia']),
  ];

  it('is the man the sentence is about, not the one its last clause names', () => {
    const text = [
      'The rain had stopped by the time the family came out into the square, and Aunt Lavinia shook her umbrella at the sky.',
      '‘Is it far to the station?’ asked Aunt Lavinia.',
      '‘Ten minutes.’',
      'At the corner of the square they passed a draper’s window, and Harold stopped and took out the watch, which Mr. Pell had given him that morning in a little leather bag.',
      '‘Half past one,’ he said. ‘We shall miss the train.’',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'en').at(-1)?.speakerId).toBe('harold');
  });

  it('is still the man a later sentence opens with', () => {
    const text = [
      'At the corner of the square they passed a draper’s window, and Harold stopped and took out his watch.',
      'Mr. Pell came out of the shop with a parcel under his arm.',
      '‘Half past one,’ he said. ‘You will miss the train.’',
    ].join('\n\n');
    expect(attributedDialogue(text, cast, 'en').at(-1)?.speakerId).toBe('pell');
  });
});
