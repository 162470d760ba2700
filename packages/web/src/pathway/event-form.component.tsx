import type { EpisodeView, EventResult } from '@bedring/contract';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../form/error-summary.component.tsx';
import { DateField, RadioGroup, SelectField, TextAreaField } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { useFormat } from '../i18n/format.ts';
import { type NewEvent, useRecordEvent } from './pathway.resource.ts';
import {
  type DeadlineKind,
  type EndOutcome,
  EndOutcomes,
  HelpNeeded,
  type HelpNeededAtDischarge,
  type RecordableEventKind,
  readiness,
  type Setting,
  Settings,
} from './pathway.ts';

/** The deadlines an event meets (time-limits.rules.ts), to warn before saving that one is passed. */
const meets: Partial<Record<RecordableEventKind, DeadlineKind[]>> = {
  'first-attendance': ['treatment-start'],
  'clinical-decision': ['clinical-decision'],
  evaluation: ['first-evaluation', 'next-evaluation'],
  'round-started': ['next-treatment-after-detox'],
};

/**
 * One event on the episode (first attendance, clinical decision, evaluation, discharge …). Rules warn
 * and never block (docs/domain/care-principles.md, U-13): a passed deadline or a discharge checklist with
 * gaps is said calmly before saving, with room to say why, and the event is saved all the same.
 */
