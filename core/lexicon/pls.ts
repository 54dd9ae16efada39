/** W3C Pronunciation Lexicon Specification 1.0 import/export. Parsing never resolves entities (no XXE). */
import { XMLParser } from 'fast-xml-parser';
import { create } from 'xmlbuilder2';
import type { LexiconEntry } from './lexicon';

export const PLS_NAMESPACE = 'http://www.w3.org/2005/01/pronunciation-lexicon';
export const MAX_PLS_BYTES = 100 * 1024;
export const MAX_PLS_ENTRIES = 10_000;

export class PlsFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlsFormatError';
  }
}

/** One PLS document per locale (PLS has a single xml:lang); entries of other locales are left out. */
export function exportPls(entries: LexiconEntry[], locale: string): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(PLS_NAMESPACE, 'lexicon', {
    version: '1.0',
    alphabet: 'ipa',
    'xml:lang': locale,
  });
  for (const entry of entries) {
    if (entry.locale.toLowerCase() !== locale.toLowerCase()) continue;
    const lexeme = root.ele('lexeme');
    // xmlbuilder2 keeps entity-like text as is; escaping ampersands first keeps "&amp;" literal.
    lexeme.ele('grapheme').txt(entry.grapheme.replace(/&/g, '&amp;'));
    lexeme.ele(entry.kind === 'ipa' ? 'phoneme' : 'alias').txt(entry.value.replace(/&/g, '&amp;'));
  }
  return root.end({ prettyPrint: true });
}

type Node = Record<string, unknown>;

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function textOf(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return String((value as Node)['#text']);
  return '';
}

export function importPls(
  xml: string,
  options: { idPrefix?: string; wholeWord?: boolean; caseSensitive?: boolean } = {},
): LexiconEntry[] {
  if (Buffer.byteLength(xml, 'utf8') > MAX_PLS_BYTES) throw new PlsFormatError('PLS file exceeds 100 KB');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new PlsFormatError('PLS must not declare a DOCTYPE or entities');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: false,
    removeNSPrefix: true,
    parseTagValue: false,
  });
  let document: Node;
  try {
    document = parser.parse(xml, true) as Node;
  } catch (error) {
    throw new PlsFormatError(`PLS is not well-formed XML: ${(error as Error).message}`);
  }
  const lexicon = document.lexicon as Node | undefined;
  if (!lexicon || typeof lexicon !== 'object') throw new PlsFormatError('PLS root element must be <lexicon>');
  const locale = String(lexicon['@lang'] ?? lexicon['@xml:lang'] ?? '');
  const lexemes = asArray(lexicon.lexeme as Node | Node[] | undefined);
  if (lexemes.length > MAX_PLS_ENTRIES) throw new PlsFormatError('PLS has too many lexemes');
  const entries: LexiconEntry[] = [];
  lexemes.forEach((lexeme, index) => {
    const phoneme = asArray(lexeme.phoneme).map(textOf)[0];
    const alias = asArray(lexeme.alias).map(textOf)[0];
    const value = phoneme ?? alias;
    if (value === undefined) return;
    for (const grapheme of asArray(lexeme.grapheme).map(textOf)) {
      entries.push({
        id: `${options.idPrefix ?? 'pls'}-${index}-${entries.length}`,
        grapheme: decodeXmlEntities(grapheme),
        locale,
        kind: phoneme !== undefined ? 'ipa' : 'alias',
        value: decodeXmlEntities(value),
        wholeWord: options.wholeWord ?? true,
        caseSensitive: options.caseSensitive ?? false,
        notes: '',
      });
    }
  });
  return entries;
}

/** Only the five predefined XML entities and character references: nothing user-declared is ever expanded. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'amp') return '&';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}
