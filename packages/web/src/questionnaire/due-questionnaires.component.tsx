import type { DueQuestionnaire } from '@bedring/contract';
import { daysBetween, osloDate } from '@bedring/domain/pathway/calendar';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { langOf, titleIn } from './questionnaire-text.ts';

/** A form to open: an instrument, a saved response to continue, the contact it belongs to. */
export interface OpenForm {
  questionnaireId: string;
  responseId: string | null;
  contactId: string | null;
}

/** What is planned for the person and not answered yet; what has waited past its day is said plainly. */
export function DueBlock({ due, onStart }: { due: DueQuestionnaire[]; onStart: (form: OpenForm) => void }) {
  const { t } = useTranslation();
  return (
    <section className="q-block" aria-labelledby="q-due-title">
      <h3 id="q-due-title">{t('questionnaire.due.title', { count: due.length })}</h3>
      {due.length === 0 ? (
        <p className="empty">{t('questionnaire.due.none')}</p>
      ) : (
        <ul className="q-due">
          {due.map((d) => (
            <DueItem key={d.id} due={d} audience="staff" onStart={onStart} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function DueItem({
  due,
  audience,
  onStart,
}: {
  due: DueQuestionnaire;
  audience: 'staff' | 'person';
  onStart: (form: OpenForm) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const format = useFormat();
  const today = osloDate(new Date());
  const late = daysBetween(due.dueOn, today);
  const overdue = late > 0;
  const resume = due.inProgressResponseId;
  return (
    <li className={`q-due__item${overdue ? ' q-due__item--overdue' : ''}`}>
      <p className="q-due__title">
        <strong>{titleIn(due, lang)}</strong>{' '}
        <span className="meta">({t(`questionnaire.triggers.${due.trigger}`)})</span>
      </p>
      <p className="q-due__when">
        {overdue ? (
          <span className="q-due__late">
            {audience === 'staff'
              ? t('questionnaire.due.missingSince', { date: format.calendarDate(due.dueOn), count: late })
              : t('questionnaire.due.waitingSince', { date: format.calendarDate(due.dueOn) })}
          </span>
        ) : (
          t('questionnaire.due.plannedFor', { date: format.calendarDate(due.dueOn) })
        )}
      </p>
      {due.mayAnswer ? (
        <button
          type="button"
          className={`button ${resume ? 'button--secondary' : 'button--primary'}`}
          onClick={() =>
            onStart({ questionnaireId: due.questionnaireId, responseId: resume, contactId: due.contactId })
          }
        >
          {resume
            ? t('questionnaire.resume', { title: titleIn(due, lang) })
            : audience === 'staff'
              ? t('questionnaire.due.fillWithPerson', { title: titleIn(due, lang) })
              : t('questionnaire.due.fill', { title: titleIn(due, lang) })}
        </button>
      ) : (
        <p className="hint q-due__hint">{t('questionnaire.due.personAnswers')}</p>
      )}
    </li>
  );
}
