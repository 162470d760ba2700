import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NoAccess } from '../access/no-access.component.tsx';
import { useUser } from '../auth/session.resource.ts';
import { CheckinHistory } from '../checkin/checkin-history.component.tsx';
import { CheckinProgress } from '../checkin/progress.component.tsx';
import { PersonSignals } from '../checkin/signal-worklist.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { useFormat } from '../i18n/format.ts';
import { JournalSection } from '../journal/journal-section.component.tsx';
import { PathwaySection } from '../pathway/pathway-section.component.tsx';
import { RiskAssessments } from '../pathway/risk-assessments.component.tsx';
import { SelfAdmission } from '../pathway/self-admission.component.tsx';
import { PlansSummary } from '../plan/plans-summary.component.tsx';
import { QuestionnairesSection } from '../questionnaire/questionnaires-section.component.tsx';
import { type MenuSection, SectionMenu } from '../shell/section-menu.component.tsx';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { AboutMe } from './about-me.component.tsx';
import { CareTeam } from './care-team.component.tsx';
import { LivingConditions } from './living-conditions.component.tsx';
import { mayRate } from './living-conditions.ts';
import { Organisations } from './organisations.component.tsx';
import { usePerson } from './person.resource.ts';
import { Relatives } from './relatives.component.tsx';

/**
 * One part of the person page, with the id the section menu links to. A part shown only to some roles is listed
 * in the menu under the same condition, so that no link leads nowhere.
 */
function Part({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="person-part">
      {children}
    </div>
  );
}

/**
 * The staff view of a person: their own words first, then living conditions, plans, pathway, risk, relatives,
 * questionnaires, check-ins, care team, organisations. A section menu at the top reaches each part: on a phone
 * the page is many screens long (docs/decisions/0017-words-per-role.md).
 */
export function PersonPage() {
  const { personId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const query = usePerson(personId);
  const person = query.data?.person;
  useDocumentTitle(person ? `${person.givenName} ${person.familyName}` : t('person.title'));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error, 403, 'no_need_to_know')) return <NoAccess personId={personId} />;
    if (isApiError(query.error, 404) || isApiError(query.error, 400)) {
      return (
        <>
          <h1>{t('person.notFound')}</h1>
          <p>
            <Link to="/pasienter">{t('person.back', { context: user.role })}</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <h1>{t('person.title')}</h1>
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  }

  const { access } = query.data;
  const p = query.data.person;
  // A peer worker sees no self-admission, journal, risk assessments, relatives, questionnaires or check-ins (each
  // section says so too).
  const clinical = user.role !== 'peer';
  const menu: MenuSection[] = [
    { id: 'part-about', label: t('person.menu.about') },
    { id: 'part-living', label: t('person.menu.living') },
    { id: 'part-plans', label: t('person.menu.plans') },
    { id: 'part-pathway', label: t('person.menu.pathway') },
    ...(clinical
      ? [
          // Brukerstyrt innleggelse, risk assessments and relatives carry their sections' own ids.
          { id: 'self-admission', label: t('selfAdmission.title') },
          { id: 'part-journal', label: t('journal.section.title') },
          { id: 'risk-assessments', label: t('risk.title') },
          { id: 'relatives', label: t('relatives.title') },
          { id: 'part-questionnaires', label: t('person.menu.questionnaires') },
          { id: 'part-signals', label: t('person.menu.signals') },
          { id: 'part-checkins', label: t('person.menu.checkins') },
        ]
      : []),
    { id: 'part-team', label: t('person.menu.team') },
  ];
  return (
    <>
      <p className="breadcrumb">
        <Link to="/pasienter">{t('person.back', { context: user.role })}</Link>
      </p>
      <div className="person-head">
        <h1>
          {p.givenName} {p.familyName}
        </h1>
        <dl className="facts facts--inline">
          <div>
            <dt>{t('person.born')}</dt>
            <dd>{format.calendarDate(p.birthDate)}</dd>
          </div>
          <div>
            <dt>{t('person.nationalId')}</dt>
            <dd>{p.nationalId}</dd>
          </div>
          {p.municipality && (
            <div>
              <dt>{t('person.municipality')}</dt>
              <dd>{p.municipality}</dd>
            </div>
          )}
        </dl>
      </div>
      {access.basis === 'break-glass' && (
        <p className="message message--warning">{t('person.accessBreakGlass')}</p>
      )}
      {access.viaConsent && <p className="message message--info">{t('person.accessConsent')}</p>}
      <SectionMenu sections={menu} />
      <Part id="part-about">
        <AboutMe person={p} viewer="staff" />
      </Part>
      <Part id="part-living">
        <LivingConditions
          person={p}
          canRate={mayRate(user.role) && access.basis !== 'break-glass'}
          title={t('living.title')}
        />
      </Part>
      <Part id="part-plans">
        <PlansSummary personId={p.id} viewer="staff" />
      </Part>
      <Part id="part-pathway">
        <PathwaySection personId={p.id} />
        <SelfAdmission personId={p.id} />
      </Part>
      {clinical && (
        <Part id="part-journal">
          <JournalSection personId={p.id} />
        </Part>
      )}
      <RiskAssessments personId={p.id} />
      <Relatives personId={p.id} />
      {/* A peer worker sees no check-ins (as no questionnaire results). */}
      {clinical && (
        <>
          <Part id="part-questionnaires">
            <QuestionnairesSection personId={p.id} />
          </Part>
          <Part id="part-signals">
            <PersonSignals personId={p.id} />
          </Part>
          <Part id="part-checkins">
            <CheckinHistory personId={p.id} />
            <CheckinProgress personId={p.id} self={false} />
          </Part>
        </>
      )}
      <Part id="part-team">
        <div className="two-columns">
          <CareTeam team={p.careTeam} title={t('team.title')} />
          <Organisations organisations={p.organisations} />
        </div>
      </Part>
    </>
  );
}
