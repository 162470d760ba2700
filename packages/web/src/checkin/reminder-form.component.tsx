import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../shell/status.component.tsx';
import { useSetReminder } from './checkin.resource.ts';

/**
 * The time the person wants to be reminded to check in. Min side shows the reminder after that time
 * on a day without a check-in, and the server sends a notice then (delivered by the SMS or push service
 * the operator chooses; see the operator guide).
 */
export function ReminderForm({ personId, remindAt }: { personId: string; remindAt: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [time, setTime] = useState(remindAt ?? '');
  const save = useSetReminder(personId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(time || null);
  };
  return (
    <form className="reminder-form" onSubmit={submit}>
      <h2>{t('checkin.reminder.title')}</h2>
      <p className="hint" id={`${id}-hint`}>
        {remindAt ? t('checkin.reminder.current', { time: remindAt }) : t('checkin.reminder.none')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-time`}>{t('checkin.reminder.label')}</label>
        <input
          id={`${id}-time`}
          type="time"
          value={time}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setTime(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={save.isPending}>
          {t('checkin.reminder.save')}
        </button>
        {remindAt && (
          <button
            type="button"
            className="button button--quiet"
            disabled={save.isPending}
            onClick={() => {
              setTime('');
              save.mutate(null);
            }}
          >
            {t('checkin.reminder.off')}
          </button>
        )}
      </div>
      <div role="status">
        {save.isSuccess && <p className="message message--info">{t('checkin.reminder.saved')}</p>}
      </div>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}
