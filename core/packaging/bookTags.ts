/**
 * Book metadata → retail tags. Synthetic narration is disclosed twice, as retailers ask (docs/retail-specs.md): in the
 * narrator credit and in the description.
 */
import { DEFAULT_DISCLOSURE } from '../projects/project';
import { hasDigitalVoiceDisclosure } from '../audio/readiness';
import type { AudioTags } from '../ports/audio';
import type { PackageBookMetadata } from './types';

export const DIGITAL_VOICE_CREDIT = 'a digital voice';

/** e.g. "Jane Reader", or for synthetic narration "Ava (digital voice)" / "A digital voice". */
export function narratorCredit(book: PackageBookMetadata): string {
  const names = (book.narrators ?? []).map((n) => n.trim()).filter((n) => n !== '');
  if (!book.aiNarrated) return names.join(', ');
  if (names.length === 0) return capitalize(DIGITAL_VOICE_CREDIT);
  return names.map((name) => (/digital|synthetic/i.test(name) ? name : `${name} (digital voice)`)).join(', ');
}

/** The description with the digital-voice disclosure appended when narration is synthetic and it is not there. */
export function descriptionWithDisclosure(book: PackageBookMetadata): string {
  const description = (book.description ?? '').trim();
  if (!book.aiNarrated || hasDigitalVoiceDisclosure(description)) return description;
  const disclosure = (book.digitalVoiceDisclosure ?? '').trim() || DEFAULT_DISCLOSURE;
  const withDisclosure = description === '' ? disclosure : `${description}\n\n${disclosure}`;
  // A custom disclosure the readiness check cannot recognise still gets the plain-words one.
  return hasDigitalVoiceDisclosure(withDisclosure) ? withDisclosure : `${withDisclosure} ${DEFAULT_DISCLOSURE}`;
}

export function authorsCredit(book: PackageBookMetadata): string {
  return book.authors
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .join(', ');
}

/** Tags for one file of the package: `title` is the file's own title (chapter) or the book's (M4B). */
export function tagsFor(book: PackageBookMetadata, file: { title: string; track?: string }): AudioTags {
  const authors = authorsCredit(book);
  const year = book.year === null || book.year === undefined ? undefined : String(book.year).slice(0, 4);
  return {
    title: file.title,
    album: book.title,
    artist: authors,
    albumArtist: authors,
    narrator: narratorCredit(book) || undefined,
    description: descriptionWithDisclosure(book) || undefined,
    year,
    genre: book.genre ?? undefined,
    track: file.track,
    copyright: book.copyright ?? undefined,
    publisher: book.publisher ?? undefined,
  };
}

/**
 * Text the pipeline can synthesize for ACX's opening and closing credits (title, author, narrator; "The End").
 * English wording; other languages can pass their own text.
 */
export function creditsScript(book: PackageBookMetadata): { opening: string; closing: string } {
  const title = book.subtitle ? `${book.title}. ${book.subtitle}.` : `${book.title}.`;
  const narrator = narratorCredit(book);
  const opening = [title, `Written by ${authorsCredit(book)}.`, narrator ? `Narrated by ${narrator}.` : '']
    .filter((s) => s !== '')
    .join(' ');
  const closing = [`This has been ${book.title}, written by ${authorsCredit(book)}.`, 'The End.'].join(' ');
  return { opening, closing };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
