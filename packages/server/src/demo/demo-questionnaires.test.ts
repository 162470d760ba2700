import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoIds } from '../testing/demo-ids.ts';
import { expectStatus, type Headers, login, send } from '../testing/requests.ts';
import { type TestApp, testApp } from '../testing/test-app.ts';

/** The demo's questionnaires, read as the demo logins read them (docs/decisions/0005-questionnaires.md). */
let t: TestApp;
let pasientId: string;
before(async () => {
  t = await testApp();
  pasientId = (await demoIds(t.db)).pasient;
});
after(() => t.close());

interface Alert {
  rule: string;
  person: { id: string };
}

const alertsOf = async (headers: Headers) =>
  (await expectStatus<{ alerts: Alert[] }>(send(t, 'GET', '/api/feedback-alerts', headers), 200)).alerts;

describe('the questionnaire demo', () => {
  it('shows Per his PHQ-9 and GAD-7 getting better, and what is due after the last home visit', async () => {
    const patient = await login(t, 'pasient');
    const { trajectories } = await expectStatus<{
      trajectories: { questionnaireId: string; points: { value: number }[] }[];
    }>(send(t, 'GET', `/api/persons/${pasientId}/trajectories`, patient), 200);
    for (const id of ['phq-9', 'gad-7']) {
      const points = trajectories.find((x) => x.questionnaireId === id)?.points ?? [];
      assert.equal(points.length, 5, id);
      assert.ok(points.at(-1)!.value < points[0]!.value, `${id} improves`);
    }
    const { due } = await expectStatus<{ due: { questionnaireId: string; mayAnswer: boolean }[] }>(
      send(t, 'GET', `/api/persons/${pasientId}/questionnaires`, patient),
      200,
    );
    assert.deepEqual(due.map((d) => d.questionnaireId).sort(), ['goal-progress', 'session-feedback']);
  });

  it('puts the low feedback after a home visit on kommune’s list, and a falling one on behandler’s', async () => {
    const kommune = await alertsOf(await login(t, 'kommune'));
    assert.deepEqual(
      kommune
        .filter((a) => a.person.id === pasientId)
        .map((a) => a.rule)
        .sort(),
      ['falling-feedback', 'low-feedback'],
    );
    const behandler = await alertsOf(await login(t, 'behandler'));
    assert.ok(behandler.some((a) => a.rule === 'falling-feedback' && a.person.id !== pasientId));
  });
});
