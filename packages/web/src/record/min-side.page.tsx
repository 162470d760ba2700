import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccessLog } from '../access/access-log.component.tsx';
import { useUser } from '../auth/session.resource.ts';
import { CheckinCard } from '../checkin/checkin-card.component.tsx';
import { CheckinProgress } from '../checkin/progress.component.tsx';
import { MyPathway } from '../pathway/my-pathway.component.tsx';
import { PlansSummary } from '../plan/plans-summary.component.tsx';
import { MyQuestionnaires } from '../questionnaire/my-questionnaires.component.tsx';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { AboutMe } from './about-me.component.tsx';
import { CareTeam } from './care-team.component.tsx';
import { LivingConditions } from './living-conditions.component.tsx';
import { usePerson } from './person.resource.ts';

/** The patient portal (mobile-first): my own words, how things are going, my helpers, who read my record. */
export function MinSidePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('minSide.title'));
  const user = useUser();
  const personId = user.personId ?? '';
  const query = usePerson(personId);

  if (!user.personId) {
    return (
      <>
        <h1>{t('minSide.title')}</h1>
        <p>{t('minSide.noRecord')}</p>
      </>
    );
  }
  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <h1>{t('minSide.title')}</h1>
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  }
  const person = query.data.person;
  return (
    <div className="min-side">
      <h1>{t('minSide.title')}</h1>
      <p className="lead">{t('minSide.greeting', { name: person.givenName })}</p>
      <CheckinCard personId={person.id} />
      <AboutMe person={person} viewer="self" />
      <PlansSummary personId={person.id} viewer="self" />
      <CheckinProgress personId={person.id} self />
      <LivingConditions
        person={person}
        canRate={false}
        title={t('minSide.livingTitle')}
        intro={t('minSide.livingIntro')}
      />
      <MyQuestionnaires personId={person.id} />
      <MyPathway personId={person.id} />
      <CareTeam team={person.careTeam} title={t('minSide.teamTitle')} />
      <AccessLog personId={person.id} />
      <p>
        <Link to="/min-side/mine-data">{t('myData.link')}</Link>
      </p>
    </div>
  );
}
