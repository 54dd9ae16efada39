import { posix } from 'node:path';
import { Parser } from 'htmlparser2';
import type { TocEntry } from '../../core/manuscript/manuscript';
import type { WithFootnotes } from './gatheredNotes';
import { UnreadableManuscriptError } from '../../core/manuscript/errors';
import { assembleBlocks, type RawBlock } from './assemble';
import { htmlToBlocks, stripDoctype } from './html';
import { withoutNavigationBlocks } from './htmlNavigation';
import { gatherSuperscriptNotes } from './superscriptNotes';
import type { ManuscriptLimits } from './limits';
import { nodeText, parsePackageXml } from './xml';
import { openSafeZip, type SafeZip } from './zip';
import { fileNotes } from '../../core/common/fileNotes';

interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties: string;
}

interface RawTocEntry {
  title: string;
  href: string;
  depth: number;
}

function resolveHref(baseFile: string, href: string): string {
  const withoutFragment = href.split('#')[0];
  let decoded = withoutFragment;
  try {
    decoded = decodeURIComponent(withoutFragment);
  } catch {
    // A malformed escape is used as written.
  }
  return posix.normalize(posix.join(posix.dirname(baseFile), decoded)).replace(/^\/+/, '');
}

function fragmentOf(href: string): string | undefined {
  const hash = href.indexOf('#');
  return hash >= 0 ? href.slice(hash + 1) : undefined;
}

async function readText(zip: SafeZip, name: string): Promise<string> {
  return (await zip.read(name)).toString('utf8').replace(/^\uFEFF/, '');
}

/** EPUB 3 navigation document: the <nav epub:type="toc"> list, with depth from <ol> nesting. */
function tocFromNav(markup: string, navFile: string): RawTocEntry[] {
  const entries: RawTocEntry[] = [];
  let navDepth = 0;
  let inToc = false;
  let listDepth = 0;
  let link: { href: string; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'nav') {
          navDepth++;
          const type = attributes['epub:type'] ?? attributes.type ?? attributes.role ?? '';
          if (navDepth === 1 && /\btoc\b/.test(type)) inToc = true;
        }
        if (!inToc) return;
        if (name === 'ol' || name === 'ul') listDepth++;
        if (name === 'a' && attributes.href) link = { href: attributes.href, text: '' };
      },
      ontext(data) {
        if (link) link.text += data;
      },
      onclosetag(name) {
        if (inToc && (name === 'ol' || name === 'ul')) listDepth--;
        if (inToc && name === 'a' && link) {
          entries.push({
            title: link.text.replace(/\s+/g, ' ').trim(),
            href: resolveHref(navFile, link.href) + hashPart(link.href),
            depth: Math.max(1, listDepth),
          });
          link = undefined;
        }
        if (name === 'nav') {
          navDepth--;
          if (navDepth === 0) inToc = false;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true, xmlMode: false },
  );
  parser.write(stripDoctype(markup));
  parser.end();
  return entries;
}

function hashPart(href: string): string {
  const fragment = fragmentOf(href);
  return fragment === undefined ? '' : `#${fragment}`;
}

