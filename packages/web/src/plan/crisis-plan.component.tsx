import type { PlanView } from '@bedring/contract';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage } from '../shell/status.component.tsx';
import { useSetReviewDate } from './plan.resource.ts';

/**
 * 113 and legevakt, always there (constants of the domain; docs/domain/plans.md, M-08), as links that call on
 * a phone.
 */
export function EmergencyNumbers({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  return (
    <div className="emergency">
      <h3>{t('plan.crisis.emergencyTitle')}</h3>
      <ul className="emergency__list">
        {(plan.emergencyNumbers ?? []).map((n) => (
          <li key={n.service}>
            <a className="emergency__number" href={`tel:${n.number.replaceAll(' ', '')}`}>
              {n.number}
            </a>{' '}
            <span>{t(`plan.crisis.services.${n.service}`, { defaultValue: n.label })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The people in the network with a role in the crisis plan, named beside the entries. */
export function CrisisContacts({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const contacts = plan.networkContacts ?? [];
  if (contacts.length === 0) return null;
  return (
    <div className="crisis-contacts">
      <h3>{t('plan.crisis.contactsTitle')}</h3>
      <ul className="plain-list">
        {contacts.map((c) => (
          <li key={c.id}>
            <strong>{c.name}</strong> ({t(`plan.network.relations.${c.relation}`)}): {c.crisisRole}
            {c.phone && (
              <>
                {' '}
                · <a href={`tel:${c.phone.replaceAll(' ', '')}`}>{c.phone}</a>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The review date with its form, and the way to the one-page printable version. */
export function CrisisPlanExtras({ personId, plan }: { personId: string; plan: PlanView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser();
  const id = useId();
  const setReview = useSetReviewDate(personId, 'crisis');
  const [date, setDate] = useState(plan.reviewOn ?? '');
  const printPath = user.role === 'patient' ? '/min-side/kriseplan' : `/personer/${personId}/kriseplan`;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setReview.mutate(date || null);
  };
  return (
    <>
      <CrisisContacts plan={plan} />
      <div className="crisis-review">
        <h3>{t('plan.crisis.reviewTitle')}</h3>
        <p>
          {plan.reviewOn
            ? t('plan.crisis.reviewOn', { date: format.calendarDate(plan.reviewOn) })
            : t('plan.crisis.noReview')}
        </p>
        {user.role !== 'peer' && (
          <form className="form form--inline" onSubmit={onSubmit}>
            <div className="field">
              <label htmlFor={`${id}-review`}>{t('plan.crisis.reviewLabel')}</label>
              <input id={`${id}-review`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </div>
            <div className="actions">
              <button type="submit" className="button button--secondary" disabled={setReview.isPending}>
                {t('plan.crisis.reviewSave')}
              </button>
            </div>
          </form>
        )}
        {setReview.isError && <ErrorMessage error={setReview.error} />}
      </div>
      <p>
        <Link to={printPath} className="button button--secondary">
          {t('plan.crisis.print')}
        </Link>
      </p>
    </>
  );
}
