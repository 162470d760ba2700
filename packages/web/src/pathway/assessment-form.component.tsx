import type { AssessmentView } from '@bedring/contract';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../form/error-summary.component.tsx';
import { DateField, RadioGroup, SelectField, TextAreaField } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { useAssess } from './pathway.resource.ts';
import {
  type Dimension,
  type DimensionRatings,
  Dimensions,
  type Level,
  Levels,
  matchOf,
  recommendLevel,
  Severities,
  type Severity,
} from './pathway.ts';
import { RecommendationExplained } from './recommendation.component.tsx';

interface DraftRating {
  now: Severity | null;
  history: Severity | null;
  rationale: string;
}

const emptyRatings = () =>
  Object.fromEntries(Dimensions.map((d) => [d, { now: null, history: null, rationale: '' }])) as Record<
    Dimension,
    DraftRating
  >;

/**
 * Dimensional assessment and level of care (docs/domain/pathway.md, M-01, P-20–P-27). It starts with the
 * person's own goals and resources (P-24); the recommendation, its rule and the dimensions that drove it are
 * shown live while the six dimensions are rated. Choosing another level is the clinician's call, with a
 * reason (P-21).
 */
export function AssessmentForm({
  personId,
  episodeId,
  previous,
  today,
  onSaved,
  onCancel,
}: {
  personId: string;
  episodeId: string;
  previous: AssessmentView | null;
  today: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const assess = useAssess(personId, episodeId);
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [assessedOn, setAssessedOn] = useState(today);
  // The person's goals usually hold from one assessment to the next: start from them, to be checked together.
  const [goals, setGoals] = useState(previous?.personGoals ?? '');
  const [resources, setResources] = useState(previous?.personResources ?? '');
  const [ratings, setRatings] = useState(emptyRatings);
  const [opioid, setOpioid] = useState(previous?.opioidDependence ?? false);
  const [chosen, setChosen] = useState<Level | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => heading.current?.focus(), []);

  const rated = Dimensions.filter((d) => ratings[d].now !== null).length;
  const recommendation = useMemo(() => {
    // Until all six are rated, the unrated count as 0 and the recommendation is called provisional.
    const facts = Object.fromEntries(
      Dimensions.map((d) => [d, { now: ratings[d].now ?? 0, history: ratings[d].history, rationale: '' }]),
    ) as DimensionRatings;
    return recommendLevel({ ratings: facts, opioidDependence: opioid });
  }, [ratings, opioid]);
  const level = chosen ?? recommendation.level;
  const match = matchOf(recommendation.level, level);

  const setRating = (d: Dimension, change: Partial<DraftRating>) =>
    setRatings((r) => ({ ...r, [d]: { ...r[d], ...change } }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!assessedOn || assessedOn > today) p.assessedOn = t('pathway.eventForm.errors.future');
    if (!goals.trim()) p.goals = t('pathway.assessment.errors.goals');
    for (const d of Dimensions) {
      const name = t(`pathway.dimensions.${d}.name`);
      if (ratings[d].now === null) p[`${d}-now`] = t('pathway.assessment.errors.now', { dimension: name });
      if (!ratings[d].rationale.trim())
        p[`${d}-rationale`] = t('pathway.assessment.errors.rationale', { dimension: name });
    }
    if (match !== 'matched' && !reason.trim()) p.reason = t('pathway.assessment.errors.reason');
    setErrors(p);
    setFailure(null);
    if (Object.keys(p).length > 0) return;
    assess.mutate(
      {
        assessedOn,
        personGoals: goals.trim(),
        ...(resources.trim() ? { personResources: resources.trim() } : {}),
        ratings: Object.fromEntries(
          Dimensions.map((d) => [
            d,
            {
              now: ratings[d].now ?? 0,
              ...(ratings[d].history !== null ? { history: ratings[d].history } : {}),
              rationale: ratings[d].rationale.trim(),
            },
          ]),
        ),
        opioidDependence: opioid,
        chosenLevel: level,
        ...(match !== 'matched' ? { matchReason: reason.trim() } : {}),
      },
      {
        onSuccess: onSaved,
        onError: (err) => {
          if (isApiError(err, 400, 'reason_required'))
            setErrors({ reason: t('pathway.assessment.errors.reason') });
          else if (isApiError(err, 403)) setFailure(t('pathway.notAllowed'));
          else if (isApiError(err, 409)) setFailure(t('pathway.eventForm.errors.changed'));
          else setFailure(t('errors.generic'));
        },
      },
    );
  };

  const severityOptions = Severities.map((s) => [String(s), `${s} – ${t(`pathway.severity.${s}`)}`] as const);
  return (
    <form
      className="form pathway-form assessment-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={`${uid}-title`}
    >
      <h4 id={`${uid}-title`} tabIndex={-1} ref={heading}>
        {t('pathway.assessment.formTitle')}
      </h4>
      <p className="hint">{t('pathway.assessment.formIntro')}</p>
      <ErrorSummary title={t('pathway.form.fix')} errors={Object.values(errors)} />
      <DateField
        label={t('pathway.assessment.assessedOn')}
        value={assessedOn}
        onChange={setAssessedOn}
        max={today}
        error={errors.assessedOn}
        required
      />

      <fieldset className="assessment-form__person">
        <legend>{t('pathway.assessment.personTitle')}</legend>
        <TextAreaField
          label={t('pathway.assessment.goals')}
          hint={t('pathway.assessment.goalsHint')}
          value={goals}
          onChange={setGoals}
          maxLength={4000}
          error={errors.goals}
          required
        />
        <TextAreaField
          label={t('pathway.assessment.resources')}
          hint={t('pathway.assessment.resourcesHint')}
          value={resources}
          onChange={setResources}
          maxLength={4000}
        />
      </fieldset>

      <div className="assessment-form__grid">
        <div className="assessment-form__dimensions">
          <h5>{t('pathway.assessment.dimensionsTitle')}</h5>
          <p className="hint">{t('pathway.assessment.scale')}</p>
          {Dimensions.map((d) => {
            const driving = recommendation.drivers.includes(d) && ratings[d].now !== null;
            return (
              <fieldset key={d} className={`dimension${driving ? ' dimension--driver' : ''}`}>
                <legend>
                  {t(`pathway.dimensions.${d}.name`)}
                  {driving && <span className="dimension__driver"> – {t('pathway.assessment.drives')}</span>}
                </legend>
                <p className="hint">{t(`pathway.dimensions.${d}.hint`)}</p>
                <RadioGroup
                  legend={t('pathway.assessment.now')}
                  name={`${uid}-${d}-now`}
                  value={ratings[d].now === null ? null : String(ratings[d].now)}
                  options={severityOptions}
                  onChange={(v) => setRating(d, { now: Number(v) as Severity })}
                  error={errors[`${d}-now`]}
                  inline
                />
                <SelectField
                  label={t('pathway.assessment.history')}
                  value={ratings[d].history === null ? '' : String(ratings[d].history)}
                  onChange={(v) => setRating(d, { history: v === '' ? null : (Number(v) as Severity) })}
                >
                  <option value="">{t('pathway.assessment.historyUnset')}</option>
                  {severityOptions.map(([v, label]) => (
                    <option key={v} value={v}>
                      {label}
                    </option>
                  ))}
                </SelectField>
                <TextAreaField
                  label={t('pathway.assessment.rationale')}
                  value={ratings[d].rationale}
                  onChange={(v) => setRating(d, { rationale: v })}
                  rows={2}
                  error={errors[`${d}-rationale`]}
                  required
                />
              </fieldset>
            );
          })}
          <div className="checkbox">
            <input
              id={`${uid}-opioid`}
              type="checkbox"
              checked={opioid}
              onChange={(e) => setOpioid(e.target.checked)}
            />
            <label htmlFor={`${uid}-opioid`}>{t('pathway.assessment.opioid')}</label>
          </div>
        </div>

        <aside className="recommendation" aria-labelledby={`${uid}-rec`}>
          <h5 id={`${uid}-rec`}>{t('pathway.assessment.recommendationTitle')}</h5>
          <div aria-live="polite" aria-atomic="true">
            <RecommendationExplained
              recommendation={recommendation}
              ratings={ratings}
              {...(rated < Dimensions.length ? { provisional: { rated, of: Dimensions.length } } : {})}
            />
          </div>
        </aside>
      </div>

      <RadioGroup
        legend={t('pathway.assessment.chosen')}
        hint={t('pathway.assessment.chosenHint')}
        name={`${uid}-level`}
        value={level}
        options={Levels.map(
          (l) =>
            [
              l,
              l === recommendation.level
                ? `${t(`pathway.levels.${l}`)} (${t('pathway.assessment.recommendedMark')})`
                : t(`pathway.levels.${l}`),
            ] as const,
        )}
        onChange={(l) => setChosen(l === recommendation.level ? null : l)}
      />
      {match !== 'matched' && (
        <div className="message message--info" aria-live="polite">
          <p>
            {t(`pathway.match.${match}`)}. {t('pathway.assessment.otherLevel')}
          </p>
        </div>
      )}
      {match !== 'matched' && (
        <TextAreaField
          label={t('pathway.assessment.reason')}
          hint={t('pathway.assessment.reasonHint')}
          value={reason}
          onChange={setReason}
          error={errors.reason}
          required
        />
      )}
      {failure && (
        <p className="message message--error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={assess.isPending}>
          {assess.isPending ? t('common.saving') : t('pathway.assessment.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
