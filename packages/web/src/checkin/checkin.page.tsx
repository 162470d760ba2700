import type { StoredCheckin } from '@bedring/contract';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { useCheckinForm, useSendCheckin } from './checkin.resource.ts';
import { CheckinFormFields } from './checkin-form.component.tsx';
import { HelpNowButton } from './help-now-button.component.tsx';
import { ReminderForm } from './reminder-form.component.tsx';
import { SignalSteps } from './signal-steps.component.tsx';

type Outcome = { queued: true } | { queued: false; checkin: StoredCheckin };

/** /min-side/innsjekk: the daily check-in, what it showed with the steps of the person's own plan, the reminder. */
export function CheckinPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('checkin.title'));
  const user = useUser();
  const personId = user.personId ?? '';
  const form = useCheckinForm(personId);
  const send = useSendCheckin(personId);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) doneRef.current?.focus();
  }, [outcome]);

  return (
    <div className="checkin-page">
      <p className="breadcrumb">
        <Link to="/min-side">{t('checkin.back')}</Link>
      </p>
      <h1>{t('checkin.title')}</h1>
      <HelpNowButton />
      {outcome ? (
        <div className="checkin-done" ref={doneRef} tabIndex={-1} role="status">
          <p className="message message--info">
            {outcome.queued ? t('checkin.queued') : t('checkin.thanks')}
          </p>
          {!outcome.queued && <SignalSteps signals={outcome.checkin.signals} />}
          <p>
            <Link to="/min-side">{t('checkin.back')}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="lead">{t('checkin.intro')}</p>
          {form.isPending && <Loading />}
          {form.isError && <ErrorMessage error={form.error} onRetry={() => form.refetch()} />}
          {form.data && (
            <>
              {form.data.checkedInToday > 0 && (
                <p className="message message--info">{t('checkin.alreadyToday')}</p>
              )}
              <CheckinFormFields
                form={form.data}
                sending={send.isPending}
                onSend={(checkin) =>
                  send.mutate(checkin, {
                    onSuccess: (r) =>
                      setOutcome(
                        r.queued ? { queued: true } : { queued: false, checkin: r.response.checkin },
                      ),
                  })
                }
              />
              {send.isError && <ErrorMessage error={send.error} />}
              <p className="hint">{t('checkin.whoSees')}</p>
              <ReminderForm personId={personId} remindAt={form.data.remindAt} />
            </>
          )}
        </>
      )}
    </div>
  );
}
