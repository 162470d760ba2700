import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { useOwnHelpRequests } from './help.resource.ts';

/** How long a request stays shown to the person after it was made. */
const SHOWN_MS = 24 * 60 * 60_000;

/**
 * The person's latest help request of the last day (docs/decisions/0015-help-requests.md): who took it and
 * when, or that the helpers were told and nobody has taken it yet. Refreshed every 15 s; nothing offline.
 */
export function HelpState({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useOwnHelpRequests(personId);
  const latest = query.data?.helpRequests[0];
  const recent = latest && Date.now() - new Date(latest.raisedAt).getTime() < SHOWN_MS;
  return (
    <div role="status" className="help-state">
      {recent && latest && (
        <p className={`message ${latest.taken ? 'message--success' : 'message--info'}`}>
          {latest.taken
            ? t('checkin.helpState.taken', {
                name: latest.taken.byName ?? t('checkin.helpState.someone'),
                time: format.dateTime(latest.taken.at),
              })
            : t('checkin.helpState.waiting', { time: format.dateTime(latest.raisedAt) })}
        </p>
      )}
    </div>
  );
}
