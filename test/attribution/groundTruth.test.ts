import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseManuscript } from '../../adapters/manuscript';
import {
  DEVELOPMENT_BOOKS,
  loadBookTruth,
  locateLines,
  normalName,
  speakerMatches,
  type BookTruth,
} from '../../bench/attribution/books';
import { narratorCharacter, type Character } from '../../core/characters/character';
import { CORPUS_DIR } from '../support/corpus';

describe('hand-labelled dialogue of the development books', () => {
  it.each(DEVELOPMENT_BOOKS)(
    '%s: at least 150 lines, spread over the book, each found once in its chapter',
    async (slug) => {
      const truth = loadBookTruth(slug);
      expect(truth.book).toBe(slug);
      expect(truth.lines.length).toBeGreaterThanOrEqual(150);
      const chapters = new Set(truth.lines.map((line) => line.chapter));
      expect(chapters.size).toBeGreaterThanOrEqual(4);
      const heldOut = truth.lines.filter((line) => truth.heldOutChapters.includes(line.chapter));
      expect(heldOut.length).toBeGreaterThanOrEqual(20);
      expect(truth.lines.length - heldOut.length).toBeGreaterThanOrEqual(100);
      expect(truth.lines.filter((line) => line.fresh).length).toBeGreaterThanOrEqual(30);
      expect(truth.lines.filter((line) => line.unseen).length).toBeGreaterThanOrEqual(35);
      const used = new Set(truth.lines.map((line) => line.speaker));
      expect(Object.keys(truth.speakers).filter((speaker) => !used.has(speaker))).toEqual([]);

      const parsed = await parseManuscript(readFileSync(path.join(CORPUS_DIR, truth.source)), {
        fileName: truth.source,
      });
      const located = locateLines(parsed.text, truth);
      expect(located.problems).toEqual([]);
      expect(located.lines).toHaveLength(truth.lines.length);
      expect(new Set(located.lines.map((line) => line.offset)).size).toBe(truth.lines.length);
    },
  );
});

describe('matching a predicted character to the labelled speaker', () => {
  const truth: BookTruth = {
    book: 'tiny',
    source: 'tiny.txt',
    language: 'en',
    heldOutChapters: [],
    speakers: {
      'Elizabeth Bennet': { names: ['Elizabeth', 'Lizzy', 'Miss Eliza'] },
      'Jane Bennet': { names: ['Jane', 'Miss Bennet'] },
      'Mr. Bennet': { names: ['Mr. Bennet'] },
      Narrator: { names: ['narrator'], firstPersonNarrator: true },
    },
    lines: [],
  };
  const character = (name: string, aliases: string[] = []): Character => ({
    ...narratorCharacter(null),
    id: `char-${name}`,
    name,
    aliases,
    importance: 'main',
  });

  it('compares names without case, full stops, accents or a leading article', () => {
    expect(normalName('Mr. Bennet')).toBe(normalName('mr bennet'));
    expect(normalName('Virgília')).toBe(normalName('Virgilia'));
    expect(normalName('the Ghost')).toBe(normalName('Ghost'));
  });

  it('accepts the canonical name or an unambiguous alias, never a name of someone else', () => {
    expect(speakerMatches(truth, 'Elizabeth Bennet', character('Lizzy'))).toBe(true);
    expect(speakerMatches(truth, 'Elizabeth Bennet', character('Elizabeth Bennet', ['Elizabeth', 'Lizzy']))).toBe(true);
    expect(speakerMatches(truth, 'Elizabeth Bennet', character('Jane'))).toBe(false);
    // A merged character whose aliases name two labelled people cannot be credited to either.
    expect(speakerMatches(truth, 'Jane Bennet', character('Bennet', ['Jane', 'Mr. Bennet']))).toBe(false);
    expect(speakerMatches(truth, 'Jane Bennet', undefined)).toBe(false);
  });

  it('credits the book narrator only for a first-person narrator', () => {
    expect(speakerMatches(truth, 'Narrator', narratorCharacter(null))).toBe(true);
    expect(speakerMatches(truth, 'Mr. Bennet', narratorCharacter(null))).toBe(false);
  });
});
