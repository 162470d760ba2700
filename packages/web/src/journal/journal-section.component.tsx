import { JournalKinds } from '@bedring/domain/journal/journal';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { DateField, describedBy, Field, SelectField } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { usePlans } from '../plan/plan.resource.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { type JournalFilters, NO_FILTERS, useJournal } from './journal.resource.ts';
import { JournalNote } from './journal-note.component.tsx';
import './journal.css';

const options = (pairs: readonly (readonly [string, string])[]) =>
  pairs.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));

/** The roles that write and read the journal (domain JournalWriters). */
const WRITERS = new Set(['clinician', 'milieu', 'municipal', 'leader']);

/**
 * "Journal" on the person page (docs/decisions/0014-journal.md): every contact as a note, newest first, a page
 * at a time; filters by kind, author, organisation and period, and a search in the text. A note is written
 * with "Skriv journalnotat" (under questionnaires and feedback, where the contact plans the feedback).
 * A peer worker does not read the journal.
 */
export function JournalSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const allowed = WRITERS.has(user.role);
  const [draft, setDraft] = useState<JournalFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<JournalFilters>(NO_FILTERS);
  const journal = useJournal(allowed ? personId : '', filters);
  const plans = usePlans(allowed ? personId : '');
  const searchId = useId();
  if (!allowed || (journal.isError && isApiError(journal.error, 403))) return null;

  const goals = new Map(
    (plans.data?.plans ?? []).flatMap((p) => p.entries.map((e) => [e.id, e.text] as const)),
  );
  const first = journal.data?.pages[0];
  const notes = journal.data?.pages.flatMap((p) => p.notes) ?? [];
  const set = (k: keyof JournalFilters) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const filtered = Object.values(filters).some((v) => v !== '');

  return (
    <section className="section journal" aria-labelledby="journal-title">
      <h2 id="journal-title">{t('journal.section.title')}</h2>
      <p className="section__intro">
        {t('journal.section.intro')} <a href="#q-contact-title">{t('journal.section.write')}</a>
      </p>
      <form
        className="form journal-filters"
        aria-label={t('journal.filters.title')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
        }}
      >
        <div className="form-row">
          <SelectField label={t('journal.filters.kind')} value={draft.kind} onChange={set('kind')}>
            {options([
              ['', t('journal.filters.all')],
              ...JournalKinds.map((k) => [k, t(`journal.kinds.${k}`)] as const),
            ])}
          </SelectField>
          <SelectField label={t('journal.filters.author')} value={draft.author} onChange={set('author')}>
            {options([
              ['', t('journal.filters.all')],
              ...(first?.authors ?? []).map((a) => [a.id, a.name] as const),
            ])}
          </SelectField>
          <SelectField
            label={t('journal.filters.organisation')}
            value={draft.organisation}
            onChange={set('organisation')}
          >
            {options([
              ['', t('journal.filters.all')],
              ...(first?.organisations ?? []).map((o) => [o.id, o.name] as const),
            ])}
          </SelectField>
        </div>
        <div className="form-row">
          <DateField label={t('journal.filters.from')} value={draft.from} onChange={set('from')} />
          <DateField label={t('journal.filters.to')} value={draft.to} onChange={set('to')} />
          <Field id={searchId} label={t('journal.filters.search')}>
            <input
              {...describedBy(searchId, {})}
              type="search"
              value={draft.q}
              maxLength={200}
              onChange={(e) => set('q')(e.target.value)}
            />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t('journal.filters.apply')}
          </button>
          {filtered && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setDraft(NO_FILTERS);
                setFilters(NO_FILTERS);
              }}
            >
              {t('journal.filters.clear')}
            </button>
          )}
        </div>
      </form>
      {journal.isPending && <Loading />}
      {journal.isError && <ErrorMessage error={journal.error} onRetry={() => journal.refetch()} />}
      {journal.data && notes.length === 0 && (
        <p className="empty">{filtered ? t('journal.section.noneFound') : t('journal.section.none')}</p>
      )}
      <div className="journal-notes" aria-live="polite">
        {notes.map((n) => (
          <JournalNote key={n.id} personId={personId} note={n} goals={goals} />
        ))}
      </div>
      {journal.hasNextPage && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={journal.isFetchingNextPage}
            onClick={() => journal.fetchNextPage()}
          >
            {journal.isFetchingNextPage ? t('common.loading') : t('journal.section.more')}
          </button>
        </div>
      )}
    </section>
  );
}
