import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { CrisisPlanExtras, EmergencyNumbers } from './crisis-plan.component.tsx';
import { Lapses } from './lapses.component.tsx';
import { Network } from './network.component.tsx';
import { Plan } from './plan.component.tsx';
import { usePlans } from './plan.resource.ts';
import { viewerOf } from './plan-permissions.ts';
import { Promises } from './promises.component.tsx';
import { Sharing } from './sharing.component.tsx';

/**
 * The person's plans, the same for staff and for the person (only the words differ): the treatment
 * plan with their goals first, the relapse-prevention plan with lapses and progress, the crisis plan,
 * the network map, promises and what is shared. A part not shared by consent is simply not there.
 */
export function Plans({ personId, centre }: { personId: string; centre: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const viewer = viewerOf(user);
  const query = usePlans(personId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  const plans = query.data.plans;
  if (plans.length === 0) {
    return (
      <section className="section" aria-labelledby="plans-not-shared">
        <h2 id="plans-not-shared">{t('plan.notShared.title')}</h2>
        <p>{t('plan.notShared.body')}</p>
      </section>
    );
  }
  return (
    <>
      <nav className="plan-nav" aria-label={t('plan.navLabel')}>
        <ul>
          {plans.map((p) => (
            <li key={p.kind}>
              <a href={`#plan-${p.kind}`}>
                {t(`plan.kinds.${p.kind}.title${viewer === 'self' ? 'Self' : ''}`)}
              </a>
            </li>
          ))}
          <li>
            <a href="#plan-network">{t(`plan.network.title${viewer === 'self' ? 'Self' : ''}`)}</a>
          </li>
          <li>
            <a href="#plan-promises">{t(`plan.promises.title${viewer === 'self' ? 'Self' : ''}`)}</a>
          </li>
          <li>
            <a href="#plan-sharing">{t(`plan.sharing.title${viewer === 'self' ? 'Self' : ''}`)}</a>
          </li>
        </ul>
      </nav>
      {plans.map((plan) => (
        <Plan
          key={plan.kind}
          personId={personId}
          plan={plan}
          viewer={viewer}
          before={plan.kind === 'crisis' ? <EmergencyNumbers plan={plan} /> : undefined}
        >
          {plan.kind === 'relapse-prevention' && <Lapses personId={personId} />}
          {plan.kind === 'crisis' && <CrisisPlanExtras key={plan.reviewOn} personId={personId} plan={plan} />}
        </Plan>
      ))}
      <Network personId={personId} centre={centre} />
      <Promises personId={personId} />
      <Sharing personId={personId} />
    </>
  );
}
