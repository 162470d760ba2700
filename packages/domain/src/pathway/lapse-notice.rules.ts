/**
 * A lapse recorded anywhere reaches the specialist service (docs/decisions/0018-handover-and-self-admission.md;
 * P-30, P-58): coming back after a relapse must not mean starting over. The lapse becomes a task for the one
 * in the specialist team who still holds the person: first whoever is responsible for the latest episode and
 * still on the care team, then anyone still on the care team, then the latest episode's responsible. Nobody
 * is told about a lapse they recorded themselves.
 */
export interface LapseNoticeFacts {
  /** The person's latest episode in the specialist service, or null when there has been none. */
  latestEpisode: { id: string; unitId: string; responsibleAccountId: string | null } | null;
  /** Staff of the specialist organisation on the person's care team now, oldest relation first. */
  careTeam: readonly { accountId: string; unitId: string | null }[];
  /** Who recorded the lapse. */
  recordedBy: string;
}

export interface LapseNotice {
  episodeId: string;
  unitId: string;
  accountId: string;
}

export function lapseNotice(f: LapseNoticeFacts): LapseNotice | null {
  const episode = f.latestEpisode;
  if (!episode) return null;
  const responsible = episode.responsibleAccountId;
  const onTeam = (id: string | null) => id !== null && f.careTeam.some((c) => c.accountId === id);
  const member =
    f.careTeam.find((c) => c.unitId === episode.unitId)?.accountId ?? f.careTeam[0]?.accountId ?? null;
  const accountId = onTeam(responsible) ? responsible : (member ?? responsible);
  if (!accountId || accountId === f.recordedBy) return null;
  return { episodeId: episode.id, unitId: episode.unitId, accountId };
}
