import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EpisodeView } from '@bedring/contract';
import { chronological, dayNumber, LANE, layoutTimeline } from './timeline.layout.ts';

function episode(over: Partial<EpisodeView> & { id: string; openedOn: string }): EpisodeView {
  return {
    unit: { id: 'u', name: 'Poliklinikk' },
    state: 'referred',
    activeSetting: null,
    plannedSetting: null,
    endedOn: null,
    endOutcome: null,
    previousEpisodeId: null,
    responsible: null,
    possibleEvents: [],
    referral: null,
    events: [],
    rounds: [],
    deadlines: [],
    assessments: [],
    dischargeChecklist: null,
    livingConditions: [],
    handover: null,
    tasks: [],
    ...over,
  };
}

const names = (s: string) => s;

test('episodes are laid out oldest first, one lane each, whatever order they come in', () => {
  const newer = episode({ id: 'b', openedOn: '2026-05-01' });
  const older = episode({ id: 'a', openedOn: '2026-01-10', endedOn: '2026-03-01' });
  assert.deepEqual(
    chronological([newer, older]).map((e) => e.id),
    ['a', 'b'],
  );
  const layout = layoutTimeline([newer, older], '2026-06-01', 800, names);
  assert.deepEqual(
    layout.lanes.map((l) => [l.episode.id, l.number]),
    [
      ['a', 1],
      ['b', 2],
    ],
  );
  assert.equal(layout.lanes[1]!.y - layout.lanes[0]!.y, LANE.height);
  assert.equal(layout.height, layout.axisY + 30);
});

test('dates map to x in order, inside the margins, and today is the rightmost mark', () => {
  const e = episode({
    id: 'a',
    openedOn: '2026-01-01',
    rounds: [{ setting: 'outpatient', from: '2026-01-01', to: '2026-02-01' }],
  });
  const layout = layoutTimeline([e], '2026-04-01', 600, names);
  const lane = layout.lanes[0]!;
  assert.ok(lane.span.x1 > 12, 'the start is padded in from the margin');
  assert.ok(layout.today.x < 600 - 12, 'today is padded in from the right margin');
  assert.ok(lane.span.x1 < lane.bars[0]!.x + lane.bars[0]!.width);
  assert.ok(lane.bars[0]!.x + lane.bars[0]!.width < layout.today.x);
  // An ongoing episode runs to today.
  assert.equal(lane.span.ongoing, true);
  assert.equal(lane.span.x2, layout.today.x);
  assert.deepEqual(layout.range, { from: '2026-01-01', to: '2026-04-01' });
});

test('equal spans of time are equal widths', () => {
  const e = episode({
    id: 'a',
    openedOn: '2026-01-01',
    rounds: [
      { setting: 'outpatient', from: '2026-01-01', to: '2026-01-11' },
      { setting: 'inpatient', from: '2026-02-01', to: '2026-02-11' },
    ],
  });
  const [first, second] = layoutTimeline([e], '2026-03-01', 900, names).lanes[0]!.bars;
  assert.ok(Math.abs(first!.width - second!.width) < 1e-9);
});

test('a setting name is written in its bar only when it fits', () => {
  const e = episode({
    id: 'a',
    openedOn: '2025-01-01',
    rounds: [
      { setting: 'outpatient', from: '2025-01-01', to: '2025-12-01' },
      { setting: 'inpatient', from: '2025-12-01', to: '2025-12-03' },
    ],
  });
  const bars = layoutTimeline([e], '2026-01-01', 800, () => 'Poliklinisk').lanes[0]!.bars;
  assert.deepEqual(
    bars.map((b) => b.labelled),
    [true, false],
  );
  // A very short round still shows as a sliver.
  assert.ok(bars[1]!.width >= 3);
});

test('a re-admission is linked from the end of the previous episode to the start of the next', () => {
  const a = episode({ id: 'a', openedOn: '2026-01-01', endedOn: '2026-02-01' });
  const b = episode({ id: 'b', openedOn: '2026-03-01', previousEpisodeId: 'a' });
  const layout = layoutTimeline([b, a], '2026-04-01', 800, names);
  assert.equal(layout.links.length, 1);
  const [link] = layout.links;
  assert.equal(link!.fromNumber, 1);
  assert.equal(link!.toNumber, 2);
  assert.equal(link!.from.x, layout.lanes[0]!.span.x2);
  assert.equal(link!.to.x, layout.lanes[1]!.span.x1);
  assert.ok(link!.to.y > link!.from.y);
});

test('a met deadline is drawn where it was met, an open one where it is due', () => {
  const e = episode({
    id: 'a',
    openedOn: '2026-01-01',
    deadlines: [
      {
        kind: 'referral-assessment',
        startsOn: '2026-01-01',
        dueOn: '2026-01-31',
        metOn: '2026-01-10',
        closedOn: null,
        settingClass: null,
        limitDays: 30,
        status: 'met',
      },
      {
        kind: 'treatment-start',
        startsOn: '2026-01-10',
        dueOn: '2026-03-01',
        metOn: null,
        closedOn: null,
        settingClass: null,
        limitDays: 50,
        status: 'open',
      },
    ],
  });
  const marks = layoutTimeline([e], '2026-02-01', 800, names).lanes[0]!.deadlines;
  assert.deepEqual(
    marks.map((m) => m.date),
    ['2026-01-10', '2026-03-01'],
  );
  assert.ok(marks[0]!.x < marks[1]!.x);
});

test('a short pathway gets month ticks, a long one year ticks', () => {
  const short = layoutTimeline([episode({ id: 'a', openedOn: '2026-01-15' })], '2026-05-15', 800, names);
  assert.ok(short.ticks.length >= 3);
  assert.ok(short.ticks.every((t) => t.kind === 'month' && t.date.endsWith('-01')));
  const long = layoutTimeline([episode({ id: 'a', openedOn: '2022-03-01' })], '2026-05-15', 800, names);
  assert.deepEqual(
    long.ticks.map((t) => t.date),
    ['2023-01-01', '2024-01-01', '2025-01-01', '2026-01-01'],
  );
  // Ticks run left to right.
  for (let i = 1; i < short.ticks.length; i++) assert.ok(short.ticks[i]!.x > short.ticks[i - 1]!.x);
});

test('month labels are thinned out when the picture is narrow', () => {
  const e = [episode({ id: 'a', openedOn: '2025-01-15' })];
  const wide = layoutTimeline(e, '2026-01-15', 1200, names).ticks;
  const narrow = layoutTimeline(e, '2026-01-15', 320, names).ticks;
  assert.ok(wide.every((t) => t.labelled));
  assert.ok(narrow.filter((t) => t.labelled).length < narrow.length);
});

test('dayNumber counts whole days and ignores a time of day', () => {
  assert.equal(dayNumber('2026-03-02') - dayNumber('2026-02-27'), 3);
  assert.equal(dayNumber('2026-03-02T23:59:00Z'), dayNumber('2026-03-02'));
});
