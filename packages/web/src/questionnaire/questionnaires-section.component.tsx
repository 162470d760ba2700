import type { InstrumentSummary } from '@bedring/contract';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { describedBy, Field } from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { ContactBlock } from './contact-block.component.tsx';
import { DueBlock, type OpenForm } from './due-questionnaires.component.tsx';
import { PersonAlerts } from './feedback-alerts.component.tsx';
import { useLibrary, usePersonQuestionnaires } from './questionnaire.resource.ts';
import { QuestionnaireForm } from './questionnaire-form.component.tsx';
import { langOf, titleIn } from './questionnaire-text.ts';
import { ResponseList } from './scores.component.tsx';
import { Trajectories } from './trajectories.component.tsx';

/** Roles that record contacts with the person (server: contact.routes.ts CONTACT_ROLES). */
const CONTACT_ROLES = new Set(['clinician', 'milieu', 'municipal', 'leader']);

/**
 * "Skjema og tilbakemeldinger" on the person page (staff): record a contact and ask for feedback at
 * once, what is due or missing, start or continue any instrument with the person, the latest answers,
 * the trajectories and the feedback alerts. Peers do not see it (the server refuses them too).
 */
export function QuestionnairesSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const allowed = user.role !== 'peer' && user.role !== 'patient' && user.role !== 'admin';
  const query = usePersonQuestionnaires(personId, allowed);
  const library = useLibrary(allowed);
  const [open, setOpen] = useState<OpenForm | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (!allowed || (query.isError && isApiError(query.error, 403))) return null;
  const instruments = library.data?.questionnaires ?? [];
  const start = (form: OpenForm) => {
    setNotice(null);
    setOpen(form);
  };

  return (
    <section className="section questionnaires" aria-labelledby="questionnaires-title">
      <h2 id="questionnaires-title" ref={titleRef} tabIndex={-1}>
        {t('questionnaire.section.title')}
      </h2>
      <p className="section__intro">{t('questionnaire.section.intro')}</p>
      <div role="status" className="task-done" ref={noticeRef} tabIndex={-1}>
        {notice && <p className="message message--info">{notice}</p>}
      </div>
      {open && (
        <div className="q-block q-block--form">
          <QuestionnaireForm
            key={`${open.questionnaireId}-${open.responseId ?? 'new'}`}
            personId={personId}
            questionnaireId={open.questionnaireId}
            responseId={open.responseId}
            contactId={open.contactId}
            audience="staff"
            onSaved={() => {
              setOpen(null);
              setNotice(t('questionnaire.section.savedForLater'));
            }}
            onClose={() => {
              // The form goes away: keyboard and screen reader users go on from the section, not the top.
              setOpen(null);
              titleRef.current?.focus();
            }}
          />
        </div>
      )}
      {!open && (
        <>
          {CONTACT_ROLES.has(user.role) && (
            <ContactBlock personId={personId} instruments={instruments} onAsk={start} />
          )}
          {query.isPending && <Loading />}
          {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
          {query.data && (
            <>
              <DueBlock due={query.data.due} onStart={start} />
              <StartBlock instruments={instruments} onStart={start} />
              <section className="q-block" aria-labelledby="q-latest-title">
                <h3 id="q-latest-title">{t('questionnaire.section.latest')}</h3>
                {query.data.responses.length === 0 ? (
                  <p className="empty">{t('questionnaire.section.noResponses')}</p>
                ) : (
                  <ResponseList
                    responses={query.data.responses.slice(0, 10)}
                    library={instruments}
                    onResume={(r) =>
                      start({ questionnaireId: r.questionnaireId, responseId: r.id, contactId: null })
                    }
                  />
                )}
              </section>
            </>
          )}
        </>
      )}
      <Trajectories personId={personId} headingId="q-trajectories-title" />
      <PersonAlerts personId={personId} />
    </section>
  );
}

/** Any instrument of the library that staff may fill in with the person. */
function StartBlock({
  instruments,
  onStart,
}: {
  instruments: InstrumentSummary[];
  onStart: (f: OpenForm) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const usable = instruments.filter((i) => i.settings.answeredBy.includes('staff'));
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (usable.length === 0) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) {
      setError(t('questionnaire.start.choose'));
      return;
    }
    setError(null);
    onStart({ questionnaireId: chosen, responseId: null, contactId: null });
  };
  return (
    <section className="q-block" aria-labelledby="q-start-title">
      <h3 id="q-start-title">{t('questionnaire.start.title')}</h3>
      <form className="q-start" onSubmit={onSubmit} noValidate>
        <Field id="q-start-select" label={t('questionnaire.start.label')} error={error}>
          <select
            {...describedBy('q-start-select', { error })}
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
          >
            <option value="">{t('questionnaire.start.placeholder')}</option>
            {usable.map((i) => (
              <option key={i.id} value={i.id}>
                {titleIn(i, lang)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button--secondary">
          {t('questionnaire.start.button')}
        </button>
      </form>
    </section>
  );
}
