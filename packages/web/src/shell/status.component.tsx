import { useTranslation } from 'react-i18next';
import { ApiError } from '../http/api-client.ts';
import { i18next } from '../i18n/i18n.ts';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

function errorKey(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'errors.network';
    if (error.status === 401) return 'errors.sessionExpired';
    if (error.status === 403 && error.code === 'break_glass_limited') return 'errors.breakGlassLimited';
    if (error.status === 403) return 'errors.forbidden';
    if (error.status === 404) return 'errors.notFound';
    if (error.status === 503) return 'errors.unavailable';
    if (error.status >= 400 && error.status < 500) return catalogueKey(error.code) ?? 'errors.generic';
  }
  return 'errors.generic';
}

/**
 * Another refusal, in the words the server's catalogue has for its code (packages/contract/src/words:
 * `errors.<code in camelCase>`), when they need nothing filled in.
 */
function catalogueKey(code: string): string | null {
  const key = `errors.${code.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`;
  return i18next.exists(key) && !i18next.t(key).includes('{{') ? key : null;
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="message message--error" role="alert">
      <p>{t(errorKey(error))}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
