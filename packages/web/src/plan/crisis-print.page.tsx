import { PlanSections } from '@bedring/domain/plan/plan';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { CrisisContacts, EmergencyNumbers } from './crisis-plan.component.tsx';
import { usePlans } from './plan.resource.ts';

/**
 * The crisis plan on one page (docs/domain/plans.md, M-08): to print (print CSS hides everything else) and to
 * keep at hand on a phone. /min-side/kriseplan for the person, /personer/:personId/kriseplan for staff.
 */
export function CrisisPrintPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const params = useParams();
  const personId = user.role === 'patient' ? (user.personId ?? '') : (params.personId ?? '');
  const back = user.role === 'patient' ? '/min-side/plan' : `/personer/${personId}/plan`;
  useDocumentTitle(t('plan.print.title'));
  const query = usePlans(personId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  const plan = query.data.plans.find((p) => p.kind === 'crisis');
  return (
    <article className="crisis-print">
      <p className="breadcrumb no-print">
        <Link to={back}>{t('plan.print.back')}</Link>
      </p>
      <h1>{t(user.role === 'patient' ? 'plan.print.titleSelf' : 'plan.print.title')}</h1>
      {!plan ? (
        <p className="message message--info">{t('plan.notShared.body')}</p>
      ) : (
        <>
          <EmergencyNumbers plan={plan} />
          <div className="crisis-print__sections">
            {PlanSections.crisis.map((section) => {
              const entries = plan.entries.filter((e) => e.section === section && !e.retired);
              return (
                <section key={section} className="crisis-print__section" aria-labelledby={`print-${section}`}>
                  <h2 id={`print-${section}`}>
                    {t(`plan.sections.${section}.title${user.role === 'patient' ? 'Self' : ''}`, {
                      defaultValue: t(`plan.sections.${section}.title`),
                    })}
                  </h2>
                  {entries.length === 0 ? (
                    <p className="empty">{t('plan.section.empty')}</p>
                  ) : (
                    <ul>
                      {entries.map((e) => (
                        <li key={e.id}>
                          {e.text}
                          {e.phone && ` · ${e.phone}`}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
          <CrisisContacts plan={plan} />
          <p className="meta">
            {plan.reviewOn
              ? t('plan.crisis.reviewOn', { date: format.calendarDate(plan.reviewOn) })
              : t('plan.crisis.noReview')}
            {plan.changedAt &&
              ` · ${t('plan.versionLine', { version: plan.version, date: format.date(plan.changedAt) })}`}
          </p>
          <p className="no-print">
            <button type="button" className="button button--primary" onClick={() => window.print()}>
              {t('plan.print.print')}
            </button>
          </p>
        </>
      )}
    </article>
  );
}
