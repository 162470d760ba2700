import type { EpisodeView } from '@bedring/contract';
import type { DeadlineStatus, Setting } from './pathway.ts';

/**
 * Where everything goes in the pathway picture: pure geometry, no React, so the picture and its text
 * alternative are made from the same facts. One lane per episode, oldest at the top; a re-admission
 * is drawn as a link from the end of the previous episode to the start of the new one.
 */

const DAY_MS = 86_400_000;
export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const LANE = { height: 96, head: 16, barTop: 24, barHeight: 22, events: 60, deadlines: 80 } as const;
const AXIS_HEIGHT = 30;
/** Room above the lanes for the "today" label. */
const TOP = 20;
const MARGIN = 12;

export interface Tick {
  x: number;
  date: string;
  /** Year ticks are labelled with the year, month ticks with the month (and the year in January). */
  kind: 'year' | 'month';
  labelled: boolean;
}

export interface LaneBar {
  setting: Setting;
  x: number;
  width: number;
  from: string;
  to: string | null;
  /** Room for the setting's name inside the bar. */
  labelled: boolean;
}

export interface Marker {
  x: number;
  date: string;
  key: string;
}

export interface LaneLayout {
  episode: EpisodeView;
  number: number;
  y: number;
  span: { x1: number; x2: number; ongoing: boolean };
  headX: number;
  bars: LaneBar[];
  events: (Marker & { kind: EpisodeView['events'][number]['kind'] })[];
  deadlines: (Marker & { status: DeadlineStatus; kind: EpisodeView['deadlines'][number]['kind'] })[];
}

export interface Link {
  from: { x: number; y: number };
  to: { x: number; y: number };
  fromNumber: number;
  toNumber: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  axisY: number;
  ticks: Tick[];
  today: { x: number; date: string };
  lanes: LaneLayout[];
  links: Link[];
  range: { from: string; to: string };
}

/** Episodes in the order they opened: the picture reads from the top (oldest) down (newest). */
export function chronological(episodes: readonly EpisodeView[]): EpisodeView[] {
  return [...episodes].sort((a, b) => a.openedOn.localeCompare(b.openedOn));
}

/** Rough width of a label in px at 12 px system font (no DOM measuring, so it is the same everywhere). */
export const textWidth = (text: string, px = 12) => text.length * px * 0.56 + 8;

export function layoutTimeline(
  episodesIn: readonly EpisodeView[],
  today: string,
  width: number,
  settingName: (s: Setting) => string,
): TimelineLayout {
  const episodes = chronological(episodesIn);
  const dates: number[] = [dayNumber(today)];
  for (const e of episodes) {
    dates.push(dayNumber(e.openedOn));
    if (e.endedOn) dates.push(dayNumber(e.endedOn));
    for (const ev of e.events) dates.push(dayNumber(ev.date));
    for (const d of e.deadlines) dates.push(dayNumber(d.metOn ?? d.dueOn));
  }
  const first = Math.min(...dates);
  const last = Math.max(...dates);
  const pad = Math.max(10, Math.round((last - first) * 0.03));
  const from = first - pad;
  const to = last + pad;
  const inner = Math.max(width - 2 * MARGIN, 100);
  const x = (iso: string) => MARGIN + ((dayNumber(iso) - from) / (to - from)) * inner;

  const ticks = ticksFor(from, to, inner, x);
  const lanes: LaneLayout[] = episodes.map((episode, i) => {
    const y = TOP + i * LANE.height;
    const endX = x(episode.endedOn ?? today);
    const bars = episode.rounds.map((r) => {
      const x1 = x(r.from);
      const x2 = Math.max(x(r.to ?? episode.endedOn ?? today), x1 + 3);
      return {
        setting: r.setting,
        x: x1,
        width: x2 - x1,
        from: r.from,
        to: r.to,
        labelled: x2 - x1 >= textWidth(settingName(r.setting)),
      };
    });
    return {
      episode,
      number: i + 1,
      y,
      span: {
        x1: x(episode.openedOn),
        x2: Math.max(endX, x(episode.openedOn) + 2),
        ongoing: !episode.endedOn,
      },
      headX: Math.min(Math.max(x(episode.openedOn), MARGIN), Math.max(MARGIN, width - MARGIN - 150)),
      bars,
      events: episode.events.map((ev) => ({ x: x(ev.date), date: ev.date, key: ev.id, kind: ev.kind })),
      deadlines: episode.deadlines.map((d) => ({
        x: x(d.metOn ?? d.closedOn ?? d.dueOn),
        date: d.metOn ?? d.closedOn ?? d.dueOn,
        key: `${d.kind}-${d.startsOn}`,
        status: d.status,
        kind: d.kind,
      })),
    };
  });

  const byId = new Map(lanes.map((l) => [l.episode.id, l]));
  const barMiddle = LANE.barTop + LANE.barHeight / 2;
  const links: Link[] = [];
  for (const lane of lanes) {
    const previous = lane.episode.previousEpisodeId ? byId.get(lane.episode.previousEpisodeId) : undefined;
    if (!previous) continue;
    links.push({
      from: { x: previous.span.x2, y: previous.y + barMiddle },
      to: { x: lane.span.x1, y: lane.y + barMiddle },
      fromNumber: previous.number,
      toNumber: lane.number,
    });
  }

  const lanesBottom = TOP + lanes.length * LANE.height;
  return {
    width,
    height: lanesBottom + AXIS_HEIGHT,
    axisY: lanesBottom,
    ticks,
    today: { x: x(today), date: today },
    lanes,
    links,
    range: { from: isoOf(first), to: isoOf(last) },
  };
}

/** Years across a long pathway, months across a short one; labels thinned out to fit the width. */
function ticksFor(from: number, to: number, inner: number, x: (iso: string) => number): Tick[] {
  const span = to - from;
  const start = new Date(from * DAY_MS);
  const ticks: Tick[] = [];
  if (span > 540) {
    for (let year = start.getUTCFullYear() + 1; ; year++) {
      const date = `${year}-01-01`;
      if (dayNumber(date) > to) break;
      ticks.push({ x: x(date), date, kind: 'year', labelled: true });
    }
    return ticks;
  }
  const pxPerMonth = (inner / span) * 30.4;
  const every = pxPerMonth >= 44 ? 1 : pxPerMonth >= 22 ? 2 : pxPerMonth >= 15 ? 3 : 6;
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  for (;;) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    if (dayNumber(date) > to) break;
    ticks.push({ x: x(date), date, kind: 'month', labelled: (month - 1) % every === 0 });
  }
  return ticks;
}
