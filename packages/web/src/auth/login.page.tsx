import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../http/api-client.ts';
import { PublicLayout } from '../shell/public-layout.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { useLogin, useSession } from './session.resource.ts';
import { startPath } from './start-path.ts';

/** Which message a failed login shows; the server's codes, in the reader's language. */
function loginErrorKey(e: unknown): string {
  if (!(e instanceof ApiError)) return 'login.errors.generic';
  if (e.status === 0) return 'errors.network';
  if (e.code === 'totp_required') return 'login.errors.totpRequired';
  if (e.code === 'totp_invalid') return 'login.errors.totpInvalid';
  if (e.code === 'totp_enrolment_required') return 'login.errors.enrolment';
  if (e.status === 429) return 'login.errors.tooMany';
  if (e.status === 401) return 'login.errors.invalid';
  return 'login.errors.generic';
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const session = useSession();
  const login = useLogin();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const totpRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const errorId = `${id}-error`;
  const totpHintId = `${id}-totp-hint`;

  useEffect(() => {
    if (needsTotp) totpRef.current?.focus();
  }, [needsTotp]);

  if (session.data) {
    const from = (location.state as { from?: string } | null)?.from;
    const target = from && from !== '/logg-inn' && from !== '/' ? from : startPath(session.data.role);
    return <Navigate to={target} replace />;
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setErrorKey('login.errors.missing');
      return;
    }
    if (needsTotp && !/^\d{6}$/.test(totp.trim())) {
      setErrorKey('login.errors.totpFormat');
      totpRef.current?.focus();
      return;
    }
    setErrorKey(null);
    login.mutate(
      { username: username.trim(), password, ...(needsTotp ? { totp: totp.trim() } : {}) },
      {
        onError: (err) => {
          if (err instanceof ApiError && (err.code === 'totp_required' || err.code === 'totp_invalid')) {
            setNeedsTotp(true);
            setTotp('');
          }
          setErrorKey(loginErrorKey(err));
        },
      },
    );
  };

  const credentialsWrong = errorKey === 'login.errors.invalid';
  return (
    <PublicLayout>
      <div className="login">
        <h1>{t('login.title')}</h1>
        <p className="lead">{t('login.intro')}</p>
        <form className="form login__form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label htmlFor={`${id}-username`}>{t('login.username')}</label>
            <input
              id={`${id}-username`}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={credentialsWrong || undefined}
              aria-describedby={errorKey ? errorId : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('login.password')}</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={credentialsWrong || undefined}
              aria-describedby={errorKey ? errorId : undefined}
            />
          </div>
          {needsTotp && (
            <div className="field">
              <label htmlFor={`${id}-totp`}>{t('login.totp')}</label>
              <p className="hint" id={totpHintId}>
                {t('login.totpHint')}
              </p>
              <input
                ref={totpRef}
                id={`${id}-totp`}
                name="totp"
                className="input--code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={totp}
                onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
                aria-describedby={errorKey ? `${totpHintId} ${errorId}` : totpHintId}
                aria-invalid={errorKey === 'login.errors.totpInvalid' || undefined}
              />
            </div>
          )}
          <div role="alert" className={errorKey ? 'message message--error' : 'visually-hidden'} id={errorId}>
            {errorKey ? t(errorKey) : ''}
          </div>
          <button type="submit" className="button button--primary" disabled={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
    </PublicLayout>
  );
}
