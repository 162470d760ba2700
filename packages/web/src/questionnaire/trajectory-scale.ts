import type { ScoreBand, Trajectory } from '@bedring/contract';

/** The trajectory chart's geometry: pure, so the scaling is tested without a DOM. */

export const W = 640;
export const H = 240;
export const M = { top: 12, right: 112, bottom: 34, left: 40 };
export const PLOT_W = W - M.left - M.right;
export const PLOT_H = H - M.top - M.bottom;

/**
 * The bands a trajectory is drawn against: where the instrument has sex-specific cut-offs, those of the
 * sex whose bands agree with every band the server stored for the points (female first, as the server
 * uses them when the sex is not known), else the bands for everyone.
 */
export function bandsFor(t: Trajectory): ScoreBand[] {
  const all = t.score.bands;
  const bySex = (sex: ScoreBand['sex']) =>
    all.filter((b) => b.sex === null || b.sex === sex).sort((a, b) => a.from - b.from);
  if (!all.some((b) => b.sex !== null)) return bySex(null);
  const fits = (bands: ScoreBand[]) =>
    t.points.every((p) => {
      const band = bands.find((b) => p.value >= b.from && p.value <= b.to);
      return p.bandCode === null || band?.code === p.bandCode;
    });
  return (['female', 'male'] as const).map(bySex).find(fits) ?? bySex('female');
}

export interface ChartScale {
  /** The value axis runs from `bottom` to `top`: zero, the bands, the score's maximum and every point. */
  top: number;
  bottom: number;
  y: (value: number) => number;
  /** Time in ms; a single answer stands in the middle. */
  x: (time: number) => number;
  first: number;
  last: number;
  areas: { band: ScoreBand; y1: number; y2: number }[];
  ticks: number[];
}

export function chartScale(trajectory: Trajectory, bands: ScoreBand[]): ChartScale {
  const { score, points } = trajectory;
  const values = points.map((p) => p.value);
  const top = Math.max(score.max ?? 0, ...bands.map((b) => b.to), ...values, 1);
  const bottom = Math.min(0, ...bands.map((b) => b.from), ...values);
  const y = (v: number) => M.top + PLOT_H - ((v - bottom) / (top - bottom)) * PLOT_H;
  const times = points.map((p) => new Date(p.at).getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = (time: number) =>
    last === first ? M.left + PLOT_W / 2 : M.left + 12 + ((time - first) / (last - first)) * (PLOT_W - 24);
  // ScoreBand areas: each from its lower bound to the next band's, so whole-number bands touch.
  const areas = bands.map((b, i) => {
    const lower = i === 0 ? bottom : b.from;
    const upper = bands[i + 1]?.from ?? top;
    return { band: b, y1: y(upper), y2: y(lower) };
  });
  const ticks = [...new Set([bottom, ...bands.slice(1).map((b) => b.from), top])];
  return { top, bottom, y, x, first, last, areas, ticks };
}
