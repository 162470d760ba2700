import { useTranslation } from 'react-i18next';
import type { DeadlineStatus } from './pathway.ts';
import { Settings } from './pathway.ts';

/** The shapes and patterns of the pathway picture, shared by the picture, its legend and the deadline badges. */

/** Each setting its own pattern as well as its colour (WCAG 1.4.1: colour is never the only carrier). */
export function SettingPatterns({ uid }: { uid: string }) {
  return (
    <defs>
      <pattern id={`${uid}-outpatient`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" className="timeline__fill--outpatient" />
      </pattern>
      <pattern
        id={`${uid}-day`}
        width="8"
        height="8"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="8" height="8" className="timeline__fill--day" />
        <rect width="3" height="8" className="timeline__stripe" />
      </pattern>
      <pattern id={`${uid}-inpatient`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" className="timeline__fill--inpatient" />
        <path d="M0 4H8M4 0V8" className="timeline__hatch" />
      </pattern>
      <pattern id={`${uid}-detox`} width="7" height="7" patternUnits="userSpaceOnUse">
        <rect width="7" height="7" className="timeline__fill--detox" />
        <circle cx="3.5" cy="3.5" r="1.6" className="timeline__dot" />
      </pattern>
      <pattern id={`${uid}-lar`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" className="timeline__fill--lar" />
        <rect width="8" height="2.5" className="timeline__stripe" />
      </pattern>
    </defs>
  );
}

/** A deadline's shape says its status: met a circle with a tick, overdue a diamond with "!". */
export function DeadlineMark({ status }: { status: DeadlineStatus }) {
  const cls = `timeline__deadline timeline__deadline--${status}`;
  switch (status) {
    case 'met':
      return (
        <g className={cls}>
          <circle r={6} />
          <path d="M-3 0.2l2 2 4-4.2" className="timeline__deadline-mark" />
        </g>
      );
    case 'met-late':
      return (
        <g className={cls}>
          <path d="M0 -6.5L6.5 5.5H-6.5z" />
          <path d="M-2.6 1.2l1.8 1.8 3.4-3.6" className="timeline__deadline-mark" />
        </g>
      );
    case 'overdue':
      return (
        <g className={cls}>
          <path d="M0 -7L7 0L0 7L-7 0z" />
          <path d="M0 -3.6v3.8M0 2.6v0.4" className="timeline__deadline-mark" />
        </g>
      );
    case 'missed':
      return (
        <g className={cls}>
          <path d="M0 -6.5L6.5 0L0 6.5L-6.5 0z" />
          <path d="M-3 0h6" className="timeline__deadline-mark timeline__deadline-mark--missed" />
        </g>
      );
    case 'due-soon':
      return (
        <g className={cls}>
          <path d="M0 -6.5L6.5 5.5H-6.5z" />
          <path d="M0 -2.4v3.2M0 3v0.3" className="timeline__deadline-mark timeline__deadline-mark--dark" />
        </g>
      );
    case 'closed':
      return (
        <g className={cls}>
          <circle r={5} />
        </g>
      );
    default:
      return (
        <g className={cls}>
          <rect x={-5} y={-5} width={10} height={10} rx={1} />
        </g>
      );
  }
}

const legendStatuses: DeadlineStatus[] = [
  'met',
  'met-late',
  'due-soon',
  'overdue',
  'missed',
  'open',
  'closed',
];

export function TimelineLegend({ uid }: { uid: string }) {
  const { t } = useTranslation();
  return (
    <div className="timeline__legend">
      <ul className="legend" aria-label={t('pathway.timeline.legend')}>
        {Settings.map((s) => (
          <li key={s}>
            <svg width="28" height="14" aria-hidden="true" focusable="false">
              <rect
                width="28"
                height="14"
                rx="3"
                fill={`url(#${uid}-${s})`}
                className={`timeline__bar timeline__bar--${s}`}
              />
            </svg>
            {t(`pathway.settings.${s}`)}
          </li>
        ))}
        <li>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <circle cx="7" cy="7" r="4.5" className="timeline__event" />
          </svg>
          {t('pathway.timeline.event')}
        </li>
        {legendStatuses.map((s) => (
          <li key={s}>
            <svg width="16" height="16" aria-hidden="true" focusable="false">
              <g transform="translate(8 8)">
                <DeadlineMark status={s} />
              </g>
            </svg>
            {t('pathway.timeline.deadline', { status: t(`pathway.deadlineStatus.${s}`) })}
          </li>
        ))}
        <li>
          <svg width="28" height="14" aria-hidden="true" focusable="false">
            <path d="M2 3 C 12 3, 16 11, 26 11" className="timeline__link-swatch" />
          </svg>
          {t('pathway.timeline.newRoundLegend')}
        </li>
      </ul>
    </div>
  );
}
