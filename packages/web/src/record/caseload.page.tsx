import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { useCaseload } from './caseload.resource.ts';

export function CaseloadPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('caseload.title'));
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const caseload = useCaseload(q);
  const id = useId();

  useEffect(() => setDraft(q), [q]);

  // Searching is a submitted form, not a search per keystroke: every search is an audited event.
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next = draft.trim();
    setParams(next ? { q: next } : {});
  };

  const persons = caseload.data?.persons ?? [];
  return (
    <>
      <h1>{t('caseload.title')}</h1>
      <p className="lead">{t('caseload.intro')}</p>
      <search>
        <form className="search-form" onSubmit={onSubmit}>
          <label htmlFor={`${id}-q`}>{t('caseload.searchLabel')}</label>
          <div className="search-form__row">
            <input
              id={`${id}-q`}
              type="search"
              name="q"
              value={draft}
              maxLength={100}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button type="submit" className="button button--primary">
              {t('caseload.searchButton')}
            </button>
            {q && (
              <button type="button" className="button button--secondary" onClick={() => setParams({})}>
                {t('caseload.clear')}
              </button>
            )}
          </div>
        </form>
      </search>
      {caseload.isPending && <Loading />}
      {caseload.isError && <ErrorMessage error={caseload.error} onRetry={() => caseload.refetch()} />}
      {caseload.data && (
        <>
          <p className="result-count" role="status">
            {q
              ? t('caseload.countSearch', { count: persons.length, q })
              : t('caseload.count', { count: persons.length })}
          </p>
          {persons.length === 0 ? (
            <p className="empty">{q ? t('caseload.emptySearch', { q }) : t('caseload.empty')}</p>
          ) : (
            <ul className="caseload" aria-label={t('caseload.title')}>
              {persons.map((p) => (
                <li key={p.id} className="caseload__item">
                  <Link to={`/personer/${p.id}`} className="caseload__name">
                    {p.givenName} {p.familyName}
                  </Link>
                  <dl className="facts">
                    <div>
                      <dt>{t('caseload.born')}</dt>
                      <dd>{format.calendarDate(p.birthDate)}</dd>
                    </div>
                    <div>
                      <dt>{t('caseload.relation')}</dt>
                      <dd>{t(`relation.${p.relation}`)}</dd>
                    </div>
                    <div>
                      <dt>{t('caseload.since')}</dt>
                      <dd>{format.date(p.since)}</dd>
                    </div>
                    <div>
                      <dt>{t('caseload.organisation')}</dt>
                      <dd>{p.organisationName}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
