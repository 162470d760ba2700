import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyEvent,
  type EpisodeSnapshot,
  type EpisodeState,
  EpisodeStates,
  type EventKind,
  EventKinds,
  openedBy,
  type PathwayEvent,
  pathwayCodes,
  possibleEvents,
  RecordableEventKinds,
  replay,
  Settings,
  settingClass,
} from './episode.rules.ts';

/** The machine as we expect it, written out by hand: a change to the rules must change this list. */
const ALLOWED: Record<EventKind, readonly EpisodeState[]> = {
  'referral-received': [],
  readmitted: [],
  'referral-assessed': ['referred'],
  waiting: ['assessed'],
  'first-attendance': ['assessed', 'waiting'],
  'round-started': ['in-treatment'],
  'round-ended': ['in-treatment'],
  'clinical-decision': ['in-treatment'],
  evaluation: ['in-treatment'],
  discharged: ['in-treatment'],
  'follow-up-started': ['discharged'],
  ended: ['referred', 'assessed', 'waiting', 'in-treatment', 'discharged', 'follow-up'],
};

const snapshot = (state: EpisodeState, extra: Partial<EpisodeSnapshot> = {}): EpisodeSnapshot => ({
  state,
  activeSetting: null,
  hasClinicalDecision: false,
  ...extra,
});

const ev = (kind: EventKind, extra: Partial<PathwayEvent> = {}): PathwayEvent => ({
  kind,
  date: '2026-03-02',
  ...extra,
});

/** Snapshots that cover every flag combination, so a guard cannot hide an illegal transition. */
const variants = (state: EpisodeState): EpisodeSnapshot[] => [
  snapshot(state),
  snapshot(state, { activeSetting: 'outpatient' }),
  snapshot(state, { hasClinicalDecision: true }),
  snapshot(state, { activeSetting: 'detox', hasClinicalDecision: true }),
];

describe('episode vocabulary', () => {
  it('has the seven states, five settings and twelve event kinds', () => {
    assert.deepEqual(EpisodeStates, [
      'referred',
      'assessed',
      'waiting',
      'in-treatment',
      'discharged',
      'follow-up',
      'ended',
    ]);
    assert.deepEqual(Settings, ['outpatient', 'day', 'inpatient', 'detox', 'lar']);
    assert.equal(EventKinds.length, 12);
    assert.deepEqual(Object.keys(ALLOWED).sort(), [...EventKinds].sort());
  });

  it('classes detox and inpatient as inpatient, the rest as outpatient (docs/domain/pathway.md)', () => {
    assert.deepEqual(
      Settings.map((s) => [s, settingClass(s)]),
      [
        ['outpatient', 'outpatient'],
        ['day', 'outpatient'],
        ['inpatient', 'inpatient'],
        ['detox', 'inpatient'],
        ['lar', 'outpatient'],
      ],
    );
  });
});

describe('applyEvent: which transitions are legal', () => {
  it('accepts exactly the hand-written list of transitions (the machine has not changed silently)', () => {
    const observed: Record<string, EpisodeState[]> = {};
    for (const kind of EventKinds) {
      observed[kind] = EpisodeStates.filter(
        (state) =>
          // An active round and no decision yet lets every guarded event through.
          applyEvent(snapshot(state, { activeSetting: 'outpatient' }), ev(kind)).ok,
      );
    }
    assert.deepEqual(observed, ALLOWED);
  });

  it('refuses every other event × state combination as an illegal transition, whatever the flags', () => {
    let illegal = 0;
    for (const kind of EventKinds) {
      for (const state of EpisodeStates) {
        if (ALLOWED[kind].includes(state)) continue;
        illegal += 1;
        for (const episode of variants(state)) {
          const result = applyEvent(episode, ev(kind, { setting: 'inpatient', outcome: 'planned' }));
          assert.equal(result.ok, false, `${kind} from ${state}`);
          if (result.ok) continue;
          assert.equal(result.reason, 'illegal-transition', `${kind} from ${state}`);
          assert.equal(result.message, `"${kind}" cannot happen to an episode that is "${state}"`);
        }
      }
    }
    // 12 kinds × 7 states = 84 pairs, of which 16 are legal.
    assert.equal(illegal, 68);
  });

  it('lets nothing happen to an ended episode (re-admission opens a new episode)', () => {
    for (const kind of EventKinds) assert.equal(applyEvent(snapshot('ended'), ev(kind)).ok, false, kind);
    assert.deepEqual(possibleEvents(snapshot('ended')), []);
  });

  it('never changes the episode it is given', () => {
    const episode = snapshot('in-treatment', { activeSetting: 'detox' });
    const frozen = Object.freeze({ ...episode });
    const result = applyEvent(frozen, ev('discharged'));
    assert.equal(result.ok, true);
    assert.deepEqual(frozen, episode);
  });
});

