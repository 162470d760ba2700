import { existsSync } from 'node:fs';
import { HealthOk, HealthUnavailable, NoQuery } from '@bedring/contract';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController } from 'fastify';
import { breakGlassRoutes } from '../access/break-glass.routes.ts';
import { consentRoutes } from '../access/consent.routes.ts';
import { enforceDeclaredAccess } from '../access/declared-access.ts';
import { noteRecordUse } from '../access/record-use.ts';
import { unitAccessLogRoutes } from '../access/unit-access-log.routes.ts';
import { installAuth } from '../auth/auth.plugin.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { checkinPlugin } from '../checkin/checkin.plugin.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
import { exportRoutes } from '../export/export.routes.ts';
import { fhirRoutes } from '../fhir/fhir.routes.ts';
import { journalPlugin } from '../journal/journal.plugin.ts';
import { loggingNotifier, type Notifier } from '../notify/notifier.ts';
import { pathwayRoutes } from '../pathway/pathway.plugin.ts';
import { planPlugin } from '../plan/plan.plugin.ts';
import { shippedInstruments } from '../questionnaire/instrument-registry.ts';
import { questionnairePlugin } from '../questionnaire/questionnaire.plugin.ts';
import { recordRoutes } from '../record/record.routes.ts';
import { relativesRoutes } from '../record/relatives.routes.ts';
import type { App, ServerTypeProvider } from './app.type.ts';
import { errorHandler, notFoundHandler, toErrorBody } from './error-handler.ts';
import { frameworkErrors, installInputRules } from './input-rules.ts';
import { checkResponsesOf, declaresResponse } from './response-check.ts';

export interface AppOptions {
  db: Database;
  clock: Clock;
  webDist?: string | null;
  logLevel?: string;
  /**
   * The TLS proxy in front, as Fastify's trustProxy takes it (config.ts, TRUST_PROXY): the proxies'
   * addresses. The client's address (the login limit's key) then comes from X-Forwarded-For.
   */
  trustProxy?: boolean | string | string[];
  /** Login attempts per client address per minute (tests of other things raise it). */
  loginAttemptsPerMinute?: number;
  /** E-mail/SMS to the care team; the default only logs (notify/notifier.ts). */
  notifier?: Notifier;
  /** Check every answer against the route's response schema (tests; response-check.ts). */
  checkResponses?: boolean;
}

/** Body size limit: our largest JSON body is a few kilobytes of text. */
export const BODY_LIMIT = 64 * 1024;

export async function buildApp(opts: AppOptions): Promise<App> {
  const fastify = Fastify({
    logger: {
      level: opts.logLevel ?? 'info',
      // Requests are logged without headers, bodies or query strings: nothing personal in logs.
      serializers: {
        req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unknown' }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
    // Two log lines per request cost more than the request's own code; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    trustProxy: opts.trustProxy ?? false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    routerOptions: { maxParamLength: 200 },
    // A malformed URL answered in the documented error shape too (input-rules.ts).
    frameworkErrors,
  }).withTypeProvider<ServerTypeProvider>();
  const app: App = fastify;
  app.decorate('db', opts.db);
  app.decorate('clock', opts.clock);
  app.decorate('notifier', opts.notifier ?? loggingNotifier(app.log));
  app.decorate('routeTable', []);
  app.addHook('onRoute', (r) => {
    if (opts.checkResponses) checkResponsesOf(r);
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      // Read when asked: a scope's own onRoute hook (the web app's files) may still mark the route public.
      app.routeTable.push({
        method,
        url: r.url,
        declaresResponse: declaresResponse(r),
        get access() {
          return r.config?.access ?? null;
        },
        get public() {
          return Boolean(r.config?.public);
        },
      });
    }
  });
  app.decorate('limits', { loginAttemptsPerMinute: opts.loginAttemptsPerMinute ?? 30 });
  const proxy = opts.trustProxy;
  app.decorate('behindProxy', Array.isArray(proxy) ? proxy.length > 0 : Boolean(proxy));

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The patient portal's service worker (/sw.js) and web app manifest (ADR 0008).
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // TLS is the proxy's job; forcing https here would break plain-HTTP use on a private network.
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie);
  app.addHook('onSend', async (req, reply) => {
    // Personal data must not sit in shared or browser caches. Decided by the matched route, not the
    // URL's text (which the router decodes; see auth.plugin.ts): everything but the web app's files.
    if (!req.routeOptions.config?.static) reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  installInputRules(app); // JSON depth, NUL and lone surrogates: docs/api.md, "Input rules"
  // Installed on the root instance (not as an encapsulated plugin) so that it guards every route.
  installAuth(app);
  // What each request does with a record (read, emergency record, change): break-glass allows only the first two.
  noteRecordUse(app);
  // The roles each route declares (access/declared-access.ts).
  enforceDeclaredAccess(app);

  // What a load balancer and an operator ask: 200 when the database answers, else 503 with the reason.
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { querystring: NoQuery, response: { 200: HealthOk, 503: HealthUnavailable } },
    },
    async (req, reply) => {
      try {
        await opts.db.app.selectNoFrom((eb) => eb.val(1).as('one')).execute();
        return { status: 'ok' as const, database: opts.db.info };
      } catch (err) {
        const { code, message } = toErrorBody(err, req);
        reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS));
        return {
          status: 'unavailable' as const,
          database: opts.db.info,
          error: { code, message, details: [] },
        };
      }
    },
  );
  await app.register(authRoutes);
  await app.register(recordRoutes);
  await app.register(relativesRoutes);
  await app.register(breakGlassRoutes);
  await app.register(unitAccessLogRoutes);
  await app.register(pathwayRoutes);
  // The instrument files are read at start: a broken file stops the start, not a patient's answer.
  shippedInstruments();
  await app.register(questionnairePlugin);
  await app.register(planPlugin);
  await app.register(checkinPlugin);
  await app.register(journalPlugin);
  await app.register(consentRoutes);
  await app.register(exportRoutes);
  await app.register(fhirRoutes);

  if (opts.webDist && existsSync(opts.webDist)) {
    const webDist = opts.webDist;
    await app.register(async (files) => {
      // Every route is private unless public (auth.plugin.ts); the web app's files are public and keep
      // fastify-static's cache headers. In their own scope, so that this marks no other route.
      files.addHook('onRoute', (r) => {
        r.config = { ...r.config, public: true, static: true };
      });
      await files.register(fastifyStatic, { root: webDist, wildcard: false });
      // The single-page app owns every other path (client-side routes such as /personer/…).
      files.get<{ Params: { '*': string } }>('/*', (req, reply) => {
        // An API path no route matched is a 404, however it is spelled: the router has decoded the
        // wildcard, so /%61pi/… is seen here as api/….
        if (/^\/*(api|fhir)(\/|$)/i.test(req.params['*'])) {
          reply.header('cache-control', 'no-store');
          return notFoundHandler(req, reply);
        }
        return reply.sendFile('index.html');
      });
    });
  }
  return app;
}
