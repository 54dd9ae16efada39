import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportPls, useDeleteLexiconEntry, useImportPls, useLexicon } from '../../api/lexicon';
import { saveBlob } from '../../api/manuscript';
import type { LexiconEntry } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { useToast } from '../../ui/Toasts';
import { useStudio } from '../StudioContext';
import { LexiconEntryDialog } from './LexiconEntryDialog';
import { PausePolicyEditor } from './PausePolicyEditor';
import { WhereUsed } from './WhereUsed';

/** How words are said (the project lexicon, PLS in and out) and how long the pauses are. */
export function PronunciationPage() {
  const { project, access } = useStudio();
  const { t } = useTranslation('pronunciation');
  const format = useFormat();
  const errorText = useErrorText();
  const toast = useToast();
  const lexicon = useLexicon(project.id);
  const remove = useDeleteLexiconEntry(project.id);
  const importPls = useImportPls(project.id);
  const [editing, setEditing] = useState<LexiconEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<LexiconEntry | null>(null);
  const [usedFor, setUsedFor] = useState<LexiconEntry | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  if (lexicon.isPending) return <Loading />;
  const entries = lexicon.data?.items ?? [];
  const failure = remove.error ?? importPls.error ?? lexicon.error;

  return (
    <div className="step-page">
      <header className="step-page__header step-page__header--actions">
        <div>
          <h2>{t('title')}</h2>
          <p className="muted">{t('intro')}</p>
        </div>
        <div className="button-row">
          {access.canEdit && (
            <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
              {t('add')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void exportPls(project.id).then((blob) => saveBlob(blob, 'lexicon.pls'))}
          >
            {t('export')}
          </button>
          {access.canEdit && (
            <>
              <label htmlFor="pls-import" className="button button--secondary">
                {t('import')}
              </label>
              <input
                id="pls-import"
                ref={fileRef}
                className="visually-hidden"
                type="file"
                accept=".pls,.xml,application/pls+xml,application/xml,text/xml"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file)
                    importPls.mutate(file, {
                      onSuccess: (result) =>
                        toast.show(t('imported', { created: result.created, updated: result.updated })),
                    });
                }}
              />
            </>
          )}
        </div>
      </header>
      {failure && <Alert tone="error">{errorText(failure, { unprocessable: t('importInvalid') })}</Alert>}
      <section className="card" aria-labelledby="lexicon-title">
        <h3 id="lexicon-title" className="card__title">
          {t('table.title', { count: entries.length })}
        </h3>
        {entries.length === 0 ? (
          <p className="muted">{t('table.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('table.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.grapheme')}</th>
                  <th scope="col">{t('table.says')}</th>
                  <th scope="col">{t('table.kind')}</th>
                  <th scope="col">{t('table.locale')}</th>
                  <th scope="col">{t('table.updated')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('table.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">{entry.grapheme}</th>
                    <td>{entry.value}</td>
                    <td>{t(`kinds.${entry.kind}`)}</td>
                    <td>{entry.locale === '*' ? t('dialog.allLanguages') : entry.locale}</td>
                    <td>
                      <time dateTime={entry.updatedAt}>{format.date(entry.updatedAt)}</time>
                    </td>
                    <td className="data-table__actions">
                      <button type="button" className="link-button" onClick={() => setUsedFor(entry)}>
                        {t('table.whereUsed', { grapheme: entry.grapheme })}
                      </button>
                      {access.canEdit && (
                        <>
                          <button type="button" className="link-button" onClick={() => setEditing(entry)}>
                            {t('table.edit', { grapheme: entry.grapheme })}
                          </button>
                          <button
                            type="button"
                            className="link-button link-button--danger"
                            onClick={() => setDeleting(entry)}
                          >
                            {t('table.delete', { grapheme: entry.grapheme })}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {usedFor && <WhereUsed entry={usedFor} onClose={() => setUsedFor(null)} />}
      </section>
      <PausePolicyEditor />
      {editing && (
        <LexiconEntryDialog entry={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('confirmDelete.title', { grapheme: deleting?.grapheme ?? '' })}
        confirmLabel={t('confirmDelete.action')}
        tone="danger"
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting, { onSettled: () => setDeleting(null) })}
      >
        <p>{t('confirmDelete.body')}</p>
      </ConfirmDialog>
    </div>
  );
}
