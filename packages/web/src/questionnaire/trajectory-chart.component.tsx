import type { ScoreBand, Trajectory } from '@bedring/contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { bandLabel, formatNumber, type Lang, langOf, scoreName, titleIn } from './questionnaire-text.ts';
import { bandsFor, chartScale, H, M, PLOT_H, PLOT_W, W } from './trajectory-scale.ts';

/**
 * One score over time: the bands as calm shaded areas, each named in words beside it, the answers as
 * points joined by a line, and the same facts in a table. Nothing is said by colour alone.
 */
export function TrajectoryChart({
  trajectory,
  headingLevel = 3,
}: {
  trajectory: Trajectory;
  headingLevel?: 3 | 4;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const format = useFormat();
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const { score, points } = trajectory;
  const bands = bandsFor(trajectory);
  const { x, y, first, last, areas, ticks } = chartScale(trajectory, bands);

  const name = scoreName(score, lang);
  const title = `${titleIn(trajectory, lang)} – ${name}`;
  const latest = points.at(-1);
  const latestBand = latest ? (bands.find((b) => b.code === latest.bandCode) ?? null) : null;
  const direction = t(`questionnaire.trajectory.direction.${score.direction}`);
  const summary = t('questionnaire.trajectory.summary', {
    title,
    count: points.length,
    from: format.date(points[0]?.at ?? ''),
    to: format.date(latest?.at ?? ''),
    latest: latest ? formatNumber(latest.value, lang) : '',
    band: latestBand ? ` (${bandLabel(latestBand, lang)})` : '',
    direction,
  });
  const H3 = headingLevel === 3 ? 'h3' : 'h4';

  return (
    <figure className="trajectory" aria-labelledby={`${uid}-title`}>
      <H3 id={`${uid}-title`} className="trajectory__title">
        {title}
      </H3>
      <p className="hint">{direction}</p>
      <svg
        className="trajectory__svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMinYMin meet"
      >
        {areas.map(({ band, y1, y2 }) => (
          <g key={band.code} className={`trajectory__band trajectory__band--${band.level}`}>
            <rect x={M.left} y={y1} width={PLOT_W} height={Math.max(0, y2 - y1)} />
            {y2 - y1 >= 12 && (
              <text
                x={M.left + PLOT_W + 6}
                y={(y1 + y2) / 2}
                dominantBaseline="middle"
                className="trajectory__band-label"
              >
                {shortLabel(bandLabel(band, lang))}
              </text>
            )}
          </g>
        ))}
        <line className="trajectory__axis" x1={M.left} x2={M.left} y1={M.top} y2={M.top + PLOT_H} />
        <line
          className="trajectory__axis"
          x1={M.left}
          x2={M.left + PLOT_W}
          y1={M.top + PLOT_H}
          y2={M.top + PLOT_H}
        />
        {ticks.map((v) => (
          <text
            key={v}
            x={M.left - 6}
            y={y(v)}
            textAnchor="end"
            dominantBaseline="middle"
            className="trajectory__tick"
          >
            {formatNumber(v, lang)}
          </text>
        ))}
        {points.length > 1 && (
          <polyline
            className="trajectory__line"
            points={points.map((p) => `${x(new Date(p.at).getTime())},${y(p.value)}`).join(' ')}
          />
        )}
        {points.map((p) => (
          <circle
            key={p.responseId}
            className="trajectory__point"
            cx={x(new Date(p.at).getTime())}
            cy={y(p.value)}
            r={5}
          />
        ))}
        {points.length > 0 && (
          <>
            <text
              x={x(first)}
              y={H - 10}
              textAnchor={points.length > 1 ? 'start' : 'middle'}
              className="trajectory__tick"
            >
              {format.date(points[0]!.at)}
            </text>
            {points.length > 1 && (
              <text x={x(last)} y={H - 10} textAnchor="end" className="trajectory__tick">
                {format.date(latest!.at)}
              </text>
            )}
          </>
        )}
      </svg>
      <ul className="legend trajectory__legend" aria-label={t('questionnaire.trajectory.legend')}>
        {bands.map((b) => (
          <li key={b.code}>
            <svg width="16" height="16" aria-hidden="true" focusable="false">
              <rect
                className={`trajectory__swatch trajectory__band--${b.level}`}
                x="1"
                y="1"
                width="14"
                height="14"
              />
            </svg>
            {bandLabel(b, lang)} ({formatNumber(b.from, lang)}–{formatNumber(b.to, lang)})
          </li>
        ))}
      </ul>
      <details className="trajectory__details">
        <summary>{t('questionnaire.trajectory.showTable')}</summary>
        <ScoreTable trajectory={trajectory} bands={bands} lang={lang} caption={title} />
      </details>
    </figure>
  );
}

function ScoreTable({
  trajectory,
  bands,
  lang,
  caption,
}: {
  trajectory: Trajectory;
  bands: ScoreBand[];
  lang: Lang;
  caption: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table className="pathway-table trajectory__table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('questionnaire.trajectory.date')}</th>
            <th scope="col">{t('questionnaire.trajectory.value')}</th>
            <th scope="col">{t('questionnaire.trajectory.band')}</th>
          </tr>
        </thead>
        <tbody>
          {trajectory.points.map((p) => {
            const band = bands.find((b) => b.code === p.bandCode);
            return (
              <tr key={p.responseId}>
                <th scope="row">{format.date(p.at)}</th>
                <td>
                  {trajectory.score.max != null
                    ? t('questionnaire.scores.valueOfMax', {
                        value: formatNumber(p.value, lang),
                        max: formatNumber(trajectory.score.max, lang),
                      })
                    : formatNumber(p.value, lang)}
                </td>
                <td>{band ? bandLabel(band, lang) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Labels beside the chart have about 100 px; the legend below has the whole label. */
function shortLabel(label: string): string {
  return label.length > 16 ? `${label.slice(0, 15)}…` : label;
}