export function EventForm({
  personId,
  episode,
  kind,
  today,
  onSaved,
  onCancel,
}: {
  personId: string;
  episode: EpisodeView;
  kind: RecordableEventKind;
  today: string;
  onSaved: (result: EventResult, event: NewEvent) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const record = useRecordEvent(personId, episode.id);
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const lastDate = episode.events.at(-1)?.date ?? episode.openedOn;
  const needsSetting = kind === 'first-attendance' || kind === 'round-started';
  const [date, setDate] = useState(today);
  const [setting, setSetting] = useState<Setting | null>(
    needsSetting ? (episode.plannedSetting ?? null) : null,
  );
  const [withPerson, setWithPerson] = useState<'yes' | 'no' | null>(null);
  const [feedbackTool, setFeedbackTool] = useState(false);
  const [outcome, setOutcome] = useState<EndOutcome | null>(null);
  const [helpNeeded, setHelpNeeded] = useState<HelpNeededAtDischarge | ''>(
    episode.dischargeChecklist?.helpNeeded ?? '',
  );
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => heading.current?.focus(), []);

  // Passed deadlines this event would meet, and discharge gaps: said before saving, never blocking.
  const late = (meets[kind] ?? []).flatMap((k) =>
    episode.deadlines.filter((d) => d.kind === k && !d.metOn && !d.closedOn && date > d.dueOn),
  );
  const gaps =
    kind === 'discharged' ? readiness(episode.dischargeChecklist?.items ?? {}).gaps : ([] as string[]);
  const warned = late.length > 0 || gaps.length > 0;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!date) problems.date = t('pathway.eventForm.errors.date');
    else if (date > today) problems.date = t('pathway.eventForm.errors.future');
    else if (date < lastDate)
      problems.date = t('pathway.eventForm.errors.beforeLast', { date: format.calendarDate(lastDate) });
    if (needsSetting && !setting) problems.setting = t('pathway.eventForm.errors.setting');
    if (kind === 'evaluation' && !withPerson) problems.withPerson = t('pathway.eventForm.errors.withPerson');
    if (kind === 'ended' && !outcome) problems.outcome = t('pathway.eventForm.errors.outcome');
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length > 0) return;
    const body: NewEvent = {
      kind,
      date,
      ...(needsSetting && setting ? { setting } : {}),
      ...(kind === 'evaluation' ? { withPerson: withPerson === 'yes', feedbackToolUsed: feedbackTool } : {}),
      ...(kind === 'ended' && outcome ? { outcome } : {}),
      ...(kind === 'discharged' && helpNeeded ? { helpNeeded } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    record.mutate(body, {
      onSuccess: (result) => onSaved(result, body),
      onError: (err) => {
        if (isApiError(err, 409, 'event_before_previous'))
          setFailure(t('pathway.eventForm.errors.beforeLast', { date: format.calendarDate(lastDate) }));
        else if (isApiError(err, 409)) setFailure(t('pathway.eventForm.errors.changed'));
        else if (isApiError(err, 400, 'date_in_future')) setFailure(t('pathway.eventForm.errors.future'));
        else if (isApiError(err, 403)) setFailure(t('pathway.notAllowed'));
        else setFailure(t('errors.generic'));
      },
    });
  };

  const problemList = Object.values(errors);
  return (
    <form className="form pathway-form" onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-title`}>
      <h4 id={`${uid}-title`} tabIndex={-1} ref={heading}>
        {t('pathway.eventForm.title', { event: t(`pathway.events.${kind}`) })}
      </h4>
      <p className="hint">{t(`pathway.eventForm.hints.${kind}`)}</p>
      <ErrorSummary title={t('pathway.form.fix')} errors={problemList} />
      <DateField
        label={t('pathway.eventForm.date')}
        value={date}
        onChange={setDate}
        min={lastDate}
        max={today}
        error={errors.date}
        required
      />
      {needsSetting && (
        <RadioGroup
          legend={t('pathway.eventForm.setting')}
          name={`${uid}-setting`}
          value={setting}
          options={Settings.map((s) => [s, t(`pathway.settings.${s}`)] as const)}
          onChange={setSetting}
          error={errors.setting}
          inline
        />
      )}
      {kind === 'evaluation' && (
        <>
          <RadioGroup
            legend={t('pathway.eventForm.withPerson')}
            name={`${uid}-with`}
            value={withPerson}
            options={[
              ['yes', t('pathway.yes')],
              ['no', t('pathway.no')],
            ]}
            onChange={setWithPerson}
            error={errors.withPerson}
            inline
          />
          <div className="checkbox">
            <input
              id={`${uid}-tool`}
              type="checkbox"
              checked={feedbackTool}
              onChange={(e) => setFeedbackTool(e.target.checked)}
            />
            <label htmlFor={`${uid}-tool`}>{t('pathway.eventForm.feedbackTool')}</label>
          </div>
        </>
      )}
      {kind === 'ended' && (
        <RadioGroup
          legend={t('pathway.eventForm.outcome')}
          hint={t('pathway.eventForm.outcomeHint')}
          name={`${uid}-outcome`}
          value={outcome}
          options={EndOutcomes.map((o) => [o, t(`pathway.outcomes.${o}`)] as const)}
          onChange={setOutcome}
          error={errors.outcome}
        />
      )}
      {kind === 'discharged' && (
        <SelectField
          label={t('pathway.eventForm.helpNeeded')}
          value={helpNeeded}
          onChange={(v) => setHelpNeeded(v as HelpNeededAtDischarge | '')}
        >
          <option value="">{t('pathway.eventForm.helpNeededUnset')}</option>
          {HelpNeeded.map((h) => (
            <option key={h} value={h}>
              {t(`pathway.helpNeeded.${h}`)}
            </option>
          ))}
        </SelectField>
      )}
      <TextAreaField label={t('pathway.eventForm.note')} value={note} onChange={setNote} />
      {warned && (
        <div className="message message--info" id={`${uid}-warned`}>
          {late.map((d) => (
            <p key={`${d.kind}-${d.startsOn}`}>
              {t('pathway.eventForm.lateNotice', {
                deadline: t(`pathway.deadlineKinds.${d.kind}`).toLocaleLowerCase(i18n.language),
                date: format.calendarDate(d.dueOn),
              })}
            </p>
          ))}
          {gaps.length > 0 && <p>{t('pathway.eventForm.gapsNotice', { count: gaps.length })}</p>}
          <p>{t('pathway.eventForm.saveAnyway')}</p>
        </div>
      )}
      <TextAreaField
        label={warned ? t('pathway.eventForm.reasonWarned') : t('pathway.eventForm.reason')}
        hint={t('pathway.eventForm.reasonHint')}
        value={reason}
        onChange={setReason}
      />
      {failure && (
        <p className="message message--error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={record.isPending}>
          {record.isPending ? t('common.saving') : t('pathway.eventForm.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
