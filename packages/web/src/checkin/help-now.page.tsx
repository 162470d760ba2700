import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import { CrisisPrintPage } from '../plan/crisis-print.page.tsx';
import { CallLinks } from './call-links.component.tsx';
import { sendHelpRequest } from './checkin.resource.ts';
import { HelpState } from './help-state.component.tsx';

type Status = 'sending' | 'sent' | 'queued' | 'failed';
type NavState = { help?: { id: string; madeAt: string } } | null;

/**
 * /min-side/hjelp: the numbers to call and the crisis plan's steps and contacts at once (from the phone when
 * offline), and the care team told — now, or as soon as the phone is online again; then who took the
 * request and when (docs/decisions/0015-help-requests.md).
 */
export function HelpNowPage() {
  const { t } = useTranslation();
  const user = useUser();
  const request = (useLocation().state as NavState)?.help ?? null;
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
      {status === 'sent' && user.personId && <HelpState personId={user.personId} />}
      <CrisisPrintPage />
      {/* After the plan (which opens with 113 and 116 117): the person's own numbers to tap, and 113 and
          116 117 even when no crisis plan could be read. */}
      {user.personId && <CallLinks personId={user.personId} level={2} />}
    </div>
  );
}
