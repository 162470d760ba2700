import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { usePlans } from './plan.resource.ts';
import type { Viewer } from './plan-permissions.ts';

/**
 * "Planer" on the person page and "Min plan" on Min side: how far each plan has come, and the way in.
 * Without a consent naming a plan, another organisation is told so plainly and shown nothing of it.
 */
export function PlansSummary({ personId, viewer }: { personId: string; viewer: Viewer }) {
  const { t } = useTranslation();
  const query = usePlans(personId);
  const self = viewer === 'self' ? 'Self' : '';
  const to = viewer === 'self' ? '/min-side/plan' : `/personer/${personId}/plan`;
  return (
    <section className="section plans-summary" aria-labelledby="plans-summary-title">
      <h2 id="plans-summary-title">{t(`plan.summary.title${self}`)}</h2>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data && query.data.plans.length === 0 && (
        <p className="message message--info">{t('plan.notShared.body')}</p>
      )}
      {query.data && query.data.plans.length > 0 && (
        <>
          <p className="section__intro">{t(`plan.summary.intro${self}`)}</p>
          <ul className="plans-summary__list">
            {query.data.plans.map((p) => {
              const count = p.entries.filter((e) => !e.retired).length;
              return (
                <li key={p.kind}>
                  <strong>{t(`plan.kinds.${p.kind}.title${self}`)}</strong>:{' '}
                  {count === 0 ? t('plan.summary.empty') : t('plan.summary.entries', { count })}
                  {p.warnings.length > 0 && ` · ${t('plan.summary.warnings', { count: p.warnings.length })}`}
                </li>
              );
            })}
          </ul>
          <p>
            <Link to={to} className="button button--primary">
              {t(`plan.summary.open${self}`)}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
