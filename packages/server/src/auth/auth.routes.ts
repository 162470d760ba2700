import { createHash } from 'node:crypto';
import { LoginAnswer, LoginBody, LogoutAnswer, MeAnswer, NoQuery, say } from '@bedring/contract';
import { afterFailedLogin, isLocked, type Role, Roles, requiresTotp, sessionPolicy } from '@bedring/domain';
import { type Selectable, sql } from 'kysely';
import { asActor } from '../access/as-actor.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AccountTable } from '../db/schema.ts';
import { inTenant } from '../db/transaction.ts';
import type { App } from '../http/app.type.ts';
import { HttpError, unauthorized } from '../http/errors.ts';
import { verifyPassword } from './password.ts';
import { csrfToken, newToken, SESSION_COOKIE, tokenHash } from './tokens.ts';
import { totpStep } from './totp.ts';

type AccountRow = Selectable<AccountTable>;

export async function authRoutes(app: App) {
  app.post(
    '/api/auth/login',
    { schema: { body: LoginBody, response: { 200: LoginAnswer } }, config: { public: true } },
    async (req, reply) => {
      const now = app.clock();
      const ipKey = `login-ip:${createHash('sha256').update(req.ip).digest('hex').slice(0, 32)}`;
      const hits = await sql<{ n: number }>`select rate_limit_hit(${ipKey}, 60) as n`.execute(app.db.app);
      // Per client address, counted in the database so that several servers share the count.
      if ((hits.rows[0]?.n ?? 0) > app.limits.loginAttemptsPerMinute) {
        throw new HttpError(429, 'too_many_attempts', say('errors.tooManyAttempts'));
      }
      const found = await sql<AccountRow>`select * from auth_find_account(${req.body.username})`.execute(
        app.db.app,
      );
      const account = found.rows[0];
      const passwordOk = await verifyPassword(account?.password_hash ?? null, req.body.password);
      if (!account || account.disabled_at || isLocked(account.locked_until as Date | null, now))
        throw unauthorized(say('errors.wrongLogin'));
      const who = { tenantId: account.tenant_id, accountId: account.id };
      const actor = { accountId: account.id, organisationId: account.tenant_id, role: account.role as Role };
      if (!passwordOk) {
        await countFailure(app, account, now);
        throw unauthorized(say('errors.wrongLogin'));
      }
      let step: number | null = null;
      if (account.totp_secret || requiresTotp(actor.role)) {
        if (!account.totp_secret)
          throw new HttpError(403, 'totp_enrolment_required', say('errors.totpEnrolmentRequired'));
        if (!req.body.totp) throw new HttpError(401, 'totp_required', say('errors.totpRequired'));
        step = totpStep(account.totp_secret, req.body.totp, now);
        // A wrong code counts toward the lockout like a wrong password (docs/operator-guide.md,
        // "Accounts"): otherwise someone who has the password could try every code.
        if (step === null) {
          await countFailure(app, account, now);
          throw new HttpError(401, 'totp_invalid', say('errors.totpInvalid'));
        }
      }
      const token = newToken();
      const policy = sessionPolicy(actor.role);
      const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
      const used = await inTenant(app.db.app, who, async (trx) => {
        // A code is accepted once: the step is claimed in one statement, so of two logins racing with
        // the same code the second waits for the first's row lock, sees its step, and is refused.
        const reset = await sql<{ id: string }>`
          update account set failed_logins = 0, locked_until = null,
            totp_last_step = coalesce(${step}::bigint, totp_last_step)
          where tenant_id = ${account.tenant_id} and id = ${account.id}
            and (${step}::bigint is null or totp_last_step is null or totp_last_step < ${step}::bigint)
          returning id`.execute(trx);
        if (reset.rows.length === 0) return false;
        await trx
          .insertInto('session')
          .values({
            tenant_id: account.tenant_id,
            account_id: account.id,
            token_hash: tokenHash(token),
            created_at: now,
            last_seen_at: now,
            idle_minutes: policy.idleMinutes,
            absolute_hours: policy.absoluteHours,
          })
          .execute();
        await recordAudit(
          trx,
          actor,
          {
            action: 'login',
            tenantId: account.tenant_id,
            personId: null,
            resourceType: 'Session',
            resourceId: null,
          },
          now,
        );
        return true;
      });
      if (!used) {
        await countFailure(app, account, now);
        throw new HttpError(401, 'totp_invalid', say('errors.totpUsed'));
      }
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        // Secure whenever the request came over https, and always behind a trusted proxy, which is there
        // for TLS (docs/operator-guide.md, "TLS") whether or not it sends X-Forwarded-Proto.
        secure: app.behindProxy || req.protocol === 'https',
        path: '/',
        expires: expiresAt,
      });
      return {
        token,
        expiresAt,
        csrfToken: csrfToken(token),
        user: userView(account, actor.role),
      };
    },
  );

  // Any logged-in user ends their own session and asks who they are.
  const everyone = { access: { roles: Roles } };
  app.post(
    '/api/auth/logout',
    { schema: { querystring: NoQuery, response: { 200: LogoutAnswer } }, config: everyone },
    async (req, reply) => {
      const actor = req.actor!;
      await asActor(app, actor, async (trx, now) => {
        await trx
          .updateTable('session')
          .set({ revoked_at: now })
          .where('tenant_id', '=', actor.organisationId)
          .where('id', '=', actor.sessionId)
          .execute();
        await recordAudit(
          trx,
          actor,
          {
            action: 'logout',
            tenantId: actor.organisationId,
            personId: null,
            resourceType: 'Session',
            resourceId: null,
          },
          now,
        );
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { querystring: NoQuery, response: { 200: MeAnswer } }, config: everyone },
    async (req) => {
      const actor = req.actor!;
      const org = await asActor(app, actor, (trx) =>
        trx
          .selectFrom('organisation')
          .select(['id', 'name', 'kind'])
          .where('id', '=', actor.organisationId)
          .executeTakeFirst(),
      );
      const token = req.cookies[SESSION_COOKIE];
      return {
        user: {
          id: actor.accountId,
          role: actor.role,
          displayName: actor.displayName,
          personId: actor.personId ?? null,
          unitId: actor.unitId,
          organisation: org ?? null,
        },
        csrfToken: actor.viaCookie && token ? csrfToken(token) : null,
      };
    },
  );
}

/**
 * One more failed login; the fifth in a row locks the account (domain login.rules.ts). The count is read
 * under a row lock, so wrong codes sent in parallel are all counted.
 */
async function countFailure(app: App, account: AccountRow, now: Date) {
  await inTenant(app.db.app, { tenantId: account.tenant_id, accountId: account.id }, async (trx) => {
    const row = await trx
      .selectFrom('account')
      .select('failed_logins')
      .where('tenant_id', '=', account.tenant_id)
      .where('id', '=', account.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const next = afterFailedLogin(row.failed_logins, now);
    await trx
      .updateTable('account')
      .set({ failed_logins: next.failures, locked_until: next.lockedUntil })
      .where('tenant_id', '=', account.tenant_id)
      .where('id', '=', account.id)
      .execute();
  });
}

function userView(account: AccountRow, role: Role) {
  return { id: account.id, role, displayName: account.display_name, personId: account.person_id };
}
