import { useTranslation } from 'react-i18next';
import type { FileNote } from '../api/types';

/**
 * One note the server left about an uploaded file (manuscript or cover), in the reader's language. The server gives
 * each of its own notes a code and the params its sentence needs; a library's message (e.g. the DOCX converter's)
 * has only its English text, shown as such after a localized lead-in.
 */
export function FileNoteText({ note }: { note: FileNote }) {
  const { t } = useTranslation('common');
  const params = note.params;
  switch (note.code) {
    case 'library_message':
      return (
        <>
          {t('fileNotes.library_message', { source: String(params.source ?? '').toUpperCase() })}{' '}
          <span lang="en">{note.message}</span>
        </>
      );
    case 'toc_entries_unresolved':
      return <>{t('fileNotes.toc_entries_unresolved', { count: Number(params.count ?? 0) })}</>;
    case 'gutenberg_further_books_left_out':
      return (
        <>{t('fileNotes.gutenberg_further_books_left_out', { words: Number(params.words ?? 0).toLocaleString() })}</>
      );
    case 'cover_color_space_converted':
      return <>{t('fileNotes.cover_color_space_converted', { space: String(params.space ?? '').toUpperCase() })}</>;
    default:
      return <>{t(`fileNotes.${note.code}`)}</>;
  }
}
