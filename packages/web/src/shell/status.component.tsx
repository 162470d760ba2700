import { useTranslation } from 'react-i18next';
import { ApiError } from '../http/api-client.ts';

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
  }
  return 'errors.generic';
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
