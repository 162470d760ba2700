import {
  AcknowledgeSignal,
  NoQuery,
  PersonParams,
  SignalParams,
  SignalRules,
  UnitParams,
} from '@bedring/contract';
import {
  DEFAULT_SIGNAL_RULES,
  type SignalFinding,
  type SignalRule,
  signalRuleProblems,
} from '@bedring/domain';
import { type Acknowledgeable, acknowledge, requireNote } from '../access/acknowledge.ts';
import { asActor, withPerson } from '../access/as-actor.ts';
import { recordAudit, recordAudits } from '../audit/audit.repository.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { planStepsOf, stepsFor } from './checkin.repository.ts';
import { sweepUnit } from './signal-sweep.ts';

const STAFF_WITH_SIGNALS = new Set(['clinician', 'milieu', 'municipal', 'leader']);

/**
 * Signals (docs/decisions/0007-checkins-and-signals.md): on the worklist of everyone in the person's care
 * team (an active care relation) and of the unit leader (every open signal of their unit); on the person
 * page; and to the person themself with the steps of their own plans that fit. Acknowledged with a note by
 * someone who has the person in their care.
 */
const SIGNAL: Acknowledgeable = {
  table: 'signal',
  resourceType: 'Signal',
  words: {
    noteRequired: 'Skriv hva dere gjorde med signalet.',
    notFound: 'Fant ikke signalet.',
    alreadyCode: 'signal_acknowledged',
    already: 'Signalet er allerede kvittert ut.',
  },
};

