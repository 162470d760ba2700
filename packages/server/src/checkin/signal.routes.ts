import {
  AcknowledgeSignal,
  NoQuery,
  PersonParams,
  PersonSignals,
  SignalAcknowledged,
  SignalParams,
  SignalRuleSettings,
  SignalRules,
  SignalRulesSaved,
  SignalSweepDone,
  SignalWorklist,
  say,
  UnitParams,
} from '@bedring/contract';
import {
  DEFAULT_SIGNAL_RULES,
  type Role,
  type SignalFinding,
  type SignalKind,
  type SignalRule,
  signalRuleProblems,
} from '@bedring/domain';
import { type Acknowledgeable, acknowledge, requireNote } from '../access/acknowledge.ts';
import { asActor } from '../access/as-actor.ts';
import { personRoute } from '../access/declared-access.ts';
import { auditWorklist, mineOrMyUnit } from '../access/worklist.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { App } from '../http/app.type.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { planStepsOf, stepsFor } from './checkin.repository.ts';
import { sweepUnit } from './signal-sweep.ts';

/** Staff who follow persons in care see and acknowledge signals; a peer worker does not. */
const STAFF_WITH_SIGNALS: readonly Role[] = ['clinician', 'milieu', 'municipal', 'leader'];

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
    noteRequired: say('errors.signalNoteRequired'),
    notFound: say('errors.signalNotFound'),
    alreadyCode: 'signal_acknowledged',
    already: say('errors.signalAlreadyAcknowledged'),
  },
};

export async function signalRoutes(app: App) {
  app.get(
    '/api/signals',
    {
      schema: { querystring: NoQuery, response: { 200: SignalWorklist } },
      config: { access: { roles: STAFF_WITH_SIGNALS } },
    },
    async (req) => {
      const actor = req.actor!;
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
          .where((w) =>
            mineOrMyUnit(
              w,
              actor,
              w.exists(
                w
                  .selectFrom('care_relation as r')
                  .select('r.id')
                  .whereRef('r.tenant_id', '=', 's.tenant_id')
                  .whereRef('r.person_id', '=', 's.person_id')
                  .where('r.account_id', '=', actor.accountId)
                  .where('r.from_at', '<=', now)
                  .where((x) => x.or([x('r.to_at', 'is', null), x('r.to_at', '>', now)])),
              ),
              { tenant: 's.tenant_id', unit: 's.unit_id' },
            ),
          )
          .orderBy('s.raised_at')
          .limit(200)
          .execute();
        await auditWorklist(trx, actor, now, 'Signal', rows);
        return {
          signals: rows.map((r) => ({
            id: r.id,
            person: { id: r.person_id, givenName: r.given_name, familyName: r.family_name },
            kind: r.kind as SignalKind,
            finding: r.finding as SignalFinding,
            raisedAt: r.raised_at,
          })),
        };
      });
    },
  );

  app.get(
    '/api/persons/:personId/signals',
    {
      schema: { params: PersonParams, querystring: NoQuery, response: { 200: PersonSignals } },
      config: {
        access: { roles: [...STAFF_WITH_SIGNALS, 'patient'] },
        audit: { action: 'read', resource: 'Signal' },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return personRoute(app, req, async ({ trx, person }) => {
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
        return {
          signals: rows.map((r) => {
            const finding = r.finding as SignalFinding;
            return {
              id: r.id,
              kind: r.kind as SignalKind,
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
    {
      schema: { params: SignalParams, body: AcknowledgeSignal, response: { 200: SignalAcknowledged } },
      config: { access: { roles: STAFF_WITH_SIGNALS } },
    },
    async (req) => {
      const actor = req.actor!;
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
    {
      schema: { params: UnitParams, querystring: NoQuery, response: { 200: SignalSweepDone } },
      config: { access: { roles: ['leader'] } },
    },
    async (req) => {
      const actor = req.actor!;
      // Which unit is the leader's own is data, not the role: checked here.
      if (actor.unitId !== req.params.unitId) throw forbidden();
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

  app.get(
    '/api/admin/signal-rules',
    {
      schema: { querystring: NoQuery, response: { 200: SignalRuleSettings } },
      config: { access: { roles: ['admin'] } },
    },
    async (req) => {
      const actor = req.actor!;
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
    },
  );

  app.put(
    '/api/admin/signal-rules',
    {
      schema: { body: SignalRules, response: { 200: SignalRulesSaved } },
      config: { access: { roles: ['admin'] } },
    },
    async (req) => {
      const actor = req.actor!;
      const problems = signalRuleProblems(req.body.rules);
      if (problems.length > 0) {
        throw badRequest(
          'invalid_rules',
          say('errors.signalRulesInvalid'),
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
        return { rules: req.body.rules as SignalRule[] };
      });
    },
  );
}
