import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { target } from './server.ts';

/**
 * Clients that write all the time: each write is a living-condition rating whose note is a unique
 * marker. A write counts as acknowledged only when the server answered 201; every acknowledged marker
 * must be in the database afterwards, whatever happened to the server in between.
 */
export interface Session {
  authorization: string;
  personIds: string[];
}

export async function login(username: string, password: string): Promise<Session> {
  const res = await fetch(`${target.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  const authorization = `Bearer ${((await res.json()) as { token: string }).token}`;
  const list = await fetch(`${target.origin}/api/persons`, { headers: { authorization } });
  const { persons } = (await list.json()) as { persons: { id: string }[] };
  if (persons.length === 0) throw new Error(`${username} has no persons to write about`);
  return { authorization, personIds: persons.map((p) => p.id) };
}

export interface Writers {
  /** Markers the server acknowledged with 201. */
  acknowledged: string[];
  /** Answers by status (0: no answer: connection refused or reset). */
  statuses: Map<number, number>;
  stop(): Promise<void>;
}

export function startWriters(session: Session, clients: number, tag: string): Writers {
  const acknowledged: string[] = [];
  const statuses = new Map<number, number>();
  let running = true;
  let seq = 0;
  const loop = async (client: number) => {
    while (running) {
      const marker = `fault-${tag}-${client}-${seq++}`;
      const personId = session.personIds[seq % session.personIds.length]!;
      let status = 0;
      try {
        const res = await fetch(`${target.origin}/api/persons/${personId}/ratings`, {
          method: 'POST',
          headers: { authorization: session.authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ domain: 'network', rating: 'yellow', note: marker }),
          signal: AbortSignal.timeout(15_000),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch {}
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 201) acknowledged.push(marker);
      // Not faster than a client would retry: 32 writers spinning on a refused port would slow the restart.
      else await sleep(250);
    }
  };
  const loops = Array.from({ length: clients }, (_, i) => loop(i));
  return {
    acknowledged,
    statuses,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Acknowledged markers that are not in the database. */
export async function lostWrites(
  owner: pg.Client,
  tag: string,
  acknowledged: readonly string[],
): Promise<number> {
  const { rows } = await owner.query<{ note: string }>(
    'select note from living_condition_rating where note like $1',
    [`fault-${tag}-%`],
  );
  const stored = new Set(rows.map((r) => r.note));
  return acknowledged.filter((m) => !stored.has(m)).length;
}

export function statusSummary(statuses: Map<number, number>): string {
  return [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s === 0 ? 'no answer' : s}: ${n}`)
    .join(', ');
}
