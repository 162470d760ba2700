import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import { CrisisPrintPage } from '../plan/crisis-print.page.tsx';
import { sendHelpRequest } from './checkin.resource.ts';

type Status = 'sending' | 'sent' | 'queued' | 'failed';
type HelpState = { help?: { id: string; madeAt: string } } | null;

/**
 * /min-side/hjelp: the crisis plan's steps and contacts at once (from the phone when offline), and the
 * care team told — now, or as soon as the phone is online again.
 */
export function HelpNowPage() {
  const { t } = useTranslation();
  const user = useUser();
  const request = (useLocation().state as HelpState)?.help ?? null;
  const [status, setStatus] = useState<Status | null>(request ? 'sending' : null);
  const sent = useRef(false);
  useEffect(() => {
    if (!request || !user.personId || sent.current) return;
    sent.current = true;
    sendHelpRequest(user.personId, request)
      .then((r) => setStatus(r.queued ? 'queued' : 'sent'))
      .catch(() => setStatus('failed'));
  }, [request, user.personId]);

  return (
    <div className="help-now-page">
      <div role="status" className="help-now-page__status">
        {status && (
          <p className={`message ${status === 'failed' ? 'message--error' : 'message--info'}`}>
            {t(`checkin.help.${status}`)}
          </p>
        )}
      </div>
      <CrisisPrintPage />
    </div>
  );
}
