import { timingSafeEqual } from 'node:crypto';
import { say } from '@bedring/contract';
import { type Role, sessionIsAlive } from '@bedring/domain';
import { sql } from 'kysely';
import { heldFor, holdTransaction } from '../db/held-transaction.ts';
import type { App } from '../http/app.type.ts';
import { HttpError, unauthorized } from '../http/errors.ts';
import { CSRF_HEADER, csrfToken, SESSION_COOKIE, tokenHash } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Touching last_seen_at on every request would turn each read into a write; once a minute is enough. */
const TOUCH_AFTER_MS = 60_000;

interface SessionRow {
  tenant_id: string;
  session_id: string;
  account_id: string;
  role: string;
  display_name: string;
  person_id: string | null;
  unit_id: string | null;
  created_at: Date;
  last_seen_at: Date;
  idle_minutes: number;
  absolute_hours: number;
  revoked_at: Date | null;
  disabled_at: Date | null;
}

export function bearerOrCookie(authorization: string | undefined, cookie: string | undefined) {
  if (authorization) {
    const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization);
    return m ? { token: m[1]!, viaCookie: false } : null;
  }
  return cookie && /^[A-Za-z0-9_-]{20,100}$/.test(cookie) ? { token: cookie, viaCookie: true } : null;
}

/**
 * Finds the session of every request to a route (bearer token or HttpOnly cookie), enforces the idle
 * and absolute timeouts, and demands the CSRF header on unsafe requests that came with the cookie.
 */
export function installAuth(app: App) {
  app.decorateRequest('actor', null);
  // preValidation, not onRequest: the body has arrived by then, so a slow upload never holds one of the
  // pool's connections in a transaction (held-transaction.ts); 401 still comes before any 400 of the schema.
  app.addHook('preValidation', async (req, reply) => {
    // Decided by the route the router matched, never by the text of the URL: the router decodes the
    // path, so /%61pi/persons/… reaches the /api/persons/:personId route, and a prefix test on req.url
    // would let it through unchecked. Every route is private unless it says `config.public` (health,
    // login, metadata, the web app's files); a stale cookie must not block a new login. A path that no
    // route matches has nothing to guard and answers 404.
    if (req.is404 || req.routeOptions.config?.public) return;
    const found = bearerOrCookie(req.headers.authorization, req.cookies[SESSION_COOKIE]);
    if (!found) throw unauthorized();
    const now = app.clock();
    // The session, and the request's transaction begun with its tenant and account, in one round trip
    // (held-transaction.ts). The hash is hexadecimal, so writing it into the statement is safe.
    const { trx, held } = await holdTransaction(app.db.app);
    try {
      const result = await sql
        .raw<SessionRow>(
          `begin; select set_config('app.tenant_id', s.tenant_id::text, true) as _tenant,
            set_config('app.account_id', s.account_id::text, true) as _account, s.*
          from auth_find_session('${tokenHash(found.token)}') as s`,
        )
        .execute(trx);
      const s = result.rows[0];
      const alive =
        s &&
        !s.disabled_at &&
        sessionIsAlive(
          {
            createdAt: s.created_at,
            lastSeenAt: s.last_seen_at,
            idleMinutes: s.idle_minutes,
            absoluteHours: s.absolute_hours,
            revokedAt: s.revoked_at,
          },
          now,
        );
      if (!alive) throw unauthorized(say('errors.sessionExpired'));
      if (found.viaCookie && !SAFE_METHODS.has(req.method)) {
        const sent = String(req.headers[CSRF_HEADER] ?? '');
        const expected = csrfToken(found.token);
        if (sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
          throw new HttpError(403, 'csrf_token_invalid', say('errors.csrfInvalid'));
        }
      }
      if (now.getTime() - s.last_seen_at.getTime() > TOUCH_AFTER_MS) {
        await trx
          .updateTable('session')
          .set({ last_seen_at: now })
          .where('tenant_id', '=', s.tenant_id)
          .where('id', '=', s.session_id)
          .execute();
      }
      req.actor = {
        accountId: s.account_id,
        role: s.role as Role,
        organisationId: s.tenant_id,
        personId: s.person_id,
        displayName: s.display_name,
        sessionId: s.session_id,
        unitId: s.unit_id,
        viaCookie: found.viaCookie,
      };
    } catch (err) {
      await held.abandon();
      throw err;
    }
    heldFor.set(req.actor, held);
    // Whatever the route did, the connection goes back when the response is over.
    reply.raw.once('close', () => void held.abandon());
  });
}
