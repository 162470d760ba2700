import type { Gender } from '@bedring/contract';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../form/error-summary.component.tsx';
import { describedBy, Field, type FieldErrors } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { personPath } from '../record/person-path.ts';
import { ErrorMessage } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { useUnits } from './directory.resource.ts';
import { Genders, osloDate, type ReferrerKind, ReferrerKinds } from './pathway.ts';
import { useRegisterReferral } from './referral.resource.ts';
import { CompletenessWarning, ReferralChecklistFieldset } from './referral-checklist.component.tsx';
import { type Draft, type DraftField, emptyDraft, ORDER, toBody, validate } from './referral-draft.ts';

const ID = 'referral';
const fieldId = (f: DraftField) => `${ID}-${f}`;

/**
 * "Ny henvisning": registers a referral (docs/domain/pathway.md, P-11–P-15) and opens the person's record.
 */
export function ReferralPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('work.referral.title'));
  const navigate = useNavigate();
  const units = useUnits();
  const register = useRegisterReferral();
  const today = osloDate(new Date());
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(today));
  const [errors, setErrors] = useState<FieldErrors<DraftField>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [attempt, setAttempt] = useState(0);

  // Referrals go to treatment units; when there is only one, it is chosen for the user.
  const unitList = units.data?.units.filter((u) => u.kind !== 'administration') ?? [];
  const onlyUnitId = unitList.length === 1 ? unitList[0]?.id : undefined;
  useEffect(() => {
    if (onlyUnitId) setDraft((d) => (d.unitId ? d : { ...d, unitId: onlyUnitId }));
  }, [onlyUnitId]);

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const err = (f: DraftField) => (errors[f] ? t(errors[f]) : undefined);
  const props = (f: DraftField, hint = false) => describedBy(fieldId(f), { hint, error: errors[f] });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found = validate(draft, today);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    register.mutate(toBody(draft), {
      onSuccess: (res) => navigate(personPath(res.personId)),
      onError: (error) => {
        if (isApiError(error, 400, 'unknown_unit')) setErrors({ unitId: 'work.referral.errors.unknownUnit' });
        else if (isApiError(error, 400, 'date_in_future')) setErrors({ receivedOn: 'work.dates.future' });
        else setFailure(error);
        setAttempt((n) => n + 1);
      },
    });
  };

  const summary = ORDER.filter((f) => errors[f]).map((f) => ({
    key: f,
    target: fieldId(f),
    text: t(errors[f] as string),
  }));

  return (
    <div className="work-page">
      <h1>{t('work.referral.title')}</h1>
      <p className="lead">{t('work.referral.intro')}</p>
      <ErrorSummary errors={summary} ref={summaryRef} />
      {failure !== null &&
        (isApiError(failure, 403) ? (
          <p className="message message--error" role="alert">
            {t('work.referral.errors.notAllowed')}
          </p>
        ) : (
          <ErrorMessage error={failure} />
        ))}
      <form className="form referral-form" onSubmit={onSubmit} noValidate>
        <fieldset className="section form-section">
          <legend className="form-section__title">{t('work.referral.personLegend')}</legend>
          <div className="form-grid">
            <Field
              id={fieldId('nationalId')}
              label={t('work.referral.nationalId')}
              hint={t('work.referral.nationalIdHint')}
              error={err('nationalId')}
            >
              <input
                {...props('nationalId', true)}
                className="input--national-id"
                inputMode="numeric"
                autoComplete="off"
                maxLength={11}
                value={draft.nationalId}
                onChange={(e) => set('nationalId')(e.target.value.replace(/\s/g, ''))}
              />
            </Field>
            <Field id={fieldId('givenName')} label={t('work.referral.givenName')} error={err('givenName')}>
              <input
                {...props('givenName')}
                type="text"
                autoComplete="off"
                maxLength={200}
                value={draft.givenName}
                onChange={(e) => set('givenName')(e.target.value)}
              />
            </Field>
            <Field id={fieldId('familyName')} label={t('work.referral.familyName')} error={err('familyName')}>
              <input
                {...props('familyName')}
                type="text"
                autoComplete="off"
                maxLength={200}
                value={draft.familyName}
                onChange={(e) => set('familyName')(e.target.value)}
              />
            </Field>
            <Field id={fieldId('birthDate')} label={t('work.referral.birthDate')} error={err('birthDate')}>
              <input
                {...props('birthDate')}
                type="date"
                max={today}
                value={draft.birthDate}
                onChange={(e) => set('birthDate')(e.target.value)}
              />
            </Field>
            <Field id={fieldId('gender')} label={t('work.referral.gender')} error={err('gender')}>
              <select
                {...props('gender')}
                value={draft.gender}
                onChange={(e) => set('gender')(e.target.value as Gender | '')}
              >
                <option value="">{t('work.choose')}</option>
                {Genders.map((g) => (
                  <option key={g} value={g}>
                    {t(`work.referral.genders.${g}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </fieldset>

        <fieldset className="section form-section">
          <legend className="form-section__title">{t('work.referral.receivedLegend')}</legend>
          <div className="form-grid">
            <Field id={fieldId('unitId')} label={t('work.referral.unit')} error={err('unitId')}>
              <select
                {...props('unitId')}
                value={draft.unitId}
                onChange={(e) => set('unitId')(e.target.value)}
                disabled={units.isPending}
              >
                <option value="">{units.isPending ? t('common.loading') : t('work.choose')}</option>
                {unitList.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={fieldId('receivedOn')}
              label={t('work.referral.receivedOn')}
              hint={t('work.referral.receivedOnHint')}
              error={err('receivedOn')}
            >
              <input
                {...props('receivedOn', true)}
                type="date"
                max={today}
                value={draft.receivedOn}
                onChange={(e) => set('receivedOn')(e.target.value)}
              />
            </Field>
            <Field
              id={fieldId('referrerKind')}
              label={t('work.referral.referrerKind')}
              error={err('referrerKind')}
            >
              <select
                {...props('referrerKind')}
                value={draft.referrerKind}
                onChange={(e) => set('referrerKind')(e.target.value as ReferrerKind | '')}
              >
                <option value="">{t('work.choose')}</option>
                {ReferrerKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`work.referral.referrerKinds.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              id={fieldId('referrerName')}
              label={t('work.referral.referrerName')}
              error={err('referrerName')}
            >
              <input
                {...props('referrerName')}
                type="text"
                maxLength={200}
                value={draft.referrerName}
                onChange={(e) => set('referrerName')(e.target.value)}
              />
            </Field>
            <Field
              id={fieldId('referrerOrganisation')}
              label={t('work.referral.referrerOrganisation')}
              optional
            >
              <input
                id={fieldId('referrerOrganisation')}
                type="text"
                maxLength={200}
                value={draft.referrerOrganisation}
                onChange={(e) => set('referrerOrganisation')(e.target.value)}
              />
            </Field>
          </div>
          <Field id={fieldId('reason')} label={t('work.referral.reason')} optional>
            <textarea
              id={fieldId('reason')}
              rows={4}
              maxLength={4000}
              value={draft.reason}
              onChange={(e) => set('reason')(e.target.value)}
            />
          </Field>
        </fieldset>

        <div className="section form-section">
          <ReferralChecklistFieldset
            idPrefix={`${ID}-checklist`}
            checklist={draft.checklist}
            onChange={set('checklist')}
          />
        </div>

        <fieldset className="section form-section" aria-describedby={`${ID}-coordinator-hint`}>
          <legend className="form-section__title">{t('work.referral.coordinatorLegend')}</legend>
          <p className="hint" id={`${ID}-coordinator-hint`}>
            {t('work.referral.coordinatorHint')}
          </p>
          <div className="form-grid">
            <Field
              id={fieldId('coordinatorName')}
              label={t('work.referral.coordinatorName')}
              error={err('coordinatorName')}
              optional
            >
              <input
                {...props('coordinatorName')}
                type="text"
                maxLength={200}
                value={draft.coordinatorName}
                onChange={(e) => set('coordinatorName')(e.target.value)}
              />
            </Field>
            <Field id={fieldId('coordinatorContact')} label={t('work.referral.coordinatorContact')} optional>
              <input
                id={fieldId('coordinatorContact')}
                type="text"
                maxLength={200}
                value={draft.coordinatorContact}
                onChange={(e) => set('coordinatorContact')(e.target.value)}
              />
            </Field>
          </div>
        </fieldset>

        <div className="referral-form__submit">
          <CompletenessWarning checklist={draft.checklist} />
          <button type="submit" className="button button--primary" disabled={register.isPending}>
            {register.isPending ? t('work.referral.submitting') : t('work.referral.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
