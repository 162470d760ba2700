import { type ContactKind, ContactKinds, type InstrumentSummary } from '@bedring/contract';
import { osloDate } from '@bedring/domain/pathway/calendar';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../form/error-summary.component.tsx';
import { DateField, RadioGroup, TextAreaField } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import type { OpenForm } from './due-questionnaires.component.tsx';
import { useRecordContact } from './questionnaire.resource.ts';
import { langOf, titleIn } from './questionnaire-text.ts';

/**
 * "Registrer kontakt": a contact with the person, recorded in a few seconds. It plans what the
 * organisation asks after each contact (session feedback), and offers to ask for it at once, while the
 * person is still there.
 */
export function ContactBlock({
  personId,
  instruments,
  onAsk,
}: {
  personId: string;
  instruments: InstrumentSummary[];
  onAsk: (form: OpenForm) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const today = osloDate(new Date());
  const record = useRecordContact(personId);
  const [date, setDate] = useState(today);
  const [kind, setKind] = useState<ContactKind | null>('meeting');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<{ id: string; planned: string[] } | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (recorded) doneRef.current?.focus();
  }, [recorded]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!date) problems.date = t('questionnaire.contact.errors.date');
    else if (date > today) problems.date = t('questionnaire.contact.errors.future');
    if (!kind) problems.kind = t('questionnaire.contact.errors.kind');
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length > 0 || !kind) return;
    record.mutate(
      { contactOn: date, kind, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (result) => {
          setRecorded(result);
          setNote('');
        },
        onError: (err) => {
          if (isApiError(err, 400, 'date_in_future')) setFailure(t('questionnaire.contact.errors.future'));
          else if (isApiError(err, 403)) setFailure(t('questionnaire.form.notAllowed'));
          else setFailure(t('errors.generic'));
        },
      },
    );
  };

  const planned = (recorded?.planned ?? []).flatMap((id) => {
    const instrument = instruments.find((i) => i.id === id);
    return instrument?.settings.answeredBy.includes('staff') ? [instrument] : [];
  });

  return (
    <section className="q-block" aria-labelledby="q-contact-title">
      <h3 id="q-contact-title">{t('questionnaire.contact.title')}</h3>
      <div ref={doneRef} tabIndex={-1} className="task-done" role="status">
        {recorded && (
          <div className="message message--info">
            <p>{t('questionnaire.contact.recorded')}</p>
            {planned.length > 0 && (
              <>
                <p>{t('questionnaire.contact.askNowIntro')}</p>
                <div className="actions">
                  {planned.map((i) => (
                    <button
                      key={i.id}
                      type="button"
                      className="button button--primary"
                      onClick={() =>
                        onAsk({ questionnaireId: i.id, responseId: null, contactId: recorded.id })
                      }
                    >
                      {t('questionnaire.contact.askNow', { title: titleIn(i, lang) })}
                    </button>
                  ))}
                </div>
              </>
            )}
          </div>
        )}
      </div>
      <form className="form q-contact-form" onSubmit={onSubmit} noValidate aria-labelledby="q-contact-title">
        <ErrorSummary title={t('questionnaire.contact.fix')} errors={Object.values(errors)} />
        <div className="form-row">
          <DateField
            label={t('questionnaire.contact.date')}
            value={date}
            onChange={setDate}
            max={today}
            error={errors.date}
            required
          />
        </div>
        <RadioGroup
          legend={t('questionnaire.contact.kind')}
          name="q-contact-kind"
          value={kind}
          options={ContactKinds.map((k) => [k, t(`questionnaire.contact.kinds.${k}`)] as const)}
          onChange={setKind}
          error={errors.kind}
          inline
        />
        <TextAreaField
          label={t('questionnaire.contact.note')}
          hint={t('questionnaire.contact.noteHint')}
          value={note}
          onChange={setNote}
          rows={2}
        />
        {failure && (
          <p className="message message--error" role="alert">
            {failure}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button--secondary" disabled={record.isPending}>
            {record.isPending ? t('common.saving') : t('questionnaire.contact.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
