import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lapseNotice } from './lapse-notice.rules.ts';

const episode = { id: 'e1', unitId: 'u1', responsibleAccountId: 'anna' };

describe('lapseNotice', () => {
  it('reaches the responsible clinician who is still on the care team', () => {
    const careTeam = [
      { accountId: 'bo', unitId: 'u1' },
      { accountId: 'anna', unitId: 'u1' },
    ];
    assert.deepEqual(lapseNotice({ latestEpisode: episode, careTeam, recordedBy: 'kommune' }), {
      episodeId: 'e1',
      unitId: 'u1',
      accountId: 'anna',
    });
  });

  it('reaches someone still on the care team, of the episode unit first, when the responsible has left it', () => {
    const careTeam = [
      { accountId: 'bo', unitId: 'u2' },
      { accountId: 'cato', unitId: 'u1' },
    ];
    assert.equal(lapseNotice({ latestEpisode: episode, careTeam, recordedBy: 'kommune' })?.accountId, 'cato');
  });

  it('reaches the latest episode responsible when nobody holds a relation any more', () => {
    assert.equal(
      lapseNotice({ latestEpisode: episode, careTeam: [], recordedBy: 'kommune' })?.accountId,
      'anna',
    );
  });

  it('tells nobody when there is no episode, no one to tell, or the one to tell recorded it', () => {
    assert.equal(lapseNotice({ latestEpisode: null, careTeam: [], recordedBy: 'kommune' }), null);
    assert.equal(
      lapseNotice({
        latestEpisode: { ...episode, responsibleAccountId: null },
        careTeam: [],
        recordedBy: 'kommune',
      }),
      null,
    );
    assert.equal(lapseNotice({ latestEpisode: episode, careTeam: [], recordedBy: 'anna' }), null);
  });
});
