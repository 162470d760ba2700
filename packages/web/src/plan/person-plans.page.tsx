import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NoAccess } from '../access/no-access.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { usePerson } from '../record/person.resource.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { Plans } from './plans.component.tsx';

/** /personer/:personId/plan — the staff view of the person's plans (docs/decisions/0006-plans.md). */
export function PersonPlansPage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const query = usePerson(personId);
  const person = query.data?.person;
  const name = person ? `${person.givenName} ${person.familyName}` : '';
  useDocumentTitle(name ? t('plan.page.title', { name }) : t('plan.page.titlePlain'));
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error, 403, 'no_need_to_know')) return <NoAccess personId={personId} />;
    return (
      <>
        <h1>{t('plan.page.titlePlain')}</h1>
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  }
  return (
    <div className="plans-page">
      <p className="breadcrumb">
        <Link to={`/personer/${personId}`}>{t('plan.page.back', { name })}</Link>
      </p>
      <h1>{t('plan.page.title', { name })}</h1>
      <Plans personId={personId} centre={person?.givenName ?? ''} />
    </div>
  );
}