export async function signalRoutes(app: App) {
  app.get('/api/signals', { schema: { querystring: NoQuery } }, async (req) => {
    const actor = req.actor!;
    if (!STAFF_WITH_SIGNALS.has(actor.role)) throw forbidden();
    return asActor(app, actor, async (trx, now) => {
      const rows = await trx
        .selectFrom('signal as s')
        .innerJoin('person as p', (j) =>
          j.onRef('p.tenant_id', '=', 's.tenant_id').onRef('p.id', '=', 's.person_id'),
        )
        .select([
          's.id',
          's.tenant_id',
          's.person_id',
          's.kind',
          's.finding',
          's.raised_at',
          'p.given_name',
          'p.family_name',
        ])
        .where('s.acknowledged_at', 'is', null)
        // Need to know: the care team sees the signals of the persons they follow, a leader those of
        // their unit as well.
        .where((w) => {
          const inCare = w.exists(
            w
              .selectFrom('care_relation as r')
              .select('r.id')
              .whereRef('r.tenant_id', '=', 's.tenant_id')
              .whereRef('r.person_id', '=', 's.person_id')
              .where('r.account_id', '=', actor.accountId)
              .where('r.from_at', '<=', now)
              .where((x) => x.or([x('r.to_at', 'is', null), x('r.to_at', '>', now)])),
          );
          return actor.role === 'leader' && actor.unitId
            ? w.or([
                inCare,
                w.and([w('s.tenant_id', '=', actor.organisationId), w('s.unit_id', '=', actor.unitId)]),
              ])
            : inCare;
        })
        .orderBy('s.raised_at')
        .limit(200)
        .execute();
      await recordAudits(
        trx,
        actor,
        rows.map((r) => ({
          action: 'search',
          tenantId: r.tenant_id,
          personId: r.person_id,
          resourceType: 'Signal',
          resourceId: r.id,
        })),
        now,
      );
      return {
        signals: rows.map((r) => ({
          id: r.id,
          person: { id: r.person_id, givenName: r.given_name, familyName: r.family_name },
          kind: r.kind,
          finding: r.finding as SignalFinding,
          raisedAt: r.raised_at,
        })),
      };
    });
  });

  app.get(
    '/api/persons/:personId/signals',
    { schema: { params: PersonParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      if (!STAFF_WITH_SIGNALS.has(actor.role) && actor.role !== 'patient') throw forbidden();
      return withPerson(app, actor, req.params.personId, async ({ trx, person, audit }) => {
        const [rows, steps] = await Promise.all([
          trx
            .selectFrom('signal')
            .select(['id', 'kind', 'finding', 'raised_at', 'acknowledged_at', 'acknowledged_by_name', 'note'])
            .where('tenant_id', '=', person.organisationId)
            .where('person_id', '=', person.id)
            .orderBy('raised_at', 'desc')
            .limit(100)
            .execute(),
          planStepsOf(trx, person),
        ]);
        await audit('read', 'Signal');
        return {
          signals: rows.map((r) => {
            const finding = r.finding as SignalFinding;
            return {
              id: r.id,
              kind: r.kind,
              finding,
              raisedAt: r.raised_at,
              // The person sees the steps of their own plans that fit; staff see them on the plan page.
              steps: actor.role === 'patient' && !r.acknowledged_at ? stepsFor(finding, steps) : [],
              acknowledged: r.acknowledged_at
                ? { at: r.acknowledged_at, byName: r.acknowledged_by_name, note: r.note }
                : null,
            };
          }),
        };
      });
    },
  );

  app.post(
    '/api/signals/:signalId/acknowledge',
    { schema: { params: SignalParams, body: AcknowledgeSignal } },
    async (req) => {
      const actor = req.actor!;
      if (!STAFF_WITH_SIGNALS.has(actor.role)) throw forbidden();
      const note = requireNote(req.body.note, SIGNAL);
      return asActor(app, actor, (trx, now) =>
        acknowledge(trx, actor, now, SIGNAL, req.params.signalId, note),
      );
    },
  );

  // The leader runs the rules for everyone in active care in their unit now (the server also does it
  // every so often): what no single check-in shows, such as check-ins that have stopped.
  app.post(
    '/api/units/:unitId/signal-sweep',
    { schema: { params: UnitParams, querystring: NoQuery } },
    async (req) => {
      const actor = req.actor!;
      if (actor.role !== 'leader' || actor.unitId !== req.params.unitId) throw forbidden();
      return asActor(app, actor, async (trx, now) => {
        const result = await sweepUnit(
          trx,
          { tenantId: actor.organisationId, unitId: req.params.unitId },
          now,
        );
        await recordAudit(
          trx,
          actor,
          {
            action: 'update',
            tenantId: actor.organisationId,
            personId: null,
            resourceType: 'SignalSweep',
            resourceId: req.params.unitId,
          },
          now,
        );
        return result;
      });
    },
  );

  app.get('/api/admin/signal-rules', { schema: { querystring: NoQuery } }, async (req) => {
    const actor = req.actor!;
    if (actor.role !== 'admin') throw forbidden();
    return asActor(app, actor, async (trx) => {
      const row = await trx
        .selectFrom('signal_rule')
        .select('rules')
        .where('tenant_id', '=', actor.organisationId)
        .executeTakeFirst();
      return {
        rules: (row?.rules as SignalRule[] | undefined) ?? DEFAULT_SIGNAL_RULES,
        defaults: DEFAULT_SIGNAL_RULES,
      };
    });
  });

  app.put('/api/admin/signal-rules', { schema: { body: SignalRules } }, async (req) => {
    const actor = req.actor!;
    if (actor.role !== 'admin') throw forbidden();
    const problems = signalRuleProblems(req.body.rules);
    if (problems.length > 0) {
      throw badRequest(
        'invalid_rules',
        'Reglene kan ikke lagres.',
        problems.map((message) => ({ message })),
      );
    }
    return asActor(app, actor, async (trx, now) => {
      const rules = JSON.stringify(req.body.rules);
      await trx
        .insertInto('signal_rule')
        .values({ tenant_id: actor.organisationId, rules, updated_by: actor.accountId, updated_at: now })
        .onConflict((oc) =>
          oc.column('tenant_id').doUpdateSet({ rules, updated_by: actor.accountId, updated_at: now }),
        )
        .execute();
      await recordAudit(
        trx,
        actor,
        {
          action: 'update',
          tenantId: actor.organisationId,
          personId: null,
          resourceType: 'SignalRules',
          resourceId: null,
        },
        now,
      );
      return { rules: req.body.rules };
    });
  });
}
