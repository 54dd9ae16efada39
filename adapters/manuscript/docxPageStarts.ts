/**
 * Paragraphs a DOCX starts on a new page by their properties rather than by a manual break: the paragraph's own
 * "page break before" (`<w:pageBreakBefore/>`) or its style's, inherited through `w:basedOn` (a chapter-title style
 * set to start a page). The DOCX converter reads neither, so each such paragraph is given the page break Word would
 * show, written as a manual break (a run holding `<w:br w:type="page"/>`) that the converter already keeps.
 */

const PAGE_BREAK_RUN = '<w:r><w:br w:type="page"/></w:r>';

/** `w:val` of an on/off property: absent means on; `0`, `false`, `off` mean off. */
function onOff(element: string): boolean {
  const value = /\bw:val\s*=\s*["']([^"']*)["']/u.exec(element)?.[1];
  return value === undefined || !['0', 'false', 'off'].includes(value.toLowerCase());
}

/** The page-break-before setting a properties element states, or undefined when it states none. */
function statedPageBreak(properties: string): boolean | undefined {
  const element = /<w:pageBreakBefore\b[^>]*>/u.exec(properties)?.[0];
  return element === undefined ? undefined : onOff(element);
}

/** Where the last `<name` tag of `xml` opens (not a longer name: `<w:styles>` is no `<w:style>`), or -1. */
function lastOpening(xml: string, name: string): number {
  let at = xml.lastIndexOf(`<${name}`);
  while (at >= 0 && !/[\s>/]/u.test(xml.charAt(at + name.length + 1)))
    at = at === 0 ? -1 : xml.lastIndexOf(`<${name}`, at - 1);
  return at;
}

/** Properties as they are, without those a tracked change records as before (`w:pPrChange` closes them). */
function ownProperties(properties: string): string {
  const change = properties.indexOf('<w:pPrChange');
  return change < 0 ? properties : properties.slice(0, change);
}

interface ParagraphStyle {
  basedOn?: string;
  pageBreakBefore?: boolean;
}

/** The paragraph styles that start a page, with the default paragraph style's id. */
export function pageStartingStyles(stylesXml: string): { styles: Set<string>; defaultStyle?: string } {
  const styles = new Map<string, ParagraphStyle>();
  let defaultStyle: string | undefined;
  // Cut at each closing tag, then take the last opening before it: one pass, however the file is malformed.
  for (const piece of stylesXml.split('</w:style>')) {
    const start = lastOpening(piece, 'w:style');
    const opening = start < 0 ? null : /^<w:style\b([^>]*)>/u.exec(piece.slice(start));
    if (!opening) continue;
    const attributes = opening[1];
    const body = piece.slice(start + opening[0].length);
    if (!/\bw:type\s*=\s*["']paragraph["']/u.test(attributes)) continue;
    const id = /\bw:styleId\s*=\s*["']([^"']*)["']/u.exec(attributes)?.[1];
    if (id === undefined) continue;
    if (/\bw:default\s*=\s*["'](?:1|true|on)["']/u.test(attributes)) defaultStyle = id;
    const properties = ownProperties(body.slice(0, Math.max(0, body.indexOf('</w:pPr>'))));
    styles.set(id, {
      basedOn: /<w:basedOn\b[^>]*\bw:val\s*=\s*["']([^"']*)["']/u.exec(body)?.[1],
      pageBreakBefore: statedPageBreak(properties),
    });
  }
  const starting = new Set<string>();
  for (const id of styles.keys()) {
    // A style's own setting wins over the one it is based on; the chain is followed once (a cycle ends it).
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = styles.get(at)?.basedOn) {
      seen.add(at);
      const stated = styles.get(at)?.pageBreakBefore;
      if (stated === undefined) continue;
      if (stated) starting.add(id);
      break;
    }
  }
  return { styles: starting, defaultStyle };
}

/** Where the paragraph properties opening at `from` end (after `</w:pPr>`), nested `w:pPr` (a revision's) included. */
function propertiesEnd(xml: string, from: number): number {
  const tags = /<(\/?)w:pPr\b[^>]*?(\/?)>/gu;
  tags.lastIndex = from;
  let depth = 0;
  for (let tag = tags.exec(xml); tag; tag = tags.exec(xml)) {
    if (tag[2] === '/') {
      if (depth === 0) return tags.lastIndex;
    } else if (tag[1] === '/') {
      if (--depth === 0) return tags.lastIndex;
    } else depth++;
  }
  return -1;
}

/**
 * document.xml with a page break run at the start of every paragraph that starts a page by its properties, or null
 * when none does (the document is then read as it is).
 */
export function withPageStartsAsBreaks(documentXml: string, stylesXml: string | undefined): string | null {
  const { styles, defaultStyle } = stylesXml ? pageStartingStyles(stylesXml) : { styles: new Set<string>() };
  if (styles.size === 0 && !/<w:pageBreakBefore\b/u.test(documentXml)) return null;
  let result = '';
  let copied = 0;
  let changed = false;
  const paragraphs = /<w:p(?=[\s>])[^>]*>/gu;
  for (let start = paragraphs.exec(documentXml); start; start = paragraphs.exec(documentXml)) {
    if (start[0].endsWith('/>')) continue; // an empty paragraph has nothing to start a page with
    let insertAt = paragraphs.lastIndex;
    let properties = '';
    const rest = /^\s*<w:pPr\b/u.exec(documentXml.slice(insertAt, insertAt + 200));
    if (rest) {
      const end = propertiesEnd(documentXml, insertAt);
      if (end < 0) break;
      properties = documentXml.slice(insertAt, end);
      properties = ownProperties(properties);
      insertAt = end;
    }
    const style = /<w:pStyle\b[^>]*\bw:val\s*=\s*["']([^"']*)["']/u.exec(properties)?.[1] ?? defaultStyle;
    const startsPage = statedPageBreak(properties) ?? (style !== undefined && styles.has(style));
    if (!startsPage) continue;
    result += documentXml.slice(copied, insertAt) + PAGE_BREAK_RUN;
    copied = insertAt;
    changed = true;
    paragraphs.lastIndex = insertAt;
  }
  return changed ? result + documentXml.slice(copied) : null;
}
