import type { RiskAssessmentView } from '@bedring/contract';
import {
  type RiskKind,
  RiskKinds,
  type RiskLevel,
  RiskLevels,
} from '@bedring/domain/pathway/risk-assessment.rules';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { DateField, RadioGroup, SelectField, TextAreaField } from '../form/field.component.tsx';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { osloDate } from './pathway.ts';
import { useAddRiskAssessment, useRiskAssessments } from './risk-assessment.resource.ts';

/** Who reads and who assesses on the person page (the domain's RiskReaderRoles less the person, who has Min side). */
const READERS = ['leader', 'clinician', 'milieu', 'municipal'];
const ASSESSORS = ['leader', 'clinician'];

/**
 * "Risikovurderinger": suicide- and violence-risk assessments as dated, signed notes, newest first
 * (docs/decisions/0019-relatives-and-risk.md). A municipal worker sees those shared with the handover.
 */
export function RiskAssessments({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const mayRead = READERS.includes(user.role);
  const query = useRiskAssessments(personId, mayRead);
  const [adding, setAdding] = useState(false);
  if (!mayRead) return null;
  const mayAssess = ASSESSORS.includes(user.role);
  return (
    <section className="section risk" id="risk-assessments" aria-labelledby="risk-title">
      <div className="section__head">
        <h2 id="risk-title">{t('risk.title')}</h2>
        {mayAssess && !adding && (
          <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
            {t('risk.add')}
          </button>
        )}
      </div>
      <p className="section__intro">
        {user.role === 'municipal' ? t('risk.introMunicipal') : t('risk.intro')}
      </p>
      {adding && <RiskForm personId={personId} onDone={() => setAdding(false)} />}
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data &&
        (query.data.assessments.length === 0 ? (
          <p className="empty">{t('risk.none')}</p>
        ) : (
          <ul className="risk__list">
            {query.data.assessments.map((a) => (
              <Assessment key={a.id} assessment={a} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function Assessment({ assessment: a }: { assessment: RiskAssessmentView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="risk__item">
      <h3 className="risk__heading">
        {t(`labels.riskKinds.${a.kind}`)}:{' '}
        <span className={a.raised ? 'risk__level risk__level--raised' : 'risk__level'}>
          {t(`labels.riskLevels.${a.level}`)}
        </span>
      </h3>
      {a.raised && <p className="message message--warning">{t('risk.raised')}</p>}
      <dl className="facts">
        <div>
          <dt>{t('risk.factors')}</dt>
          <dd>{a.factors}</dd>
        </div>
        <div>
          <dt>{t('risk.plan')}</dt>
          <dd>{a.plan}</dd>
        </div>
        <div>
          <dt>{t('risk.handover')}</dt>
          <dd>{a.shareAtHandover ? t('risk.shared') : t('risk.notShared')}</dd>
        </div>
      </dl>
      <p className="meta">
        {t('risk.assessedBy', {
          date: format.calendarDate(a.assessedOn),
          name: a.assessor.name,
          role: t(`roles.${a.assessor.role}`),
        })}
      </p>
    </li>
  );
}

function RiskForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const add = useAddRiskAssessment(personId);
  const today = osloDate(new Date());
  const [kind, setKind] = useState<RiskKind>('suicide');
  const [assessedOn, setAssessedOn] = useState(today);
  const [level, setLevel] = useState<RiskLevel | ''>('');
  const [factors, setFactors] = useState('');
  const [plan, setPlan] = useState('');
  const [share, setShare] = useState<'yes' | 'no' | null>(null);
  const [errors, setErrors] = useState<Partial<Record<'level' | 'factors' | 'plan' | 'share', string>>>({});
  useEffect(() => heading.current?.focus(), []);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!level) found.level = t('risk.form.levelMissing');
    if (!factors.trim()) found.factors = t('risk.form.factorsMissing');
    if (!plan.trim()) found.plan = t('risk.form.planMissing');
    if (!share) found.share = t('risk.form.shareMissing');
    setErrors(found);
    if (Object.keys(found).length > 0 || !level) return;
    add.mutate(
      {
        kind,
        assessedOn,
        level,
        factors: factors.trim(),
        plan: plan.trim(),
        shareAtHandover: share === 'yes',
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form risk-form" onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`} tabIndex={-1} ref={heading}>
        {t('risk.form.title')}
      </h3>
      <RadioGroup<RiskKind>
        legend={t('risk.form.kind')}
        name={`${uid}-kind`}
        value={kind}
        inline
        options={RiskKinds.map((k) => [k, t(`labels.riskKinds.${k}`)] as const)}
        onChange={setKind}
      />
      <DateField label={t('risk.form.assessedOn')} value={assessedOn} max={today} onChange={setAssessedOn} />
      <SelectField
        label={t('risk.form.level')}
        hint={t('risk.form.levelHint')}
        value={level}
        error={errors.level}
        onChange={(v) => setLevel(v as RiskLevel | '')}
      >
        <option value="">{t('risk.form.choose')}</option>
        {RiskLevels.map((l) => (
          <option key={l} value={l}>
            {t(`labels.riskLevels.${l}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('risk.factors')}
        hint={t('risk.form.factorsHint')}
        value={factors}
        error={errors.factors}
        maxLength={4000}
        onChange={setFactors}
      />
      <TextAreaField
        label={t('risk.plan')}
        value={plan}
        error={errors.plan}
        maxLength={4000}
        onChange={setPlan}
      />
      <RadioGroup<'yes' | 'no'>
        legend={t('risk.form.share')}
        hint={t('risk.form.shareHint')}
        error={errors.share}
        name={`${uid}-share`}
        value={share}
        inline
        options={[
          ['yes', t('relatives.yes')],
          ['no', t('relatives.no')],
        ]}
        onChange={setShare}
      />
      {add.isError && <ErrorMessage error={add.error} />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? t('common.saving') : t('risk.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
