import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { DueItem, type OpenForm } from './due-questionnaires.component.tsx';
import { useLibrary, usePersonQuestionnaires } from './questionnaire.resource.ts';
import { QuestionnaireForm } from './questionnaire-form.component.tsx';
import { ResponseList } from './scores.component.tsx';
import { Trajectories } from './trajectories.component.tsx';

/**
 * Min side: "Skjema du kan fylle ut" — what the person is asked to answer, the same renderer as staff
 * use, their own answers and graphs (only what the server returns to them). It says plainly that their
 * helpers see the answers.
 */
export function MyQuestionnaires({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const query = usePersonQuestionnaires(personId);
  const library = useLibrary();
  const [open, setOpen] = useState<OpenForm | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const due = (query.data?.due ?? []).filter((d) => d.mayAnswer);
  const answered = (query.data?.responses ?? []).filter((r) => r.status === 'completed');

  return (
    <section
      className="section questionnaires questionnaires--self"
      aria-labelledby="my-questionnaires-title"
    >
      <h2 id="my-questionnaires-title" ref={titleRef} tabIndex={-1}>
        {t('questionnaire.self.title')}
      </h2>
      <p className="section__intro">{t('questionnaire.self.intro')}</p>
      <p className="message message--info">{t('questionnaire.self.whoSees')}</p>
      <div role="status" className="task-done" ref={noticeRef} tabIndex={-1}>
        {notice && <p className="message message--info">{notice}</p>}
      </div>
      {open ? (
        <div className="q-block q-block--form">
          <QuestionnaireForm
            key={`${open.questionnaireId}-${open.responseId ?? 'new'}`}
            personId={personId}
            questionnaireId={open.questionnaireId}
            responseId={open.responseId}
            audience="person"
            onSaved={() => {
              setOpen(null);
              setNotice(t('questionnaire.self.savedForLater'));
            }}
            onClose={() => {
              // The form goes away: keyboard and screen reader users go on from the section, not the top.
              setOpen(null);
              titleRef.current?.focus();
            }}
          />
        </div>
      ) : (
        <>
          {query.isPending && <Loading />}
          {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
          {query.data &&
            (due.length === 0 ? (
              <p className="empty">{t('questionnaire.self.none')}</p>
            ) : (
              <ul className="q-due" aria-label={t('questionnaire.self.dueLabel')}>
                {due.map((d) => (
                  <DueItem
                    key={d.id}
                    due={d}
                    audience="person"
                    onStart={(form) => {
                      setNotice(null);
                      setOpen(form);
                    }}
                  />
                ))}
              </ul>
            ))}
          {answered.length > 0 && (
            <section className="q-block" aria-labelledby="my-answers-title">
              <h3 id="my-answers-title">{t('questionnaire.self.answers')}</h3>
              <ResponseList
                responses={answered.slice(0, 10)}
                library={library.data?.questionnaires ?? []}
                self
              />
            </section>
          )}
        </>
      )}
      <Trajectories personId={personId} headingId="my-trajectories-title" self />
    </section>
  );
}
