import { useTranslation } from 'react-i18next';
import type { Rating } from './living-conditions.ts';

/**
 * Each rating has its own shape as well as its colour and its words (WCAG 1.4.1: colour is never
 * the only carrier): green a circle with a tick, yellow a triangle, red a diamond, none a dashed ring.
 */
export function RatingIcon({ rating }: { rating: Rating | null }) {
  return (
    <svg
      className="rating-icon"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      {rating === 'green' && (
        <>
          <circle className="rating-icon__shape" cx="10" cy="10" r="8.5" />
          <path className="rating-icon__mark" d="M6 10.4l2.6 2.6L14.2 7.4" />
        </>
      )}
      {rating === 'yellow' && (
        <>
          <path className="rating-icon__shape" d="M10 1.8L18.8 17.6H1.2z" />
          <path className="rating-icon__mark" d="M10 7.4v4.6M10 14.4v0.4" />
        </>
      )}
      {rating === 'red' && (
        <>
          <path className="rating-icon__shape" d="M10 1L19 10L10 19L1 10z" />
          <path className="rating-icon__mark" d="M10 5.8v5M10 13.6v0.4" />
        </>
      )}
      {rating === null && <circle className="rating-icon__shape" cx="10" cy="10" r="7.5" />}
    </svg>
  );
}

export function RatingBadge({ rating }: { rating: Rating | null }) {
  const { t } = useTranslation();
  if (!rating) {
    return (
      <span className="rating rating--none">
        <RatingIcon rating={null} />
        <span>{t('ratings.none')}</span>
      </span>
    );
  }
  return (
    <span className={`rating rating--${rating}`}>
      <RatingIcon rating={rating} />
      <span>
        <strong>{t(`ratings.${rating}.name`)}</strong> – {t(`ratings.${rating}.meaning`)}
      </span>
    </span>
  );
}
