import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import { ApiError } from '../http/api-client.ts';
import { useOpenBreakGlass } from './break-glass.resource.ts';

const MIN_REASON = 10;

/**
 * Shown when a staff member has no need to know (no active care relation). Explains why, and offers
 * break-glass: a stated reason, one hour, logged, reviewed by the leader, visible to the person.
 */
export function NoAccess({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { role } = useUser();
  const open = useOpenBreakGlass(personId);
  const [reason, setReason] = useState('');
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const id = useId();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < MIN_REASON) {
      setErrorKey('breakGlass.tooShort');
      return;
    }
    setErrorKey(null);
    open.mutate(reason.trim(), {
      onError: (err) =>
        setErrorKey(
          err instanceof ApiError && err.code === 'break_glass_not_allowed'
            ? 'breakGlass.notAllowed'
            : err instanceof ApiError && err.code === 'reason_required'
              ? 'breakGlass.tooShort'
              : 'errors.generic',
        ),
    });
  };

  return (
    <>
      <h1>{t('noAccess.title')}</h1>
      <p className="lead">{t('noAccess.body')}</p>
      <section className="section break-glass" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('breakGlass.title')}</h2>
        <p>{t('breakGlass.intro')}</p>
        <ul className="plain-list">
          <li>{t('breakGlass.point1')}</li>
          <li>{t('breakGlass.point2')}</li>
          <li>{t('breakGlass.point3')}</li>
        </ul>
        <form className="form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('breakGlass.reason')}</label>
            <p className="hint" id={`${id}-hint`}>
              {t('breakGlass.reasonHint')}
            </p>
            <textarea
              id={`${id}-reason`}
              rows={4}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={errorKey === 'breakGlass.tooShort' || undefined}
              aria-describedby={errorKey ? `${id}-hint ${id}-error` : `${id}-hint`}
            />
          </div>
          {errorKey && (
            <p className="message message--error" role="alert" id={`${id}-error`}>
              {t(errorKey)}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button button--danger" disabled={open.isPending}>
              {t('breakGlass.submit')}
            </button>
            <Link to="/pasienter" className="button button--secondary">
              {t('person.back', { context: role })}
            </Link>
          </div>
        </form>
      </section>
    </>
  );
}
