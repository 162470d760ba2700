/** The few API calls the benchmark makes outside the load itself. */

export interface Session {
  token: string;
  accountId: string;
  displayName: string;
  role: string;
}

export async function login(origin: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as {
    token: string;
    user: { id: string; displayName: string; role: string };
  };
  return {
    token: body.token,
    accountId: body.user.id,
    displayName: body.user.displayName,
    role: body.user.role,
  };
}

/** The ids of the persons in the actor's caseload ("Mine pasienter"). */
export async function caseloadIds(origin: string, token: string): Promise<string[]> {
  const res = await fetch(`${origin}/api/persons`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /api/persons failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { persons: { id: string }[] };
  if (body.persons.length === 0) throw new Error('the caseload is empty');
  return body.persons.map((p) => p.id);
}

export async function databaseVersion(origin: string): Promise<string> {
  const res = await fetch(`${origin}/api/health`);
  const body = (await res.json()) as { database?: { version?: string } };
  return body.database?.version ?? 'unknown';
}
