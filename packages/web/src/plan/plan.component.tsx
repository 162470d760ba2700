import type { PlanView } from '@bedring/contract';
import { PlanSections } from '@bedring/domain/plan/plan';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { PlanHistory } from './plan-history.component.tsx';
import type { Viewer } from './plan-permissions.ts';
import { PlanSection } from './plan-section.component.tsx';
import { PlanWarnings } from './plan-warnings.component.tsx';
import { Signature } from './signature.component.tsx';

/**
 * One of the person's plans as a section of the page: warnings, its sections in order (goals first),
 * what belongs to the kind (children: emergency numbers, lapses…), co-signature and history.
 */
export function Plan({
  personId,
  plan,
  viewer,
  before,
  children,
}: {
  personId: string;
  plan: PlanView;
  viewer: Viewer;
  before?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const self = viewer === 'self' ? 'Self' : '';
  const titleId = `plan-${plan.kind}-title`;
  return (
    <section className="section plan" id={`plan-${plan.kind}`} aria-labelledby={titleId}>
      <div className="section__head">
        <h2 id={titleId}>{t(`plan.kinds.${plan.kind}.title${self}`)}</h2>
        {plan.version > 0 && plan.changedAt && (
          <p className="meta">
            {t('plan.versionLine', { version: plan.version, date: format.date(plan.changedAt) })}
          </p>
        )}
      </div>
      <p className="section__intro">{t(`plan.kinds.${plan.kind}.intro${self}`)}</p>
      <PlanWarnings warnings={plan.warnings} viewer={viewer} />
      {before}
      {PlanSections[plan.kind].map((section) => (
        <PlanSection
          key={section}
          personId={personId}
          kind={plan.kind}
          section={section}
          entries={plan.entries}
        />
      ))}
      {plan.kind === 'treatment' && plan.nextEvaluationOn && (
        <p className="meta">
          {t('plan.nextEvaluation', { date: format.calendarDate(plan.nextEvaluationOn) })}
        </p>
      )}
      {children}
      <Signature personId={personId} plan={plan} />
      <PlanHistory history={plan.history} />
    </section>
  );
}
