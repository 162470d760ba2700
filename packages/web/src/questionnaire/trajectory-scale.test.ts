import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScoreBand, Trajectory, TrajectoryPoint } from '@bedring/contract';
import { bandsFor, chartScale, M, PLOT_H, PLOT_W } from './trajectory-scale.ts';

const band = (from: number, to: number, code: string, sex: ScoreBand['sex'] = null): ScoreBand => ({
  from,
  to,
  sex,
  code,
  level: 'ok',
  label: code,
  labelEn: code,
});

function trajectory(points: TrajectoryPoint[], bands: ScoreBand[], max: number | null = 27): Trajectory {
  return {
    questionnaireId: 'phq-9',
    title: 'PHQ-9',
    titleEn: 'PHQ-9',
    score: {
      linkId: 'total',
      code: { code: 'x' },
      display: 'Sum',
      displayEn: 'Total',
      expression: '',
      direction: 'higher-is-worse',
      reliableChange: null,
      max,
      feedback: false,
      bands,
    },
    points,
  };
}

const point = (at: string, value: number, bandCode: string | null = null): TrajectoryPoint => ({
  at,
  value,
  bandCode,
  responseId: at,
});

const bottomY = M.top + PLOT_H;

test('the value axis runs from zero to the score maximum, higher values higher up', () => {
  const t = trajectory(
    [point('2026-01-01', 5), point('2026-02-01', 20)],
    [band(0, 9, 'low'), band(10, 27, 'high')],
  );
  const s = chartScale(t, bandsFor(t));
  assert.equal(s.bottom, 0);
  assert.equal(s.top, 27);
  assert.equal(s.y(0), bottomY);
  assert.equal(s.y(27), M.top);
  assert.ok(s.y(20) < s.y(5));
  assert.deepEqual(s.ticks, [0, 10, 27]);
});

test('a value above the maximum or below zero widens the axis instead of leaving the chart', () => {
  const t = trajectory([point('2026-01-01', -3), point('2026-02-01', 40)], [], 27);
  const s = chartScale(t, []);
  assert.equal(s.bottom, -3);
  assert.equal(s.top, 40);
  assert.equal(s.y(40), M.top);
  assert.equal(s.y(-3), bottomY);
});

test('time runs left to right inside the plot; a single answer stands in the middle', () => {
  const t = trajectory([point('2026-01-01', 1), point('2026-01-11', 2), point('2026-03-01', 3)], []);
  const s = chartScale(t, []);
  const xs = t.points.map((p) => s.x(new Date(p.at).getTime()));
  assert.equal(xs[0], M.left + 12);
  assert.equal(xs[2], M.left + PLOT_W - 12);
  assert.ok(xs[0]! < xs[1]! && xs[1]! < xs[2]!);
  const one = trajectory([point('2026-01-01', 1)], []);
  const single = chartScale(one, []);
  assert.equal(single.x(single.first), M.left + PLOT_W / 2);
});

test('band areas touch: each reaches from its lower bound to the next band, the last to the top', () => {
  const bands = [band(0, 4, 'a'), band(5, 9, 'b'), band(10, 27, 'c')];
  const t = trajectory([point('2026-01-01', 3)], bands);
  const s = chartScale(t, bands);
  assert.equal(s.areas[0]!.y2, s.y(0));
  for (let i = 1; i < s.areas.length; i++) assert.equal(s.areas[i]!.y2, s.areas[i - 1]!.y1);
  assert.equal(s.areas.at(-1)!.y1, s.y(27));
});

test("sex-specific bands: the sex whose bands agree with the points' stored bands, else female", () => {
  const bands = [
    band(0, 7, 'f-low', 'female'),
    band(8, 40, 'f-high', 'female'),
    band(0, 9, 'm-low', 'male'),
    band(10, 40, 'm-high', 'male'),
  ];
  const male = trajectory([point('2026-01-01', 8, 'm-low')], bands, 40);
  assert.deepEqual(
    bandsFor(male).map((b) => b.code),
    ['m-low', 'm-high'],
  );
  const unknown = trajectory([point('2026-01-01', 8, null)], bands, 40);
  assert.deepEqual(
    bandsFor(unknown).map((b) => b.code),
    ['f-low', 'f-high'],
  );
  const everyone = trajectory([], [band(10, 27, 'b'), band(0, 9, 'a')]);
  assert.deepEqual(
    bandsFor(everyone).map((b) => b.code),
    ['a', 'b'],
  );
});
