import { useTranslation } from 'react-i18next';
import { useDroppedWrites, usePendingWrites } from './offline-queue.ts';

/**
 * How many check-ins wait on the phone for the network, said politely (role="status") and gone when
 * they are sent; and, as an alert, any the server would not take, so the person can write them again.
 * The live region is always there (empty when nothing waits), so screen readers announce the change.
 */
export function PendingWrites() {
  const { t } = useTranslation();
  const pending = usePendingWrites();
  const { dropped, dismiss } = useDroppedWrites();
  return (
    <div className="pending-writes no-print">
      <p role="status" className={pending > 0 ? 'message message--info' : 'visually-hidden'}>
        {pending > 0 ? t('offline.pending', { count: pending }) : ''}
      </p>
      {dropped.length > 0 && (
        <div role="alert" className="message message--warning">
          <p>{t('offline.dropped', { count: dropped.length })}</p>
          <button type="button" className="button button--secondary" onClick={dismiss}>
            {t('offline.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
