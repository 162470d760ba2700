import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format.ts';
import { usePromises } from '../plan/plan.resource.ts';
import { usePersonQuestionnaires } from '../questionnaire/questionnaire.resource.ts';

/** How many of the helpers' promises Min side shows at the top; the rest are on Min plan. */
const SHOWN_PROMISES = 2;

/**
 * Min side, after today's check-in: what is coming up — forms the person is asked to answer and what the
 * helpers have promised, soonest first (docs/decisions/0015-help-requests.md, "Min side starts with today").
 * Bedring books no appointments; a promise with a date ("Kim kommer på hjemmebesøk") is the nearest it
 * knows of one. It shows nothing while loading and on an error: the sections below say theirs.
 */
export function ComingUp({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const questionnaires = usePersonQuestionnaires(personId);
  const promises = usePromises(personId);
  if (!questionnaires.data || !promises.data) return null;
  const forms = questionnaires.data.due.filter((d) => d.mayAnswer).length;
  const open = promises.data.promises
    .filter((p) => p.status === 'open' || p.status === 'overdue')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <section className="section coming-up" aria-labelledby="coming-up-title">
      <h2 id="coming-up-title">{t('minSide.comingUp.title')}</h2>
      {forms === 0 && open.length === 0 ? (
        <p className="empty">{t('minSide.comingUp.nothing')}</p>
      ) : (
        <ul>
          {forms > 0 && (
            <li>
              <a href="#my-questionnaires-title">{t('minSide.comingUp.forms', { count: forms })}</a>
            </li>
          )}
          {open.slice(0, SHOWN_PROMISES).map((p) => (
            <li key={p.id}>
              {t(p.status === 'overdue' ? 'minSide.comingUp.promiseOverdue' : 'minSide.comingUp.promise', {
                promise: p.promise,
                owner: p.owner.name ?? '–',
                due: format.calendarDate(p.dueOn),
              })}
            </li>
          ))}
        </ul>
      )}
      {open.length > SHOWN_PROMISES && (
        <p>
          <Link to="/min-side/plan">
            {t('minSide.comingUp.morePromises', { count: open.length - SHOWN_PROMISES })}
          </Link>
        </p>
      )}
    </section>
  );
}
