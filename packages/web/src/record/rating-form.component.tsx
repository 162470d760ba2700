import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../http/api-client.ts';
import { type LivingConditionDomain, type Rating, Ratings } from './living-conditions.ts';
import { useRateDomain } from './person.resource.ts';
import { RatingIcon } from './rating-badge.component.tsx';

interface Props {
  id: string;
  personId: string;
  domain: LivingConditionDomain;
  onSaved: () => void;
  onCancel: () => void;
}

/** A new green/yellow/red rating with an optional note; older ratings stay as history. */
export function RatingForm({ id, personId, domain, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const rate = useRateDomain(personId);
  const [rating, setRating] = useState<Rating | null>(null);
  const [note, setNote] = useState('');
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const uid = useId();
  // Lower case inside the sentence ("Hvordan går det med bolig nå?").
  const domainName = t(`domains.${domain}`).toLocaleLowerCase(i18n.language);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!rating) {
      setErrorKey('living.form.chooseRating');
      return;
    }
    setErrorKey(null);
    const trimmed = note.trim();
    rate.mutate(
      { domain, rating, ...(trimmed ? { note: trimmed } : {}) },
      {
        onSuccess: onSaved,
        onError: (err) =>
          setErrorKey(isApiError(err, 403, 'role_cannot_rate') ? 'living.form.notAllowed' : 'errors.generic'),
      },
    );
  };

  return (
    <form id={id} className="rating-form" onSubmit={onSubmit} noValidate>
      <fieldset aria-describedby={errorKey ? `${uid}-error` : undefined}>
        <legend>{t('living.form.legend', { domain: domainName })}</legend>
        {Ratings.map((r) => (
          <label key={r} className={`rating-choice rating--${r}`}>
            <input
              type="radio"
              name={`${uid}-rating`}
              value={r}
              checked={rating === r}
              onChange={() => setRating(r)}
            />
            <RatingIcon rating={r} />
            <span>
              <strong>{t(`ratings.${r}.name`)}</strong> – {t(`ratings.${r}.meaning`)}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${uid}-note`}>{t('living.form.note')}</label>
        <textarea
          id={`${uid}-note`}
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {errorKey && (
        <p className="message message--error" role="alert" id={`${uid}-error`}>
          {t(errorKey)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={rate.isPending}>
          {rate.isPending ? t('common.saving') : t('living.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
