import type { UnitAccessLogQuery } from '@bedring/contract';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import {
  filterFrom,
  paramsFrom,
  type UnitAccessLogEntry,
  useUnitAccessLog,
} from './unit-access-log.resource.ts';

const BASES = ['need-to-know', 'break-glass', 'own-record', 'system'] as const;

/**
 * The unit leader's access log (/tilgangslogg): who read and changed the records of the unit's persons,
 * on what basis, narrowed by basis and period in a form and by person or staff member from an entry
 * (docs/decisions/0016-worklists.md). The filter lives in the address; the server audits each look.
 * A page at a time, newest first: "Vis flere" reads the next. Bedring's own entries (a help request it
 * passed on because nobody took it, docs/decisions/0015-help-requests.md) show as Bedring's.
 */
export function UnitAccessLogPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('worklists.accessLog.title'));
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const log = useUnitAccessLog(filter);
  const apply = (next: UnitAccessLogQuery) => setParams(paramsFrom(next));
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const personName = entries.find((e) => e.person.id === filter.personId)?.person;
  const staffName = entries.find((e) => e.actor.id === filter.accountId)?.actor.name;

  return (
    <div className="work-page">
      <h1>{t('worklists.accessLog.title')}</h1>
      <p className="lead">{t('worklists.accessLog.intro')}</p>
      <FilterForm filter={filter} onApply={apply} />
      {(filter.personId || filter.accountId) && (
        <ul className="chosen-filters" aria-label={t('worklists.accessLog.chosen')}>
          {filter.personId && (
            <Chosen
              text={t('worklists.accessLog.chosenPerson', {
                name: personName
                  ? `${personName.givenName} ${personName.familyName}`
                  : t('worklists.accessLog.aPerson'),
              })}
              onRemove={() => apply({ ...filter, personId: undefined })}
            />
          )}
          {filter.accountId && (
            <Chosen
              text={t('worklists.accessLog.chosenStaff', {
                name: staffName ?? t('worklists.accessLog.aStaffMember'),
              })}
              onRemove={() => apply({ ...filter, accountId: undefined })}
            />
          )}
        </ul>
      )}
      {log.isPending && <Loading />}
      {log.isError && <ErrorMessage error={log.error} onRetry={() => log.refetch()} />}
      {log.data && (
        <>
          <p className="result-count" role="status">
            {entries.length === 0
              ? t('worklists.accessLog.empty')
              : t('worklists.accessLog.count', { count: entries.length })}
          </p>
          {entries.length > 0 && (
            <ol className="access-log" aria-label={t('worklists.accessLog.caption')}>
              {entries.map((e) => (
                <Entry key={e.id} entry={e} filter={filter} onApply={apply} />
              ))}
            </ol>
          )}
          {log.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={log.isFetchingNextPage}
              onClick={() => log.fetchNextPage()}
            >
              {t('worklists.accessLog.showMore')}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function FilterForm({
  filter,
  onApply,
}: {
  filter: UnitAccessLogQuery;
  onApply: (f: UnitAccessLogQuery) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [basis, setBasis] = useState(filter.basis ?? '');
  const [from, setFrom] = useState(filter.from ?? '');
  const [to, setTo] = useState(filter.to ?? '');
  useEffect(() => {
    setBasis(filter.basis ?? '');
    setFrom(filter.from ?? '');
    setTo(filter.to ?? '');
  }, [filter.basis, filter.from, filter.to]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      ...filter,
      basis: (basis || undefined) as UnitAccessLogQuery['basis'],
      from: from || undefined,
      to: to || undefined,
    });
  };
  return (
    <form className="board-filter" onSubmit={onSubmit} aria-label={t('worklists.accessLog.filterLegend')}>
      <div className="field">
        <label htmlFor={`${id}-basis`}>{t('worklists.accessLog.basis')}</label>
        <select id={`${id}-basis`} value={basis} onChange={(e) => setBasis(e.target.value)}>
          <option value="">{t('worklists.accessLog.basisAll')}</option>
          {BASES.map((b) => (
            <option key={b} value={b}>
              {t(`worklists.accessLog.bases.${b}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('worklists.accessLog.from')}</label>
        <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('worklists.accessLog.to')}</label>
        <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <button type="submit" className="button button--secondary">
        {t('worklists.accessLog.apply')}
      </button>
      {Object.keys(paramsFrom(filter)).length > 0 && (
        <button type="button" className="button button--secondary" onClick={() => onApply({})}>
          {t('worklists.accessLog.clear')}
        </button>
      )}
    </form>
  );
}

function Chosen({ text, onRemove }: { text: string; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="chosen-filters__item">
      <span>{text}</span>{' '}
      <button type="button" className="button button--secondary" onClick={onRemove}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">{t('worklists.accessLog.remove', { what: text })}</span>
      </button>
    </li>
  );
}

function Entry({
  entry,
  filter,
  onApply,
}: {
  entry: UnitAccessLogEntry;
  filter: UnitAccessLogQuery;
  onApply: (f: UnitAccessLogQuery) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const person = `${entry.person.givenName} ${entry.person.familyName}`;
  const isPerson = entry.basis === 'own-record';
  const isSystem = entry.basis === 'system';
  const who = isPerson
    ? t('worklists.accessLog.thePerson')
    : isSystem
      ? t('accessLog.system')
      : (entry.actor.name ?? t('accessLog.unknown'));
  const what = t(
    [`accessLog.what.${entry.action}.${entry.resourceType}`, `accessLog.action.${entry.action}`],
    {
      defaultValue: entry.action,
    },
  );
  return (
    <li className={`access-entry${entry.basis === 'break-glass' ? ' access-entry--break-glass' : ''}`}>
      <p className="access-entry__who">
        <strong>{who}</strong>
        {!isPerson && !isSystem && (
          <span className="access-entry__role">
            {t(`roles.${entry.actor.role}`, { defaultValue: entry.actor.role })}
          </span>
        )}
        <span className="access-entry__role">{t(`worklists.accessLog.bases.${entry.basis}`)}</span>
      </p>
      <p className="access-entry__what">
        {person}: {what} · <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
      </p>
      {entry.breakGlassReason && (
        <p className="access-entry__reason">
          {t('worklists.accessLog.reason', { reason: entry.breakGlassReason })}
        </p>
      )}
      <p className="actions">
        {filter.personId !== entry.person.id && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onApply({ ...filter, personId: entry.person.id })}
          >
            {t('worklists.accessLog.onlyPerson', { name: person })}
          </button>
        )}
        {entry.actor.id && !isPerson && filter.accountId !== entry.actor.id && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onApply({ ...filter, accountId: entry.actor.id ?? undefined })}
          >
            {t('worklists.accessLog.onlyStaff', { name: who })}
          </button>
        )}
      </p>
    </li>
  );
}
