import type { Actor } from '@bedring/domain';

/** Who is making this request: the domain's Actor plus what the HTTP layer needs. */
export interface RequestActor extends Actor {
  displayName: string;
  sessionId: string;
  unitId: string | null;
  /** True when the session came from the cookie: unsafe methods then need the CSRF header. */
  viaCookie: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: RequestActor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, login, FHIR metadata, the web app's files). */
    public?: boolean;
    /** The web app's own files: cached as fastify-static says, the one exception to no-store. */
    static?: boolean;
  }
}
