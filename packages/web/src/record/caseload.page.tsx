import type { CaseloadEntry } from '@bedring/contract';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import { PinnedHelp } from '../checkin/pinned-help.component.tsx';
import { useFormat } from '../i18n/format.ts';
import { PathwayPaths } from '../pathway/pathway.routes.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import './caseload.css';
import { useCaseload } from './caseload.resource.ts';

/**
 * "Mine pasienter" as a work list: per person what is open (help asked for, signals, overdue deadlines and
 * tasks) and the days since the last contact, most urgent first — the server's order, from the domain rule
 * caseload-urgency.rules.ts (docs/decisions/0016-worklists.md).
 */
export function CaseloadPage() {
  const { t } = useTranslation();
  // Named per role: a municipal or peer worker has no patients (docs/decisions/0017-words-per-role.md).
  const context = useUser().role;
  useDocumentTitle(t('caseload.title', { context }));
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
      <h1>{t('caseload.title', { context })}</h1>
      <PinnedHelp />
      <p className="lead">{t('worklists.caseload.intro')}</p>
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
            <>
              <p className="empty">
                {q ? t('caseload.emptySearch', { q, context }) : t('caseload.empty', { context })}
              </p>
              {/* A unit leader in no care team still has the unit's work, on Frister: not a dead end. */}
              {!q && context === 'leader' && (
                <p>
                  <Link to={PathwayPaths.deadlines}>{t('caseload.toDeadlines')}</Link>
                </p>
              )}
            </>
          ) : (
            <ul className="caseload" aria-label={t('caseload.title', { context })}>
              {persons.map((p) => (
                <CaseloadItem key={`${p.id}-${p.relation}`} person={p} />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function CaseloadItem({ person: p }: { person: CaseloadEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = `${p.givenName} ${p.familyName}`;
  return (
    <li className={`caseload__item caseload__item--${p.urgency}`}>
      <Link to={`/personer/${p.id}`} className="caseload__name">
        {name}
      </Link>
      <Urgency person={p} name={name} />
      <dl className="facts">
        <div>
          <dt>{t('worklists.caseload.lastContact')}</dt>
          <dd>
            {p.lastContactOn === null
              ? t('worklists.caseload.noContact', { count: p.daysWithoutContact })
              : p.daysWithoutContact === 0
                ? t('worklists.caseload.contactToday', { date: format.calendarDate(p.lastContactOn) })
                : t('worklists.caseload.contactDaysAgo', {
                    date: format.calendarDate(p.lastContactOn),
                    count: p.daysWithoutContact,
                  })}
          </dd>
        </div>
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
  );
}

/** What is open for the person, in words (colour is never the only sign, WCAG 1.4.1). */
function Urgency({ person: p, name }: { person: CaseloadEntry; name: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items: { key: string; tone: 'help' | 'warn' | 'quiet'; text: string }[] = [];
  if (p.openHelpRequests > 0)
    items.push({
      key: 'help',
      tone: 'help',
      text: p.oldestHelpRequestAt
        ? `${t('worklists.caseload.helpRequested')}, ${t('worklists.caseload.helpSince', { time: format.dateTime(p.oldestHelpRequestAt) })}`
        : t('worklists.caseload.helpRequested'),
    });
  if (p.openSignals > 0)
    items.push({
      key: 'signals',
      tone: 'warn',
      text: t('worklists.caseload.signals', { count: p.openSignals }),
    });
  if (p.overdueDeadlines > 0)
    items.push({
      key: 'deadlines',
      tone: 'warn',
      text: t('worklists.caseload.overdueDeadlines', { count: p.overdueDeadlines }),
    });
  if (p.overdueTasks > 0)
    items.push({
      key: 'tasks',
      tone: 'warn',
      text: t('worklists.caseload.overdueTasks', { count: p.overdueTasks }),
    });
  if (p.urgency === 'no-recent-contact')
    items.push({ key: 'contact', tone: 'quiet', text: t('worklists.caseload.longWithoutContact') });
  if (items.length === 0)
    items.push({ key: 'none', tone: 'quiet', text: t('worklists.caseload.nothingOpen') });
  return (
    <ul className="urgency" aria-label={t('worklists.caseload.openFor', { name })}>
      {items.map((i) => (
        <li key={i.key} className={`urgency__item urgency__item--${i.tone}`}>
          {i.text}
        </li>
      ))}
    </ul>
  );
}
