import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { Plans } from './plans.component.tsx';

/** /min-side/plan — "Min plan": the person's own plans, written in their own words (mobile-first). */
export function MyPlanPage() {
  const { t } = useTranslation();
  const user = useUser();
  useDocumentTitle(t('plan.my.title'));
  return (
    <div className="plans-page min-side">
      <p className="breadcrumb">
        <Link to="/min-side">{t('plan.my.back')}</Link>
      </p>
      <h1>{t('plan.my.title')}</h1>
      <p className="lead">{t('plan.my.intro')}</p>
      {user.personId ? (
        <Plans personId={user.personId} centre={t('plan.network.me')} />
      ) : (
        <p>{t('minSide.noRecord')}</p>
      )}
    </div>
  );
}
