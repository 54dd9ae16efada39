/**
 * A minimal, strict XML tokenizer for SSML (elements, attributes, text, the five entities and numeric references).
 * No DTDs, no external entities; mismatched or unclosed tags are errors. Used instead of a general XML library
 * because SSML needs no more and the input size is capped at 64 KB.
 */
export type XmlEvent =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const NAME = '[A-Za-z_][\\w.:-]*';
const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');

export function tokenizeXml(xml: string): XmlEvent[] {
  const events: XmlEvent[] = [];
  const open: string[] = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt > i) {
      const text = xml.slice(i, lt < 0 ? xml.length : lt);
      if (open.length === 0 && /\S/.test(text)) throw new Error('text outside the root element');
      if (open.length > 0) events.push({ kind: 'text', text: decodeEntities(text) });
      if (lt < 0) break;
      i = lt;
      continue;
    }
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) throw new Error('unterminated processing instruction');
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<!', i)) throw new Error('DOCTYPE and CDATA are not allowed in SSML');
    const match = TAG.exec(xml.slice(i, i + 8192));
    if (!match) throw new Error(`malformed tag at offset ${i}`);
    const [whole, slash, name, attributeText, selfClose] = match;
    if (slash) {
      if (attributeText || selfClose) throw new Error(`malformed closing tag </${name}>`);
      const expected = open.pop();
      if (expected !== name) throw new Error(`</${name}> does not close <${expected ?? 'nothing'}>`);
      events.push({ kind: 'close', name });
    } else {
      if (open.length === 0 && events.length > 0) throw new Error('more than one root element');
      const attributes: Record<string, string> = {};
      for (const attribute of attributeText.matchAll(ATTRIBUTE))
        attributes[attribute[1]] = decodeEntities(attribute[2] ?? attribute[3] ?? '');
      events.push({ kind: 'open', name, attributes, selfClosing: !!selfClose });
      if (selfClose) events.push({ kind: 'close', name });
      else open.push(name);
    }
    i += whole.length;
  }
  if (open.length > 0) throw new Error(`<${open[open.length - 1]}> is not closed`);
  return events;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]+);?/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0)
        throw new Error(`invalid character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    const named = NAMED[entity];
    if (named === undefined || !whole.endsWith(';')) throw new Error(`unknown or unterminated entity ${whole}`);
    return named;
  });
}