describe('applyEvent: what each legal event does', () => {
  const next = (episode: EpisodeSnapshot, event: PathwayEvent): EpisodeSnapshot => {
    const result = applyEvent(episode, event);
    assert.equal(result.ok, true, `${event.kind} from ${episode.state}`);
    if (!result.ok) throw new Error('unreachable');
    return result.next;
  };

  it('moves through referral, assessment and waiting', () => {
    assert.deepEqual(next(snapshot('referred'), ev('referral-assessed')), snapshot('assessed'));
    assert.deepEqual(next(snapshot('assessed'), ev('waiting')), snapshot('waiting'));
  });

  it('starts treatment at first attendance, from assessed or waiting, in the setting given', () => {
    assert.deepEqual(
      next(snapshot('waiting'), ev('first-attendance', { setting: 'detox' })),
      snapshot('in-treatment', { activeSetting: 'detox' }),
    );
    assert.deepEqual(
      next(snapshot('assessed'), ev('first-attendance', { setting: 'outpatient' })),
      snapshot('in-treatment', { activeSetting: 'outpatient' }),
    );
    assert.deepEqual(next(snapshot('waiting'), ev('first-attendance')), snapshot('in-treatment'));
  });

  it('starts and ends treatment rounds', () => {
    const started = next(snapshot('in-treatment'), ev('round-started', { setting: 'inpatient' }));
    assert.deepEqual(started, snapshot('in-treatment', { activeSetting: 'inpatient' }));
    assert.deepEqual(next(started, ev('round-ended')), snapshot('in-treatment'));
  });

  it('refuses to end a round when none is under way', () => {
    const result = applyEvent(snapshot('in-treatment'), ev('round-ended'));
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.reason, 'no-active-round');
    const afterEnd = replay([
      ev('referral-assessed'),
      ev('first-attendance', { setting: 'detox' }),
      ev('round-ended'),
    ]);
    assert.equal(afterEnd.activeSetting, null);
    const again = applyEvent(afterEnd, ev('round-ended'));
    assert.equal(again.ok, false);
    if (!again.ok) assert.equal(again.reason, 'no-active-round');
  });

  it('records one clinical decision and refuses a second', () => {
    const decided = next(snapshot('in-treatment', { activeSetting: 'day' }), ev('clinical-decision'));
    assert.deepEqual(decided, snapshot('in-treatment', { activeSetting: 'day', hasClinicalDecision: true }));
    const second = applyEvent(decided, ev('clinical-decision'));
    assert.equal(second.ok, false);
    if (!second.ok) assert.equal(second.reason, 'clinical-decision-exists');
  });

  it('allows an evaluation without changing the episode, as many times as needed', () => {
    const episode = snapshot('in-treatment', { activeSetting: 'outpatient', hasClinicalDecision: true });
    assert.deepEqual(next(episode, ev('evaluation')), episode);
    assert.deepEqual(next(next(episode, ev('evaluation')), ev('evaluation')), episode);
  });

  it('ends the round under way on discharge and on end', () => {
    assert.deepEqual(
      next(
        snapshot('in-treatment', { activeSetting: 'inpatient', hasClinicalDecision: true }),
        ev('discharged'),
      ),
      snapshot('discharged', { hasClinicalDecision: true }),
    );
    assert.deepEqual(
      next(snapshot('in-treatment', { activeSetting: 'lar' }), ev('ended', { outcome: 'transferred' })),
      snapshot('ended'),
    );
    assert.deepEqual(next(snapshot('discharged'), ev('follow-up-started')), snapshot('follow-up'));
    assert.deepEqual(next(snapshot('follow-up'), ev('ended', { outcome: 'planned' })), snapshot('ended'));
  });
});

