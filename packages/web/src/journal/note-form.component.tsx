import type { JournalNoteCreated } from '@bedring/contract';
import { type JournalKind, JournalKinds } from '@bedring/domain/journal/journal';
import { osloDate } from '@bedring/domain/pathway/calendar';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../form/error-summary.component.tsx';
import { DateField, describedBy, Field, RadioGroup, TextAreaField } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { usePlans } from '../plan/plan.resource.ts';
import { useWriteNote } from './journal.resource.ts';

const nowTime = () => new Date().toTimeString().slice(0, 5);

/**
 * "Skriv journalnotat" (docs/decisions/0014-journal.md): a contact with the person as a note in the record —
 * the kind of contact ("not at home / did not come" too), when it was, what was said, and the person's goals
 * it was about. Saved as a draft, or signed at once; a signed note is only amended afterwards. The contact
 * plans what the organisation asks after each contact (session feedback), as before.
 */
export function NoteForm({
  personId,
  onWritten,
}: {
  personId: string;
  onWritten: (result: JournalNoteCreated) => void;
}) {
  const { t } = useTranslation();
  const today = osloDate(new Date());
  const write = useWriteNote(personId);
  const plans = usePlans(personId);
  const [date, setDate] = useState(today);
  const [time, setTime] = useState(nowTime);
  const [kind, setKind] = useState<JournalKind | null>('meeting');
  const [text, setText] = useState('');
  const [linked, setLinked] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const timeId = useId();
  const goalsId = useId();

  // The person's goals and measures in the treatment plan, in their words, to link the note to.
  const entries = (plans.data?.plans ?? [])
    .filter((p) => p.kind === 'treatment')
    .flatMap((p) => p.entries)
    .filter((e) => !e.retired);

  const submit = (sign: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    const problems: Record<string, string> = {};
    if (!date) problems.date = t('journal.form.errors.date');
    else if (date > today) problems.date = t('journal.form.errors.future');
    if (!/^\d{2}:\d{2}$/.test(time)) problems.time = t('journal.form.errors.time');
    if (!kind) problems.kind = t('journal.form.errors.kind');
    if (!text.trim()) problems.text = t('journal.form.errors.text');
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length > 0 || !kind) return;
    const contactAt = new Date(`${date}T${time}:00`).toISOString();
    write.mutate(
      { contactAt, kind, text: text.trim(), planEntryIds: linked, sign },
      {
        onSuccess: (result) => {
          setText('');
          setLinked([]);
          onWritten(result);
        },
        onError: (err) => {
          if (isApiError(err, 400, 'date_in_future')) setFailure(t('journal.form.errors.future'));
          else if (isApiError(err, 403)) setFailure(t('journal.form.notAllowed'));
          else setFailure(t('errors.generic'));
        },
      },
    );
  };

  return (
    <form
      className="form journal-form"
      onSubmit={submit(true)}
      noValidate
      aria-label={t('journal.form.title')}
    >
      <ErrorSummary title={t('journal.form.fix')} errors={Object.values(errors)} />
      <RadioGroup
        legend={t('journal.form.kind')}
        name="journal-kind"
        value={kind}
        options={JournalKinds.map((k) => [k, t(`journal.kinds.${k}`)] as const)}
        onChange={setKind}
        error={errors.kind}
        inline
      />
      <div className="form-row">
        <DateField
          label={t('journal.form.date')}
          value={date}
          onChange={setDate}
          max={today}
          error={errors.date}
          required
        />
        <Field id={timeId} label={t('journal.form.time')} error={errors.time}>
          <input
            {...describedBy(timeId, { error: errors.time })}
            type="time"
            value={time}
            required
            onChange={(e) => setTime(e.target.value)}
          />
        </Field>
      </div>
      <TextAreaField
        label={t('journal.form.text')}
        hint={t('journal.form.textHint')}
        value={text}
        onChange={setText}
        rows={5}
        maxLength={20000}
        error={errors.text}
        required
      />
      {entries.length > 0 && (
        <fieldset className="choice-group" aria-describedby={`${goalsId}-hint`}>
          <legend>{t('journal.form.goals')}</legend>
          <p className="hint" id={`${goalsId}-hint`}>
            {t('journal.form.goalsHint')}
          </p>
          <div className="choices">
            {entries.map((entry) => (
              <label key={entry.id} className="choice">
                <input
                  type="checkbox"
                  checked={linked.includes(entry.id)}
                  onChange={(e) =>
                    setLinked((now) =>
                      e.target.checked ? [...now, entry.id] : now.filter((id) => id !== entry.id),
                    )
                  }
                />
                <span>
                  {t(`labels.section.${entry.section}`)}: {entry.text}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {failure && (
        <p className="message message--error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={write.isPending}>
          {write.isPending ? t('common.saving') : t('journal.form.sign')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={write.isPending}
          onClick={() => submit(false)()}
        >
          {t('journal.form.saveDraft')}
        </button>
      </div>
    </form>
  );
}