/** EPUB 2 NCX: nested navPoints. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML tree
function tocFromNcx(ncx: any, ncxFile: string): RawTocEntry[] {
  const entries: RawTocEntry[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed XML tree
  const walk = (points: any[] | undefined, depth: number) => {
    for (const point of points ?? []) {
      const src = point?.content?.['@src'];
      const title = nodeText(point?.navLabel?.text);
      if (typeof src === 'string') {
        entries.push({
          title: title.replace(/\s+/g, ' ').trim(),
          href: resolveHref(ncxFile, src) + hashPart(src),
          depth,
        });
      }
      walk(point?.navPoint, depth + 1);
    }
  };
  walk(ncx?.ncx?.navMap?.navPoint, 1);
  return entries;
}

export async function parseEpub(bytes: Buffer, limits: ManuscriptLimits): Promise<WithFootnotes> {
  const zip = await openSafeZip(bytes, limits);
  try {
    if (!zip.has('META-INF/container.xml'))
      throw new UnreadableManuscriptError('the EPUB has no META-INF/container.xml');
    const container = parsePackageXml(await readText(zip, 'META-INF/container.xml'), 'the EPUB container');
    const rootfiles: Array<Record<string, string>> = container?.container?.rootfiles?.rootfile ?? [];
    const opfPath = rootfiles.map((r) => r['@full-path']).find((p) => typeof p === 'string' && zip.has(p));
    if (!opfPath) throw new UnreadableManuscriptError('the EPUB container does not point to a package document');

    const opf = parsePackageXml(await readText(zip, opfPath), 'the EPUB package document');
    const manifest = new Map<string, ManifestItem>();
    for (const item of opf?.package?.manifest?.item ?? []) {
      if (typeof item?.['@id'] !== 'string' || typeof item?.['@href'] !== 'string') continue;
      manifest.set(item['@id'], {
        id: item['@id'],
        href: resolveHref(opfPath, item['@href']),
        mediaType: String(item['@media-type'] ?? ''),
        properties: String(item['@properties'] ?? ''),
      });
    }
    const spine = opf?.package?.spine;
    const spineItems = (spine?.itemref ?? [])
      .map((ref: Record<string, string>) => manifest.get(ref['@idref']))
      .filter((item: ManifestItem | undefined): item is ManifestItem => item !== undefined && zip.has(item.href));
    if (spineItems.length === 0) throw new UnreadableManuscriptError('the EPUB spine lists no readable documents');

    const raw: RawBlock[] = [];
    const footnotes: string[] = [];
    const docStartBlock = new Map<string, number>();
    const emptyDocs = new Set<string>();
    const anchorBlock = new Map<string, number>();
    for (const item of spineItems as ManifestItem[]) {
      const { blocks, anchors, notes } = htmlToBlocks(await readText(zip, item.href));
      footnotes.push(...notes);
      docStartBlock.set(item.href, raw.length);
      if (blocks.length === 0) emptyDocs.add(item.href);
      for (const [id, index] of anchors) anchorBlock.set(`${item.href}#${id}`, raw.length + index);
      raw.push(...blocks);
    }
    // Raised marks with no link find their notes across the book: at a chapter's end or in a notes document.
    const raised = gatherSuperscriptNotes(withoutNavigationBlocks(raw), new Set(docStartBlock.values()));
    footnotes.push(...raised.notes);
    const { text, blocks, startOf } = assembleBlocks(raised.blocks);

    const navItem = [...manifest.values()].find((item) => /\bnav\b/.test(item.properties));
    const ncxItem =
      manifest.get(spine?.['@toc'] ?? '') ??
      [...manifest.values()].find((i) => i.mediaType === 'application/x-dtbncx+xml');
    let rawToc: RawTocEntry[] = [];
    if (navItem && zip.has(navItem.href)) rawToc = tocFromNav(await readText(zip, navItem.href), navItem.href);
    if (rawToc.length === 0 && ncxItem && zip.has(ncxItem.href)) {
      rawToc = tocFromNcx(parsePackageXml(await readText(zip, ncxItem.href), 'the EPUB NCX'), ncxItem.href);
    }

    const offsetOfBlock = (index: number | undefined): number | undefined => {
      if (index === undefined) return undefined;
      // Anchors on empty elements point at the next block that produced text.
      for (let i = index; i < startOf.length; i++) if (startOf[i] >= 0) return startOf[i];
      return undefined;
    };
    const tocEntries: TocEntry[] = [];
    let emptyPages = 0;
    for (const entry of rawToc) {
      const [file] = entry.href.split('#');
      // A page with no text (a cover that is only a picture) starts nothing: its label must not name the next page.
      if (emptyDocs.has(file) && !entry.href.includes('#')) {
        emptyPages++;
        continue;
      }
      const offset = offsetOfBlock(anchorBlock.get(entry.href) ?? docStartBlock.get(file));
      if (offset !== undefined && entry.title.length > 0)
        tocEntries.push({ title: entry.title, offset, depth: entry.depth });
    }
    const notes =
      rawToc.length > tocEntries.length + emptyPages
        ? [fileNotes.tocEntriesUnresolved(rawToc.length - tocEntries.length - emptyPages)]
        : [];
    return { format: 'epub', text, blocks, tocEntries, notes, ...(footnotes.length ? { footnotes } : {}) };
  } finally {
    zip.close();
  }
}
