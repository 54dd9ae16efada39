import fc from 'fast-check';
import { isSafeEntryName } from '../../adapters/packaging';
import {
  chooseSampleWindow,
  creditsScript,
  deliverableFileName,
  descriptionWithDisclosure,
  maxFileSeconds,
  narratorCredit,
  numberedFileName,
  pickSampleChapter,
  planMp3Files,
  sanitizeTitle,
  wantsRetailSample,
} from '../../core/packaging';
import { BOOK } from './helpers';

describe('file names', () => {
  it('never lets a title become a path, a control sequence or an empty name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
        const name = sanitizeTitle(title);
        expect(name.length).toBeGreaterThan(0);
        expect([...name].length).toBeLessThanOrEqual(80);
        // eslint-disable-next-line no-control-regex -- asserting control characters are gone
        expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u007f\u202a-\u202e]/);
        expect(name).not.toContain('..');
        expect(name).not.toMatch(/^[.\s]|[.\s]$/);
        expect(isSafeEntryName(numberedFileName(1, 10, title, 'mp3'))).toBe(true);
      }),
    );
  });

  it('keeps readable titles readable', () => {
    expect(sanitizeTitle('Capítulo 3: "La carta"')).toBe('Capítulo 3 La carta');
    expect(sanitizeTitle('../../etc/passwd')).toBe('etc passwd');
    expect(sanitizeTitle('a\u202eb\u200bc\nd')).toBe('abc d');
    expect(sanitizeTitle('   ')).toBe('Untitled');
    expect(numberedFileName(7, 12, 'Chapter Seven', 'mp3')).toBe('07 - Chapter Seven.mp3');
    expect(numberedFileName(7, 120, 'Chapter Seven', 'mp3')).toBe('007 - Chapter Seven.mp3');
    expect(() => numberedFileName(1, 1, 'x', 'mp3/../../sh')).toThrow();
    expect(deliverableFileName('Pride/Prejudice', 'acx')).toBe('Pride Prejudice - ACX.zip');
    expect(deliverableFileName('Pride and Prejudice', 'spotify')).toBe('Pride and Prejudice - Spotify.zip');
    expect(deliverableFileName('Pride and Prejudice', 'apple')).toBe('Pride and Prejudice.m4b');
  });
});

describe('credits and disclosure', () => {
  it('credits a digital voice and appends the disclosure once', () => {
    expect(narratorCredit({ ...BOOK, narrators: [] })).toBe('A digital voice');
    expect(narratorCredit(BOOK)).toBe('Camila (digital voice)');
    expect(narratorCredit({ ...BOOK, aiNarrated: false, narrators: ['Jane Reader'] })).toBe('Jane Reader');
    expect(descriptionWithDisclosure(BOOK)).toBe(
      'A lighthouse keeper finds a letter.\n\nThis audiobook is narrated by a digital voice.',
    );
    const already = { ...BOOK, description: 'Narrated by a digital voice. A story.' };
    expect(descriptionWithDisclosure(already)).toBe(already.description);
    expect(descriptionWithDisclosure({ ...BOOK, digitalVoiceDisclosure: 'Produced with speech synthesis.' })).toMatch(
      /synthesis\. This audiobook is narrated by a digital voice\.$/,
    );
    expect(descriptionWithDisclosure({ ...BOOK, aiNarrated: false })).toBe(BOOK.description);
    expect(creditsScript(BOOK)).toEqual({
      opening: 'The Quiet Harbor. A Novel. Written by Ana Quispe. Narrated by Camila (digital voice).',
      closing: 'This has been The Quiet Harbor, written by Ana Quispe. The End.',
    });
  });
});

describe('layout', () => {
  const chapters = [
    { title: 'One', masterFile: '/m/1.wav', durationSec: 100 },
    { title: 'Two', masterFile: '/m/2.wav', durationSec: 9000 },
    { title: 'Three', masterFile: '/m/3.wav', durationSec: 50 },
  ];

  it('numbers credits 00, every file after in order, parts included, and keeps the sample outside', () => {
    const planned = planMp3Files(
      { book: BOOK, chapters, credits: { openingFile: '/m/open.wav', closingFile: '/m/close.wav' } },
      [
        undefined,
        [
          { startSec: 0, endSec: 4500 },
          { startSec: 4500, endSec: 9000 },
        ],
        undefined,
      ],
      { chapterIndex: 0, window: { startSec: 0, endSec: 100 } },
    );
    expect(planned.map((p) => p.name)).toEqual([
      '00 - Opening Credits.mp3',
      '01 - One.mp3',
      '02 - Two (Part 1 of 2).mp3',
      '03 - Two (Part 2 of 2).mp3',
      '04 - Three.mp3',
      '05 - Closing Credits.mp3',
      'Retail Sample.mp3',
    ]);
    expect(planned.map((p) => p.tags.track)).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6', undefined]);
    expect(planned[2]).toMatchObject({ role: 'chapter', chapterIndex: 1, part: 1, window: { endSec: 4500 } });
  });

  it('limits files per platform, with margin for the room tone of cut parts', () => {
    expect(maxFileSeconds('acx')).toBe(120 * 60 - 10);
    expect(maxFileSeconds('acx', 30)).toBe(30 * 60 - 10);
    expect(maxFileSeconds('kobo')).toBeLessThan((200 * 1024 * 1024) / 24_000);
    expect(maxFileSeconds('apple')).toBeUndefined();
    expect(maxFileSeconds('google')).toBeUndefined();
    expect(wantsRetailSample({ platform: 'acx' })).toBe(true);
    expect(wantsRetailSample({ platform: 'acx', retailSample: 'none' })).toBe(false);
    expect(wantsRetailSample({ platform: 'google' })).toBe(false);
  });

  it('takes the sample from the first narrative chapter, ending in a pause', () => {
    expect(
      pickSampleChapter([
        { chapterType: 'front_matter', durationSec: 600 },
        { chapterType: 'chapter', durationSec: 30 },
        { chapterType: 'chapter', durationSec: 900 },
      ]),
    ).toBe(2);
    expect(pickSampleChapter([{ chapterType: 'credits', durationSec: 20 }, { durationSec: 40 }])).toBe(1);
    expect(chooseSampleWindow(200, [50, 120])).toEqual({ startSec: 0, endSec: 200 });
    expect(chooseSampleWindow(900, [50, 120, 230, 250])).toEqual({ startSec: 0, endSec: 230 });
    expect(chooseSampleWindow(900, [10, 400])).toEqual({ startSec: 0, endSec: 240 });
  });
});
