import { readFileSync } from 'fs';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import {
  billableCharacters,
  buildSsml,
  planSsmlRequests,
  sanitizeSpokenText,
  SsmlAllowlistError,
  SSML_LIMITS,
  type SsmlSegment,
} from '../../core/ssml';
import type { VoiceDescriptor } from '../../core/casting';
import { decodeXmlEntities, exportPls, importPls, segmentsAffectedBy, type LexiconEntry } from '../../core/lexicon';
import { PRIDE_AND_PREJUDICE } from '../support/corpus';

const voices: VoiceDescriptor[] = [
  { name: 'en-US-AvaNeural', locale: 'en-US', gender: 'female', styles: ['cheerful'], engine: 'azure' },
  { name: 'en-US-AndrewNeural', locale: 'en-US', gender: 'male', styles: [], engine: 'azure' },
  { name: 'en-GB-SoniaNeural', locale: 'en-GB', gender: 'female', styles: [], engine: 'azure' },
  {
    name: 'en-US-Ava:DragonHDLatestNeural',
    locale: 'en-US',
    gender: 'female',
    styles: ['cheerful'],
    engine: 'azure',
    hd: true,
  },
];
const parser = new XMLParser({
  ignoreAttributes: false,
  processEntities: false,
  trimValues: false,
  preserveOrder: true,
  htmlEntities: false,
});

/** Concatenated text nodes of a preserveOrder parse. */
function textContent(nodes: unknown): string {
  if (!Array.isArray(nodes)) return '';
  return (
    nodes
      // Entities decoded in one pass by us: fast-xml-parser's own decoding turns `&amp;amp;` into `&`.
      .map((node: Record<string, unknown>) =>
        '#text' in node
          ? decodeXmlEntities(String(node['#text']))
          : textContent(Object.entries(node).find(([key]) => key !== ':@')?.[1]),
      )
      .join('')
  );
}

const seg = (text: string, extra: Partial<SsmlSegment> = {}): SsmlSegment => ({
  segmentId: 's1',
  text,
  voiceName: 'en-US-AvaNeural',
  ...extra,
});