describe('a whole episode', () => {
  it('walks the happy path referred → assessed → waiting → in treatment → discharged → follow-up → ended', () => {
    const steps: [PathwayEvent, EpisodeSnapshot][] = [
      [ev('referral-assessed', { date: '2026-03-10' }), snapshot('assessed')],
      [ev('waiting', { date: '2026-03-10' }), snapshot('waiting')],
      [
        ev('first-attendance', { date: '2026-04-20', setting: 'detox' }),
        snapshot('in-treatment', { activeSetting: 'detox' }),
      ],
      [ev('round-ended', { date: '2026-04-24' }), snapshot('in-treatment')],
      [
        ev('round-started', { date: '2026-04-24', setting: 'inpatient' }),
        snapshot('in-treatment', { activeSetting: 'inpatient' }),
      ],
      [
        ev('clinical-decision', { date: '2026-04-27' }),
        snapshot('in-treatment', { activeSetting: 'inpatient', hasClinicalDecision: true }),
      ],
      [
        ev('evaluation', { date: '2026-05-04', withPerson: true }),
        snapshot('in-treatment', { activeSetting: 'inpatient', hasClinicalDecision: true }),
      ],
      [ev('round-ended', { date: '2026-06-01' }), snapshot('in-treatment', { hasClinicalDecision: true })],
      [
        ev('round-started', { date: '2026-06-02', setting: 'outpatient' }),
        snapshot('in-treatment', { activeSetting: 'outpatient', hasClinicalDecision: true }),
      ],
      [
        ev('discharged', { date: '2026-07-01', helpNeeded: 'municipal' }),
        snapshot('discharged', { hasClinicalDecision: true }),
      ],
      [ev('follow-up-started', { date: '2026-07-03' }), snapshot('follow-up', { hasClinicalDecision: true })],
      [
        ev('ended', { date: '2026-12-01', outcome: 'planned' }),
        snapshot('ended', { hasClinicalDecision: true }),
      ],
    ];
    let episode = openedBy('referral-received');
    assert.deepEqual(episode, snapshot('referred'));
    for (const [event, expected] of steps) {
      const result = applyEvent(episode, event);
      assert.equal(result.ok, true, event.kind);
      if (!result.ok) return;
      assert.deepEqual(result.next, expected, `after ${event.kind} on ${event.date}`);
      episode = result.next;
    }
    assert.deepEqual(replay(steps.map(([event]) => event)), episode);
  });

  it('records a drop-out from the waiting list as an end, without penalty', () => {
    const episode = replay([ev('referral-assessed'), ev('waiting'), ev('ended', { outcome: 'drop-out' })]);
    assert.deepEqual(episode, snapshot('ended'));
  });

  it('records a drop-out during treatment as an end that closes the round under way', () => {
    const episode = replay([
      ev('referral-assessed'),
      ev('first-attendance', { setting: 'inpatient' }),
      ev('clinical-decision'),
      ev('ended', { outcome: 'drop-out' }),
    ]);
    assert.deepEqual(episode, snapshot('ended', { hasClinicalDecision: true }));
  });
});

describe('possibleEvents', () => {
  it('offers the buttons that fit the state', () => {
    assert.deepEqual(possibleEvents(snapshot('referred')), ['ended']);
    assert.deepEqual(possibleEvents(snapshot('assessed')), ['waiting', 'first-attendance', 'ended']);
    assert.deepEqual(possibleEvents(snapshot('waiting')), ['first-attendance', 'ended']);
    assert.deepEqual(possibleEvents(snapshot('in-treatment', { activeSetting: 'outpatient' })), [
      'round-started',
      'round-ended',
      'clinical-decision',
      'evaluation',
      'discharged',
      'ended',
    ]);
    assert.deepEqual(possibleEvents(snapshot('in-treatment', { hasClinicalDecision: true })), [
      'round-started',
      'evaluation',
      'discharged',
      'ended',
    ]);
    assert.deepEqual(possibleEvents(snapshot('discharged')), ['ended']);
    assert.deepEqual(possibleEvents(snapshot('follow-up')), ['ended']);
    assert.deepEqual(possibleEvents(snapshot('ended')), []);
  });

  it('offers only recordable events, never the ones that come from forms', () => {
    assert.deepEqual(RecordableEventKinds, [
      'waiting',
      'first-attendance',
      'round-started',
      'round-ended',
      'clinical-decision',
      'evaluation',
      'discharged',
      'ended',
    ]);
  });

  it('agrees with applyEvent: offered events succeed, the other recordable ones are refused', () => {
    for (const state of EpisodeStates) {
      for (const episode of variants(state)) {
        const offered = possibleEvents(episode);
        for (const kind of RecordableEventKinds) {
          const ok = applyEvent(episode, ev(kind, { setting: 'outpatient' })).ok;
          assert.equal(ok, offered.includes(kind), `${kind} from ${JSON.stringify(episode)}`);
        }
      }
    }
  });
});

