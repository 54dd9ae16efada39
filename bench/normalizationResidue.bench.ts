/**
 * What real books still make the engine say wrong: the development books and the manuscript fixtures go through the
 * product's path to the spoken form (bench/normalizationResidue/books.ts), and every token left that an engine reads
 * badly is counted per book and per kind (bench/normalizationResidue/residue.ts), with examples in the log.
 * `faults` leaves out the kinds engines say well (ellipses, initials, lines in capitals). With
 * NORMALIZATION_RESIDUE_CHANGES=1 the log also lists, per book, the commonest rewrites (written → spoken), to be read
 * for wrong expansions.
 */
import { changes } from './normalizationResidue/changes';
import { scannedBooks, type ScannedBook } from './normalizationResidue/books';
import { RESIDUE_KINDS, residueTokens, type ResidueToken } from './normalizationResidue/residue';
import type { BenchContext, BenchModule, BenchRow } from './types';

const EXAMPLES_PER_KIND = 8;
const CHANGES_PER_BOOK = 60;

/** Occurrences of each distinct key, commonest first. */
function tally<T>(items: T[], key: (item: T) => string): Array<{ key: string; count: number; first: T }> {
  const counts = new Map<string, { key: string; count: number; first: T }>();
  for (const item of items) {
    const k = key(item);
    const entry = counts.get(k);
    if (entry) entry.count++;
    else counts.set(k, { key: k, count: 1, first: item });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function logExamples(book: ScannedBook, tokens: ResidueToken[], context: BenchContext): void {
  for (const kind of RESIDUE_KINDS) {
    const ofKind = tokens.filter((token) => token.kind === kind.name);
    if (ofKind.length === 0) continue;
    const examples = tally(ofKind, (token) => token.token)
      .slice(0, EXAMPLES_PER_KIND)
      .map(({ key, count, first }) => `${JSON.stringify(key)}×${count} (…${first.context}…)`);
    context.log(`${book.name} — ${kind.name} ${ofKind.length}: ${examples.join('; ')}`);
  }
}

function logChanges(book: ScannedBook, context: BenchContext): void {
  const all = book.segments.flatMap((segment) => changes(segment.written, segment.spoken));
  const top = tally(all, (change) => `${change.written} → ${change.spoken}`).slice(0, CHANGES_PER_BOOK);
  context.log(
    `${book.name} — rewrites (${all.length}): ${top.map(({ key, count }) => `${key} ×${count}`).join(' | ')}`,
  );
}

function row(name: string, tokens: ResidueToken[], segments: number): BenchRow {
  const metrics: BenchRow['metrics'] = { segments };
  const accepted = new Set(RESIDUE_KINDS.filter((kind) => kind.accepted).map((kind) => kind.name));
  metrics.faults = tokens.filter((token) => !accepted.has(token.kind)).length;
  for (const kind of RESIDUE_KINDS) metrics[kind.name] = tokens.filter((token) => token.kind === kind.name).length;
  return { benchmark: 'normalization-residue', case: name, metrics };
}

const residueBench: BenchModule = {
  name: 'normalization-residue',
  description:
    'Tokens left in the spoken form of the development books and manuscript fixtures that an engine reads badly, per book and kind (faults: all but ellipses, initials and lines in capitals)',
  async run(context) {
    const books = await scannedBooks(context.log);
    const rows: BenchRow[] = [];
    const everything: ResidueToken[] = [];
    let segments = 0;
    for (const book of books) {
      const tokens = book.segments.flatMap((segment) => residueTokens(segment.spoken, book.language));
      logExamples(book, tokens, context);
      if (context.env.NORMALIZATION_RESIDUE_CHANGES) logChanges(book, context);
      rows.push(row(book.name, tokens, book.segments.length));
      everything.push(...tokens);
      segments += book.segments.length;
    }
    rows.push(row('all', everything, segments));
    return rows;
  },
};

export default residueBench;
