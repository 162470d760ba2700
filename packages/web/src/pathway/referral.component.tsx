import type { ReferralView } from '@bedring/contract';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../form/error-summary.component.tsx';
import { DateField, RadioGroup, TextAreaField } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { useFormat } from '../i18n/format.ts';
import { useAssessReferral } from './pathway.resource.ts';
import { type ReferralOutcome, ReferralOutcomes } from './pathway.ts';

/**
 * The referral (docs/domain/pathway.md, P-11–P-15): who referred, when, why, and how complete it is; then its
 * assessment.
 */
export function ReferralFacts({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const date = format.calendarDate;
  const r = referral;
  const a = r.assessment;
  return (
    <div className="pathway-block">
      <h4>{t('pathway.referral.title')}</h4>
      <dl className="facts facts--stacked">
        <div>
          <dt>{t('pathway.referral.receivedOn')}</dt>
          <dd>{date(r.receivedOn)}</dd>
        </div>
        <div>
          <dt>{t('pathway.referral.referrer')}</dt>
          <dd>
            {r.referrer.name} ({t(`pathway.referrerKinds.${r.referrer.kind}`)}
            {r.referrer.organisation && `, ${r.referrer.organisation}`})
          </dd>
        </div>
        {r.reason && (
          <div>
            <dt>{t('pathway.referral.reason')}</dt>
            <dd className="pre-line">{r.reason}</dd>
          </div>
        )}
        {r.coordinator.name && (
          <div>
            <dt>{t('pathway.referral.coordinator')}</dt>
            <dd>
              {r.coordinator.name}
              {r.coordinator.contact && ` (${r.coordinator.contact})`}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('pathway.referral.completeness')}</dt>
          <dd>
            {t('pathway.referral.done', { done: r.completeness.done, total: r.completeness.total })}
            {r.completeness.missing.length > 0 && (
              <>
                {' – '}
                {t('pathway.referral.missing')}{' '}
                {r.completeness.missing.map((m) => t(`pathway.referralChecklist.${m}`)).join(', ')}
              </>
            )}
          </dd>
        </div>
        {a && (
          <>
            <div>
              <dt>{t('pathway.referral.assessed')}</dt>
              <dd>
                {date(a.assessedOn)}: {t(`pathway.referralOutcomes.${a.outcome}`)}
                {a.assessedBy && ` (${a.assessedBy})`}
              </dd>
            </div>
            {a.treatmentStartDeadline && (
              <div>
                <dt>{t('pathway.referral.startDeadline')}</dt>
                <dd>{date(a.treatmentStartDeadline)}</dd>
              </div>
            )}
            <div>
              <dt>{t('pathway.referral.letters')}</dt>
              <dd>
                {t('pathway.referral.letterToPerson')}:{' '}
                {a.letterToPersonOn ? date(a.letterToPersonOn) : t('pathway.referral.notSent')};{' '}
                {t('pathway.referral.letterToReferrer')}:{' '}
                {a.letterToReferrerOn ? date(a.letterToReferrerOn) : t('pathway.referral.notSent')}
              </dd>
            </div>
            {a.note && (
              <div>
                <dt>{t('pathway.referral.note')}</dt>
                <dd>{a.note}</dd>
              </div>
            )}
          </>
        )}
      </dl>
    </div>
  );
}

/** The assessment of the referral (P-16, P-17): outcome, the rights deadline, letters sent. */
export function ReferralAssessmentForm({
  personId,
  referral,
  today,
  onSaved,
  onCancel,
}: {
  personId: string;
  referral: ReferralView;
  today: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const assess = useAssessReferral(personId, referral.id);
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [assessedOn, setAssessedOn] = useState(today);
  const [outcome, setOutcome] = useState<ReferralOutcome | null>(null);
  const [deadline, setDeadline] = useState('');
  const [note, setNote] = useState('');
  const [letterToPerson, setLetterToPerson] = useState('');
  const [letterToReferrer, setLetterToReferrer] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => heading.current?.focus(), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!assessedOn || assessedOn > today) p.assessedOn = t('pathway.eventForm.errors.future');
    else if (assessedOn < referral.receivedOn)
      p.assessedOn = t('pathway.referralForm.errors.beforeReceived', {
        date: format.calendarDate(referral.receivedOn),
      });
    if (!outcome) p.outcome = t('pathway.referralForm.errors.outcome');
    if (outcome === 'right-to-treatment') {
      if (!deadline) p.deadline = t('pathway.referralForm.errors.deadline');
      else if (deadline < assessedOn) p.deadline = t('pathway.referralForm.errors.deadlineBefore');
    }
    setErrors(p);
    setFailure(null);
    if (Object.keys(p).length > 0 || !outcome) return;
    assess.mutate(
      {
        assessedOn,
        outcome,
        ...(outcome === 'right-to-treatment' ? { treatmentStartDeadline: deadline } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(letterToPerson ? { letterToPersonOn: letterToPerson } : {}),
        ...(letterToReferrer ? { letterToReferrerOn: letterToReferrer } : {}),
      },
      {
        onSuccess: onSaved,
        onError: (err) =>
          setFailure(
            isApiError(err, 400)
              ? err.message
              : isApiError(err, 403)
                ? t('pathway.notAllowed')
                : t('errors.generic'),
          ),
      },
    );
  };

  return (
    <form className="form pathway-form" onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-title`}>
      <h4 id={`${uid}-title`} tabIndex={-1} ref={heading}>
        {t('pathway.referralForm.title')}
      </h4>
      <ErrorSummary title={t('pathway.form.fix')} errors={Object.values(errors)} />
      <DateField
        label={t('pathway.referralForm.assessedOn')}
        value={assessedOn}
        onChange={setAssessedOn}
        min={referral.receivedOn}
        max={today}
        error={errors.assessedOn}
        required
      />
      <RadioGroup
        legend={t('pathway.referralForm.outcome')}
        name={`${uid}-outcome`}
        value={outcome}
        options={ReferralOutcomes.map((o) => [o, t(`pathway.referralOutcomes.${o}`)] as const)}
        onChange={setOutcome}
        error={errors.outcome}
      />
      {outcome === 'right-to-treatment' && (
        <DateField
          label={t('pathway.referralForm.deadline')}
          hint={t('pathway.referralForm.deadlineHint')}
          value={deadline}
          onChange={setDeadline}
          min={assessedOn}
          error={errors.deadline}
          required
        />
      )}
      {outcome === 'no-need' && <p className="message message--info">{t('pathway.referralForm.noNeed')}</p>}
      <div className="form-row">
        <DateField
          label={t('pathway.referralForm.letterToPerson')}
          value={letterToPerson}
          onChange={setLetterToPerson}
        />
        <DateField
          label={t('pathway.referralForm.letterToReferrer')}
          value={letterToReferrer}
          onChange={setLetterToReferrer}
        />
      </div>
      <TextAreaField label={t('pathway.referralForm.note')} value={note} onChange={setNote} />
      {failure && (
        <p className="message message--error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={assess.isPending}>
          {assess.isPending ? t('common.saving') : t('pathway.referralForm.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
