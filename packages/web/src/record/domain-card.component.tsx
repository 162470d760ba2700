import type { RatingView } from '@bedring/contract';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import type { LivingConditionDomain } from './living-conditions.ts';
import { RatingBadge } from './rating-badge.component.tsx';
import { RatingForm } from './rating-form.component.tsx';
import { RatingHistory } from './rating-history.component.tsx';

interface Props {
  personId: string;
  domain: LivingConditionDomain;
  current: RatingView | null;
  canRate: boolean;
}

/** One living-condition domain: the current rating with its note and author, history, and a new rating. */
export function DomainCard({ personId, domain, current, canRate }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [formOpen, setFormOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const rateButton = useRef<HTMLButtonElement>(null);
  const domainName = t(`domains.${domain}`);

  const closeForm = (didSave: boolean) => {
    setFormOpen(false);
    setSaved(didSave);
    rateButton.current?.focus();
  };

  return (
    <article
      className={`domain-card domain-card--${current?.rating ?? 'none'}`}
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>{domainName}</h3>
      <RatingBadge rating={current?.rating ?? null} />
      {current?.note && <p className="domain-card__note">{current.note}</p>}
      {current && (
        <p className="meta">
          {t('living.ratedBy', {
            name: current.ratedBy.name,
            role: t(`roles.${current.ratedBy.role}`),
            date: format.date(current.ratedAt),
          })}
        </p>
      )}
      <p role="status" className="domain-card__status">
        {saved ? t('living.form.saved') : ''}
      </p>
      <div className="domain-card__actions">
        {canRate && (
          <button
            ref={rateButton}
            type="button"
            className="button button--secondary"
            aria-expanded={formOpen}
            aria-controls={formOpen ? `${id}-form` : undefined}
            onClick={() => {
              setSaved(false);
              setFormOpen((v) => !v);
            }}
          >
            {t('living.rate')}
            <span className="visually-hidden"> – {domainName}</span>
          </button>
        )}
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={historyOpen}
          aria-controls={historyOpen ? `${id}-history` : undefined}
          onClick={() => setHistoryOpen((v) => !v)}
        >
          {historyOpen ? t('living.history.hide') : t('living.history.show')}
          <span className="visually-hidden"> – {domainName}</span>
        </button>
      </div>
      {formOpen && (
        <RatingForm
          id={`${id}-form`}
          personId={personId}
          domain={domain}
          onSaved={() => closeForm(true)}
          onCancel={() => closeForm(false)}
        />
      )}
      {historyOpen && <RatingHistory id={`${id}-history`} personId={personId} domain={domain} />}
    </article>
  );
}
