import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { useFormat } from '../i18n/format.ts';
import { useClinicians } from '../pathway/directory.resource.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useMakePromise, usePromises } from './plan.resource.ts';
import { mayPromise, viewerOf } from './plan-permissions.ts';

/**
 * Promises made to the person (docs/domain/plans.md, U-23, CAP-33): each one a task with an owner and a due
 * date, visible to the person. Kept or withdrawn is marked on the owner's task list ("Oppgaver").
 */
export function Promises({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const self = viewerOf(user) === 'self' ? 'Self' : '';
  const query = usePromises(personId);
  const [adding, setAdding] = useState(false);
  return (
    <section className="section promises" id="plan-promises" aria-labelledby="plan-promises-title">
      <h2 id="plan-promises-title">{t(`plan.promises.title${self}`)}</h2>
      <p className="section__intro">{t(`plan.promises.intro${self}`)}</p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data && query.data.promises.length === 0 && <p className="empty">{t('plan.promises.empty')}</p>}
      {query.data && query.data.promises.length > 0 && (
        <ul className="plan-entries">
          {query.data.promises.map((p) => (
            <li key={p.id} className="plan-entry promise">
              <p className="plan-entry__text">{p.promise}</p>
              <p>
                <span className={`promise-status promise-status--${p.status}`}>
                  {t(`plan.promises.status.${p.status}`)}
                </span>{' '}
                {t('plan.promises.line', {
                  owner: p.owner.name ?? '–',
                  due: format.calendarDate(p.dueOn),
                })}
              </p>
              <p className="meta">
                {t('plan.promises.madeBy', { name: p.promisedBy.name, date: format.calendarDate(p.madeOn) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {mayPromise(user) &&
        (adding ? (
          <PromiseForm personId={personId} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
            {t('plan.promises.add')}
          </button>
        ))}
    </section>
  );
}

function PromiseForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const make = useMakePromise(personId);
  const staff = useClinicians(true);
  const [promise, setPromise] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [owner, setOwner] = useState('');
  const [problem, setProblem] = useState(false);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!promise.trim() || !dueOn) return setProblem(true);
    setProblem(false);
    make.mutate(
      { promise: promise.trim(), dueOn, ...(owner ? { ownerAccountId: owner } : {}) },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-promise`}>{t('plan.promises.form.promise')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('plan.promises.form.promiseHint')}
        </p>
        <textarea
          id={`${id}-promise`}
          rows={2}
          maxLength={1000}
          value={promise}
          onChange={(e) => setPromise(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('plan.promises.form.dueOn')}</label>
        <input id={`${id}-due`} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-owner`}>{t('plan.promises.form.owner')}</label>
        <select id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">{t('plan.promises.form.ownerMe')}</option>
          {(staff.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p className="message message--error" role="alert">
          {t('plan.promises.form.missing')}
        </p>
      )}
      {make.isError && <ErrorMessage error={make.error} />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={make.isPending}>
          {t('plan.promises.form.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
