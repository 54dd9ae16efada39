import { XMLParser } from 'fast-xml-parser';
import { UnreadableManuscriptError } from '../../core/manuscript/errors';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['rootfile', 'item', 'itemref', 'navPoint', 'reference'].includes(name),
});

/**
 * Parses package XML (container, OPF, NCX). Entity declarations are refused outright and the DOCTYPE is dropped:
 * nothing is ever resolved, so external entities (XXE) and entity expansion bombs cannot happen.
 */
// Parsed XML is an untyped tree; callers narrow the fields they read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parsePackageXml(xml: string, what: string): any {
  if (/<!ENTITY/i.test(xml))
    throw new UnreadableManuscriptError(`${what} declares XML entities, which are not allowed`);
  const withoutDoctype = xml.replace(/<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>/gi, '');
  try {
    return parser.parse(withoutDoctype);
  } catch (error) {
    throw new UnreadableManuscriptError(`${what} is not well-formed XML (${(error as Error).message})`);
  }
}

/** Text of a parsed node that may be a plain string or an object with `#text`. */
export function nodeText(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return String((node as Record<string, unknown>)['#text']);
  return '';
}