describe('SSML builder', () => {
  it('any Unicode text yields well-formed SSML whose text equals the spoken form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (text, styled) => {
        const ssml = buildSsml([seg(text, styled ? { style: 'cheerful', ratePercent: -5, pauseAfterMs: 200 } : {})], {
          bookLocale: 'en-US',
          voices,
        });
        expect(ssml).toContain('<voice name="en-US-AvaNeural"');
        const parsed = parser.parse(ssml);
        expect(textContent(parsed)).toBe(sanitizeSpokenText(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps markup-looking manuscript text as text', () => {
    const text = 'He wrote <voice name="x">hi</voice> & then ]]> and "quotes" <!-- c --> &amp;';
    const ssml = buildSsml([seg(text)], { bookLocale: 'en-US', voices });
    expect(ssml).not.toContain('<voice name="x">');
    expect(textContent(parser.parse(ssml))).toBe(text);
  });

  it('rejects voices and styles outside the catalog', () => {
    expect(() => buildSsml([seg('x', { voiceName: 'evil" onload="x' })], { bookLocale: 'en-US', voices })).toThrow(
      SsmlAllowlistError,
    );
    expect(() => buildSsml([seg('x', { style: 'angry' })], { bookLocale: 'en-US', voices })).toThrow(
      SsmlAllowlistError,
    );
  });

  it('applies the lexicon, and strips what HD voices and the offline engine do not honour', () => {
    const lexicon: LexiconEntry[] = [
      {
        id: 'a',
        grapheme: 'Darcy',
        locale: 'en-US',
        kind: 'ipa',
        value: 'ˈdɑːsi',
        wholeWord: true,
        caseSensitive: true,
        notes: '',
      },
      {
        id: 'b',
        grapheme: 'Mr.',
        locale: 'en',
        kind: 'alias',
        value: 'Mister',
        wholeWord: false,
        caseSensitive: true,
        notes: '',
      },
    ];
    const segment = seg('Mr. Darcy smiled.', {
      style: 'cheerful',
      styleDegree: 0.7,
      ratePercent: 5,
      pauseAfterMs: 400,
    });
    const azure = buildSsml([segment], { bookLocale: 'en-US', voices, lexicon });
    expect(azure).toContain('<sub alias="Mister">Mr.</sub> <phoneme alphabet="ipa" ph="ˈdɑːsi">Darcy</phoneme>');
    expect(azure).toContain('<mstts:express-as style="cheerful" styledegree="0.7"><prosody rate="+5%">');
    expect(azure).toContain('<break time="400ms"/>');
    const hd = buildSsml([{ ...segment, voiceName: 'en-US-Ava:DragonHDLatestNeural' }], {
      bookLocale: 'en-US',
      voices,
      lexicon,
    });
    expect(hd).not.toMatch(/phoneme|prosody|break|express-as/);
    const offline = buildSsml([segment], { bookLocale: 'en-US', voices, lexicon, engine: 'offline' });
    expect(offline).not.toMatch(/phoneme|express-as|mstts|<sub/);
    expect(offline).toContain('Mister Darcy smiled.');
    expect(offline).toContain('<prosody rate="+5%">');
  });

  it('batches the whole corpus book within every Azure limit, never splitting a segment', () => {
    const book = readFileSync(PRIDE_AND_PREJUDICE, 'utf8');
    const segments: SsmlSegment[] = [];
    for (let start = 0, index = 0; start < book.length; start += 1000, index++) {
      segments.push({
        segmentId: `s${index}`,
        text: book.slice(start, start + 1000),
        voiceName: voices[index % 3].name,
        pauseAfterMs: 300,
      });
    }
    const requests = planSsmlRequests(segments, { bookLocale: 'en-US', voices });
    expect(requests.flatMap((request) => request.segmentIds)).toEqual(segments.map((segment) => segment.segmentId));
    for (const request of requests) {
      expect(Buffer.byteLength(request.ssml, 'utf8')).toBeLessThanOrEqual(SSML_LIMITS.maxBytes);
      expect((request.ssml.match(/<voice\b/g) ?? []).length).toBeLessThanOrEqual(SSML_LIMITS.maxVoiceElements);
      expect(request.estimatedSeconds).toBeLessThanOrEqual(600);
      const body = request.ssml.replace(/<\/?speak[^>]*>/g, '').replace(/<\/?voice[^>]*>/g, '');
      expect(request.billableCharacters).toBe(Array.from(body.trim()).length);
      expect(request.billableCharacters).toBeGreaterThan(0);
    }
    expect(requests.length).toBeGreaterThan(10);
  });
});

describe('billable characters', () => {
  it('counts the body between the speak and voice tags, however the tags are spelled, in code points', () => {
    const body = '<prosody rate="-5%">Ñandú 🦤 ran.</prosody>';
    expect(
      billableCharacters(`<?xml version="1.0"?><speak version="1.0"><voice name="a">${body}</voice></speak>`),
    ).toBe(Array.from(body).length);
    expect(billableCharacters(`<SPEAK version="1.0">< voice name="a">${body}</ VOICE></Speak>`)).toBe(
      Array.from(body).length,
    );
  });
});

describe('lexicon', () => {
  const entry: LexiconEntry = {
    id: 'e',
    grapheme: 'Ávila',
    locale: 'es',
    kind: 'alias',
    value: 'Avila',
    wholeWord: true,
    caseSensitive: false,
    notes: 'n',
  };
  it('finds exactly the segments that contain an entry on Unicode word boundaries', () => {
    const segments = [
      { id: '1', text: 'Fue a ávila.' },
      { id: '2', text: 'Ávilas no' },
      { id: '3', text: 'nada' },
      { id: '4', text: 'de Ávila' },
    ];
    expect(segmentsAffectedBy(entry, segments)).toEqual(['1', '4']);
    expect(segmentsAffectedBy({ ...entry, caseSensitive: true }, segments)).toEqual(['4']);
    expect(segmentsAffectedBy({ ...entry, wholeWord: false }, segments)).toEqual(['1', '2', '4']);
  });
  it('round-trips PLS and refuses entity declarations', () => {
    const entries: LexiconEntry[] = [
      { ...entry, locale: 'es-ES', grapheme: 'A&B <x> &amp;' },
      { ...entry, id: 'f', locale: 'es-ES', grapheme: 'Xavier', kind: 'ipa', value: 'ʃaˈβjeɾ' },
    ];
    const xml = exportPls(entries, 'es-ES');
    const back = importPls(xml);
    expect(back.map(({ grapheme, kind, value, locale }) => ({ grapheme, kind, value, locale }))).toEqual(
      entries.map(({ grapheme, kind, value }) => ({ grapheme, kind, value, locale: 'es-ES' })),
    );
    expect(() => importPls('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><lexicon>&e;</lexicon>')).toThrow();
  });
});
