import { minutesWaiting } from '@bedring/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage } from '../shell/status.component.tsx';
import { useNow, useOpenHelpRequests, useTakeHelpRequest } from './help.resource.ts';

/**
 * Open help requests, pinned in red at the top of the start page and Oppgaver until someone takes them
 * (docs/decisions/0015-help-requests.md): who asked, how long ago, whether it has been escalated, and
 * "Jeg tar den". Shows nothing when nothing is open.
 */
export function PinnedHelp() {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(30_000);
  const user = useUser();
  // The roles that take help requests (server: checkin/help.routes.ts); a peer worker does not.
  const open = useOpenHelpRequests(['clinician', 'milieu', 'municipal', 'leader'].includes(user.role));
  const take = useTakeHelpRequest();
  const requests = open.data?.helpRequests ?? [];
  const taken = take.data;
  if (requests.length === 0 && !taken && !take.isError) return null;
  return (
    <section className="pinned-help" aria-labelledby="pinned-help-title">
      <h2 id="pinned-help-title">{t('checkin.pinned.title', { count: requests.length })}</h2>
      <div role="status">
        {taken && (
          <p className="message message--info">
            {t('checkin.pinned.youTook', { time: format.dateTime(taken.taken.at) })}
          </p>
        )}
      </div>
      {take.isError && <ErrorMessage error={take.error} />}
      <ul className="pinned-help__list">
        {requests.map((r) => {
          const name = `${r.person.givenName} ${r.person.familyName}`;
          return (
            <li key={r.id} className="pinned-help__item">
              <p className="pinned-help__who">
                <Link to={`/personer/${r.person.id}`}>{name}</Link>{' '}
                {t('checkin.pinned.asked', {
                  count: minutesWaiting(new Date(r.raisedAt), now),
                })}
              </p>
              {r.escalatedAt && (
                <p className="pinned-help__escalated">
                  {t('checkin.pinned.escalated', { time: format.dateTime(r.escalatedAt) })}
                </p>
              )}
              <button
                type="button"
                className="button pinned-help__take"
                disabled={take.isPending}
                aria-label={t('checkin.pinned.takeFor', { name })}
                onClick={() => take.mutate(r.id)}
              >
                {t('checkin.pinned.take')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
