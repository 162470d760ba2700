import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewBreakGlass } from './break-glass.resource.ts';

export function BreakGlassReviewForm({ eventId, label }: { eventId: string; label: string }) {
  const { t } = useTranslation();
  const review = useReviewBreakGlass();
  const [note, setNote] = useState('');
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const id = useId();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) {
      setErrorKey('review.noteRequired');
      return;
    }
    setErrorKey(null);
    review.mutate({ id: eventId, note: note.trim() }, { onError: () => setErrorKey('errors.generic') });
  };

  return (
    <form className="form review-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          {t('review.noteLabel')}
          <span className="visually-hidden"> – {label}</span>
        </label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={errorKey === 'review.noteRequired' || undefined}
          aria-describedby={errorKey ? `${id}-error` : undefined}
        />
      </div>
      {errorKey && (
        <p className="message message--error" role="alert" id={`${id}-error`}>
          {t(errorKey)}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={review.isPending}>
        {t('review.submit')}
      </button>
    </form>
  );
}
