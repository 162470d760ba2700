import { Roles } from '@bedring/domain';
import { type Static, Type } from '@sinclair/typebox';
import { Closed, Instant, Nullable, OneOf, Uuid } from './common.contract.ts';

/** POST /api/auth/login: the one-time code only for accounts with two-factor login (docs/api.md). */
export const LoginBody = Closed({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
  totp: Type.Optional(Type.String({ maxLength: 10 })),
});
export type LoginBody = Static<typeof LoginBody>;

/** The session's token (also set as an HttpOnly cookie), its end, and who logged in. */
export const LoginAnswer = Closed({
  token: Type.String(),
  expiresAt: Instant,
  csrfToken: Type.String(),
  user: Closed({ id: Uuid, role: OneOf(Roles), displayName: Type.String(), personId: Nullable(Uuid) }),
});
export type LoginAnswer = Static<typeof LoginAnswer>;

export const LogoutAnswer = Closed({ ok: Type.Literal(true) });
export type LogoutAnswer = Static<typeof LogoutAnswer>;

export const OrganisationKinds = ['tsb', 'municipality'] as const;

/** GET /api/auth/me: who is logged in; the CSRF token only for a cookie session. */
export const MeAnswer = Closed({
  user: Closed({
    id: Uuid,
    role: OneOf(Roles),
    displayName: Type.String(),
    personId: Nullable(Uuid),
    unitId: Nullable(Uuid),
    organisation: Nullable(Closed({ id: Uuid, name: Type.String(), kind: OneOf(OrganisationKinds) })),
  }),
  csrfToken: Nullable(Type.String()),
});
export type MeAnswer = Static<typeof MeAnswer>;
