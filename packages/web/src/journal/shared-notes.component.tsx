import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useSharedNotes } from './journal.resource.ts';
import './journal.css';

/**
 * "Notater fra samtalene" on Min side (docs/decisions/0014-journal.md): what the helpers wrote after each
 * conversation, visit or call, in their words, with who wrote it and any additions — newest first.
 */
export function SharedNotes({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notes = useSharedNotes(personId);
  const all = notes.data?.pages.flatMap((p) => p.notes) ?? [];
  return (
    <section className="section shared-notes" aria-labelledby="shared-notes-title">
      <h2 id="shared-notes-title">{t('journal.mine.title')}</h2>
      <p className="section__intro">{t('journal.mine.intro')}</p>
      {notes.isPending && <Loading />}
      {notes.isError && <ErrorMessage error={notes.error} onRetry={() => notes.refetch()} />}
      {notes.data && all.length === 0 && <p className="empty">{t('journal.mine.none')}</p>}
      <div className="journal-notes">
        {all.map((n) => (
          <article key={n.id} className="journal-note" aria-labelledby={`shared-note-${n.id}`}>
            <h3 id={`shared-note-${n.id}`} className="journal-note__title">
              {format.dateTime(n.contactAt)} · {t(`journal.mine.kinds.${n.kind}`)}
            </h3>
            <p className="meta">
              {t('journal.mine.by', { name: n.authorName, organisation: n.organisationName })}
            </p>
            <p className="journal-note__text">{n.text}</p>
            {n.amendments.map((a) => (
              <div key={`${a.writtenAt}-${a.authorName}`} className="journal-note__amendment">
                <p className="meta">
                  {t('journal.mine.amendment', { name: a.authorName, at: format.dateTime(a.writtenAt) })}
                </p>
                <p>{a.text}</p>
              </div>
            ))}
          </article>
        ))}
      </div>
      {notes.hasNextPage && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={notes.isFetchingNextPage}
            onClick={() => notes.fetchNextPage()}
          >
            {notes.isFetchingNextPage ? t('common.loading') : t('journal.mine.more')}
          </button>
        </div>
      )}
    </section>
  );
}
