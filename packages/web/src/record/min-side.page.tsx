import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AccessLog } from '../access/access-log.component.tsx';
import { useUser } from '../auth/session.resource.ts';
import { CheckinCard } from '../checkin/checkin-card.component.tsx';
import { CheckinProgress } from '../checkin/progress.component.tsx';
import { Today } from '../checkin/today.component.tsx';
import { SharedNotes } from '../journal/shared-notes.component.tsx';
import { MyPathway } from '../pathway/my-pathway.component.tsx';
import { MySelfAdmission, useHasSelfAdmission } from '../pathway/my-self-admission.component.tsx';
import { MySharing } from '../plan/my-sharing.component.tsx';
import { PlansSummary } from '../plan/plans-summary.component.tsx';
import { MyQuestionnaires } from '../questionnaire/my-questionnaires.component.tsx';
import { SectionMenu } from '../shell/section-menu.component.tsx';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { AboutMe } from './about-me.component.tsx';
import { CareTeam } from './care-team.component.tsx';
import { ComingUp } from './coming-up.component.tsx';
import { LivingConditions } from './living-conditions.component.tsx';
import { MyRelatives } from './my-relatives.component.tsx';
import { usePerson } from './person.resource.ts';
import { useRelatives } from './relatives.resource.ts';

/**
 * The patient portal (mobile-first). It starts with today — help, the check-in, what is coming up (forms
 * due, the helpers' promises with their dates) — then the section menu and the rest (docs/decisions/0015-help-requests.md). Nothing at the
 * top waits for the person's record: "Jeg trenger hjelp nå", the crisis plan and the numbers to call show
 * at once, also offline or with a slow server (ADR 0008); only the sections about the person wait.
 */
export function MinSidePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('minSide.title'));
  const user = useUser();
  const personId = user.personId ?? '';
  const query = usePerson(personId);
  // Children and relatives have a menu entry only when something is recorded (the section is not shown empty).
  const relatives = useRelatives(personId, Boolean(user.personId));
  const hasSelfAdmission = useHasSelfAdmission(personId);

  if (!user.personId) {
    return (
      <>
        <h1>{t('minSide.title')}</h1>
        <p>{t('minSide.noRecord')}</p>
      </>
    );
  }
  const person = query.data?.person;
  const sections = [
    // "I dag", the check-in and what is coming up sit above the menu, on the first screen.
    { id: 'skjema', label: t('checkin.minSideMenu.questionnaires') },
    { id: 'forlop', label: t('checkin.minSideMenu.pathway') },
    { id: 'planer', label: t('checkin.minSideMenu.plans') },
    // Only when the person has a brukerstyrt-innleggelse agreement (decision 0018).
    ...(hasSelfAdmission ? [{ id: 'innleggelse', label: t('selfAdmission.menu') }] : []),
    { id: 'notater', label: t('checkin.minSideMenu.notes') },
    { id: 'om-meg', label: t('checkin.minSideMenu.about') },
    { id: 'framgang', label: t('checkin.minSideMenu.progress') },
    { id: 'hjelpere', label: t('checkin.minSideMenu.team') },
    ...(relatives.data?.relatives.length ? [{ id: 'barn', label: t('relatives.mine.menu') }] : []),
    { id: 'innsyn', label: t('checkin.minSideMenu.accessLog') },
  ];
  return (
    <div className="min-side">
      <h1>{t('minSide.title')}</h1>
      {person && <p className="lead">{t('minSide.greeting', { name: person.givenName })}</p>}
      <Today id="i-dag" personId={personId} />
      <div id="innsjekk">
        <CheckinCard personId={personId} />
      </div>
      <ComingUp personId={personId} />
      <SectionMenu sections={sections} />
      <div id="skjema">
        <MyQuestionnaires personId={personId} />
      </div>
      <div id="forlop">
        <MyPathway personId={personId} />
      </div>
      <div id="planer">
        <PlansSummary personId={personId} viewer="self" />
        <MySharing personId={personId} />
      </div>
      <MySelfAdmission id="innleggelse" personId={personId} />
      <div id="notater">
        <SharedNotes personId={personId} />
      </div>
      <div id="om-meg">
        {person ? (
          <>
            <AboutMe person={person} viewer="self" />
            <LivingConditions
              person={person}
              canRate={false}
              title={t('minSide.livingTitle')}
              intro={t('minSide.livingIntro')}
            />
          </>
        ) : query.isError ? (
          <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <Loading />
        )}
      </div>
      <div id="framgang">
        <CheckinProgress personId={personId} self />
      </div>
      <div id="hjelpere">{person && <CareTeam team={person.careTeam} title={t('minSide.teamTitle')} />}</div>
      <MyRelatives personId={personId} id="barn" />
      <div id="innsyn">
        <AccessLog personId={personId} />
      </div>
      <p>
        <Link to="/min-side/mine-data">{t('myData.link')}</Link>
      </p>
    </div>
  );
}
