import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { type AccessLogEntry, useAccessLog } from './access-log.resource.ts';

const PAGE = 25;

/** "Hvem har sett journalen min": who, in what role and organisation, did what, when, and why. */
export function AccessLog({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const log = useAccessLog(personId);
  const [hideOwn, setHideOwn] = useState(true);
  const [shown, setShown] = useState(PAGE);
  const id = useId();

  const entries = (log.data?.entries ?? []).filter((e) => !(hideOwn && e.actorRole === 'patient'));
  return (
    <section className="section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('accessLog.title')}</h2>
      <p className="section__intro">{t('accessLog.intro')}</p>
      <div className="checkbox">
        <input
          id={`${id}-own`}
          type="checkbox"
          checked={hideOwn}
          onChange={(e) => {
            setHideOwn(e.target.checked);
            setShown(PAGE);
          }}
        />
        <label htmlFor={`${id}-own`}>{t('accessLog.hideOwn')}</label>
      </div>
      {log.isPending && <Loading />}
      {log.isError && <ErrorMessage error={log.error} onRetry={() => log.refetch()} />}
      {log.data &&
        (entries.length === 0 ? (
          <p className="empty">{t('accessLog.empty')}</p>
        ) : (
          <>
            <ol className="access-log" aria-label={t('accessLog.title')}>
              {entries.slice(0, shown).map((e) => (
                <Entry key={e.id} entry={e} />
              ))}
            </ol>
            {entries.length > shown && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setShown((n) => n + PAGE)}
              >
                {t('accessLog.showMore', { count: entries.length - shown })}
              </button>
            )}
          </>
        ))}
    </section>
  );
}

function Entry({ entry }: { entry: AccessLogEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isSelf = entry.actorRole === 'patient';
  // Bedring itself, e.g. passing on a request for help nobody took (docs/decisions/0015-help-requests.md);
  // its purpose names the accounts told by id, which says nothing to a reader.
  const isSystem = entry.actorRole === 'system';
  const who = isSelf
    ? t('accessLog.you')
    : isSystem
      ? t('accessLog.system')
      : (entry.actorName ?? t('accessLog.unknown'));
  const what = t(
    [`accessLog.what.${entry.action}.${entry.resourceType}`, `accessLog.action.${entry.action}`],
    {
      defaultValue: entry.action,
    },
  );
  return (
    <li className={`access-entry${entry.breakGlassReason ? ' access-entry--break-glass' : ''}`}>
      <p className="access-entry__who">
        <strong>{who}</strong>
        {!isSelf && !isSystem && (
          <span className="access-entry__role">
            {t(`roles.${entry.actorRole}`, { defaultValue: entry.actorRole })}
            {entry.organisationName ? `, ${entry.organisationName}` : ''}
          </span>
        )}
      </p>
      <p className="access-entry__what">
        {what} · <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
      </p>
      {entry.purpose && !isSystem && (
        <p className="meta">{t('accessLog.purpose', { purpose: entry.purpose })}</p>
      )}
      {entry.breakGlassReason && (
        <p className="access-entry__reason">
          <strong>{t('accessLog.breakGlass')}</strong> {entry.breakGlassReason}
        </p>
      )}
    </li>
  );
}
