import type { EpisodeView } from '@bedring/contract';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import type { Setting } from './pathway.ts';
import { LANE, layoutTimeline } from './timeline.layout.ts';
import { DeadlineMark, SettingPatterns, TimelineLegend } from './timeline-marks.component.tsx';

/**
 * The pathway as a picture across years (docs/domain/care-principles.md: pictures where people look for
 * change): one lane per episode, treatment rounds as bars whose setting is told by pattern and name as well
 * as colour, events and deadlines as markers of their own shapes, and a re-admission linked to the episode
 * before it — a new round, never drawn as a failure. The picture is an image with a short name; the same
 * facts are in the text alternative beside it.
 */
export function PathwayTimeline({
  episodes,
  today,
  viewer = 'staff',
}: {
  episodes: EpisodeView[];
  today: string;
  /** The person sees "Runde 1" where staff see "Episode 1". */
  viewer?: 'staff' | 'self';
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const canvas = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(720);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.floor(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const settingName = (s: Setting) => t(`pathway.settings.${s}`);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the setting names change with the language only
  const layout = useMemo(
    () => layoutTimeline(episodes, today, width, settingName),
    [episodes, today, width, t],
  );
  const period = (from: string, to: string | null) =>
    to
      ? t('pathway.period', { from: format.calendarDate(from), to: format.calendarDate(to) })
      : t('pathway.periodOngoing', { from: format.calendarDate(from) });
  const year = (iso: string) => iso.slice(0, 4);
  const month = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO', {
    month: 'short',
    timeZone: 'UTC',
  });
  const tickLabel = (iso: string, kind: 'year' | 'month') =>
    kind === 'year' || iso.slice(5, 7) === '01'
      ? year(iso)
      : month.format(new Date(`${iso}T00:00:00Z`)).replace('.', '');
  const barMiddle = LANE.barTop + LANE.barHeight / 2;
  const pattern = (s: Setting) => `url(#${uid}-${s})`;
  const firstTick = layout.ticks.find((tick) => tick.labelled);

  return (
    <div className="timeline">
      <div ref={canvas} className="timeline__canvas">
        <svg
          className="timeline__svg"
          role="img"
          aria-labelledby={`${uid}-title`}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
        >
          <title id={`${uid}-title`}>
            {t(viewer === 'self' ? 'pathway.self.timelineLabel' : 'pathway.timeline.label', {
              count: episodes.length,
              from: format.calendarDate(layout.range.from),
              to: format.calendarDate(layout.range.to),
            })}
          </title>
          <SettingPatterns uid={uid} />

          {/* Axis: years (or months) as thin lines through every lane. */}
          <g className="timeline__axis">
            {layout.ticks.map((tick) => (
              <g key={tick.date}>
                <line
                  x1={tick.x}
                  x2={tick.x}
                  y1={0}
                  y2={layout.axisY + 6}
                  className={`timeline__tick timeline__tick--${tick.kind}`}
                />
                {tick.labelled && (
                  <text x={tick.x + 4} y={layout.axisY + 20} className="timeline__tick-label">
                    {tickLabel(tick.date, tick.kind)}
                  </text>
                )}
              </g>
            ))}
            {(!firstTick || firstTick.x > 56) && (
              <text x={4} y={layout.axisY + 20} className="timeline__tick-label">
                {year(layout.range.from)}
              </text>
            )}
            <line
              x1={0}
              x2={layout.width}
              y1={layout.axisY}
              y2={layout.axisY}
              className="timeline__baseline"
            />
          </g>

          <g className="timeline__today">
            <line x1={layout.today.x} x2={layout.today.x} y1={0} y2={layout.axisY} />
            <text x={layout.today.x - 4} y={13} textAnchor="end" className="timeline__today-label">
              {t('pathway.timeline.today')}
            </text>
          </g>

          {layout.lanes.map((lane) => (
            <g key={lane.episode.id} transform={`translate(0 ${lane.y})`} className="timeline__lane">
              <text x={lane.headX} y={LANE.head} className="timeline__lane-title">
                {t(viewer === 'self' ? 'pathway.self.round' : 'pathway.episodeName', { n: lane.number })} ·{' '}
                {lane.episode.unit.name}
              </text>
              <line
                x1={lane.span.x1}
                x2={lane.span.x2}
                y1={barMiddle}
                y2={barMiddle}
                className={`timeline__span${lane.span.ongoing ? ' timeline__span--ongoing' : ''}`}
              />
              {lane.span.ongoing && (
                <path
                  d="M0 0L-8 -5L-8 5z"
                  transform={`translate(${lane.span.x2} ${barMiddle})`}
                  className="timeline__arrow"
                />
              )}
              {lane.bars.map((bar) => (
                <g key={`${bar.setting}-${bar.from}`}>
                  <rect
                    x={bar.x}
                    y={LANE.barTop}
                    width={bar.width}
                    height={LANE.barHeight}
                    rx={4}
                    fill={pattern(bar.setting)}
                    className={`timeline__bar timeline__bar--${bar.setting}`}
                  >
                    <title>
                      {settingName(bar.setting)}: {period(bar.from, bar.to)}
                    </title>
                  </rect>
                  {bar.labelled && (
                    <text
                      x={bar.x + 5}
                      y={LANE.barTop + LANE.barHeight / 2 + 4}
                      className={`timeline__bar-label timeline__bar-label--${bar.setting}`}
                    >
                      {settingName(bar.setting)}
                    </text>
                  )}
                </g>
              ))}
              {lane.events.map((ev) => (
                <g key={ev.key} transform={`translate(${ev.x} ${LANE.events})`}>
                  <line y1={-LANE.events + barMiddle} y2={0} className="timeline__pin" />
                  <circle r={4.5} className={`timeline__event timeline__event--${ev.kind}`}>
                    <title>
                      {t(`pathway.events.${ev.kind}`)}: {format.calendarDate(ev.date)}
                    </title>
                  </circle>
                </g>
              ))}
              {lane.deadlines.map((d) => (
                <g key={d.key} transform={`translate(${d.x} ${LANE.deadlines})`}>
                  <DeadlineMark status={d.status} />
                  <title>
                    {t(`pathway.deadlineKinds.${d.kind}`)}: {t(`pathway.deadlineStatus.${d.status}`)},{' '}
                    {format.calendarDate(d.date)}
                  </title>
                </g>
              ))}
            </g>
          ))}

          {layout.links.map((link) => {
            const midY = (link.from.y + link.to.y) / 2;
            const path = `M${link.from.x} ${link.from.y} C ${link.from.x + 24} ${midY}, ${link.to.x - 24} ${midY}, ${link.to.x} ${link.to.y}`;
            // The arrowhead follows the curve's last tangent (from the second control point to the end).
            const angle = (Math.atan2(link.to.y - midY, 24) * 180) / Math.PI;
            return (
              <g key={`${link.fromNumber}-${link.toNumber}`} className="timeline__link">
                <path d={path} />
                <path
                  d="M0 0L-10 -5.5L-10 5.5z"
                  transform={`translate(${link.to.x} ${link.to.y}) rotate(${angle})`}
                  className="timeline__link-arrow"
                />
                <text
                  x={Math.min((link.from.x + link.to.x) / 2 + 6, layout.width - 70)}
                  y={midY + 4}
                  className="timeline__link-label"
                >
                  {t('pathway.timeline.newRound')}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <TimelineLegend uid={uid} />
    </div>
  );
}