describe('openedBy and replay', () => {
  it('opens an episode as referred from a referral, and as waiting on a re-admission', () => {
    assert.deepEqual(openedBy('referral-received'), snapshot('referred'));
    assert.deepEqual(openedBy('readmitted'), snapshot('waiting'));
  });

  it('starts from a referred episode when there are no events or no opening event', () => {
    assert.deepEqual(replay([]), snapshot('referred'));
    assert.deepEqual(replay([ev('referral-assessed')]), snapshot('assessed'));
  });

  it('uses the opening event only to open the episode', () => {
    assert.deepEqual(replay([ev('referral-received')]), snapshot('referred'));
    assert.deepEqual(replay([ev('readmitted')]), snapshot('waiting'));
    assert.deepEqual(
      replay([ev('readmitted'), ev('first-attendance', { setting: 'outpatient' })]),
      snapshot('in-treatment', { activeSetting: 'outpatient' }),
    );
    // A re-admission goes straight to waiting: there is no referral to assess.
    assert.deepEqual(replay([ev('readmitted'), ev('referral-assessed')]), snapshot('waiting'));
  });

  it('skips refused events and goes on with the rest', () => {
    assert.deepEqual(replay([ev('first-attendance', { setting: 'day' })]), snapshot('referred'));
    assert.deepEqual(
      replay([
        ev('referral-received'),
        ev('referral-assessed'),
        ev('round-ended'), // refused: not in treatment
        ev('readmitted'), // refused: only opens an episode
        ev('first-attendance', { setting: 'day' }),
        ev('clinical-decision'),
        ev('clinical-decision'), // refused: already decided
        ev('round-ended'),
        ev('round-ended'), // refused: no round under way
      ]),
      snapshot('in-treatment', { hasClinicalDecision: true }),
    );
  });

  it('gives the same episode as applying the events one by one', () => {
    const events = [
      ev('referral-received'),
      ev('referral-assessed'),
      ev('waiting'),
      ev('first-attendance', { setting: 'lar' }),
      ev('clinical-decision'),
      ev('discharged'),
    ];
    let episode = openedBy('referral-received');
    for (const event of events.slice(1)) {
      const step = applyEvent(episode, event);
      assert.equal(step.ok, true, event.kind);
      if (step.ok) episode = step.next;
    }
    assert.deepEqual(replay(events), episode);
    assert.deepEqual(episode, snapshot('discharged', { hasClinicalDecision: true }));
  });
});

describe('pathwayCodes', () => {
  it('yields the national code of each event kind', () => {
    const expected: Record<EventKind, string[]> = {
      'referral-received': ['pathway-start'],
      readmitted: ['pathway-start'],
      'referral-assessed': [],
      waiting: [],
      'first-attendance': ['first-attendance'],
      'round-started': [],
      'round-ended': [],
      'clinical-decision': ['clinical-decision'],
      evaluation: ['evaluation-without-person'],
      discharged: ['help-needed-at-discharge'],
      'follow-up-started': [],
      ended: ['pathway-end'],
    };
    for (const kind of EventKinds) assert.deepEqual(pathwayCodes(ev(kind)), expected[kind], kind);
  });

  it('codes an evaluation with or without the person, and the feedback tool', () => {
    assert.deepEqual(pathwayCodes(ev('evaluation', { withPerson: true })), ['evaluation-with-person']);
    assert.deepEqual(pathwayCodes(ev('evaluation', { withPerson: false })), ['evaluation-without-person']);
    assert.deepEqual(pathwayCodes(ev('evaluation', { withPerson: null })), ['evaluation-without-person']);
    assert.deepEqual(pathwayCodes(ev('evaluation', { withPerson: true, feedbackToolUsed: true })), [
      'evaluation-with-person',
      'feedback-tool-used',
    ]);
    assert.deepEqual(pathwayCodes(ev('evaluation', { withPerson: false, feedbackToolUsed: true })), [
      'evaluation-without-person',
      'feedback-tool-used',
    ]);
    assert.deepEqual(pathwayCodes(ev('evaluation', { withPerson: true, feedbackToolUsed: false })), [
      'evaluation-with-person',
    ]);
  });

  it('codes a feedback tool only on an evaluation', () => {
    for (const kind of EventKinds) {
      if (kind === 'evaluation') continue;
      const codes = pathwayCodes(ev(kind, { withPerson: true, feedbackToolUsed: true }));
      assert.equal(codes.includes('feedback-tool-used'), false, kind);
      assert.equal(codes.includes('evaluation-with-person'), false, kind);
    }
  });

  it('codes the end of the pathway whatever the outcome, and help needed on every discharge', () => {
    for (const outcome of ['planned', 'drop-out', 'transferred', 'other'] as const)
      assert.deepEqual(pathwayCodes(ev('ended', { outcome })), ['pathway-end'], outcome);
    for (const helpNeeded of ['none', 'municipal', 'specialist', 'municipal-and-specialist'] as const)
      assert.deepEqual(
        pathwayCodes(ev('discharged', { helpNeeded })),
        ['help-needed-at-discharge'],
        helpNeeded,
      );
  });
});
