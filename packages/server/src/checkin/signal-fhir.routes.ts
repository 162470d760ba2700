import { Uuid } from '@bedring/contract';
import { type Role, Roles } from '@bedring/domain';
import { type TProperties, Type } from '@sinclair/typebox';
import { asActor, personWork, withPerson } from '../access/as-actor.ts';
import type { App } from '../http/app.type.ts';
import { notFound } from '../http/errors.ts';
import { searchset } from '../http/fhir-bundle.ts';
import {
  FHIR_JSON,
  FormatParams,
  idOf,
  PageParams,
  pageOf,
  ReadQuery,
  ReferenceParam,
} from '../http/fhir-schemas.ts';
import { toFlag } from './checkin-fhir.mapping.ts';
import { flagsOf } from './checkin-fhir-read.repository.ts';

const Closed = <T extends TProperties>(props: T) =>
  Type.Object({ ...FormatParams, ...props }, { additionalProperties: false });
const FlagSearch = Closed({
  patient: ReferenceParam('Patient'),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')])),
  ...PageParams,
});

/** Every role but the peer worker; need to know decides the rest. */
const FLAG_READERS: readonly Role[] = Roles.filter((r) => r !== 'peer');

/**
 * Signals as Flags (docs/decisions/0007-checkins-and-signals.md): the care team's and the person's own view,
 * with the explanation in words in code.text. A peer worker sees none, as for check-ins.
 */
export async function fhirFlagRoutes(app: App) {
  app.get(
    '/fhir/Flag',
    { schema: { querystring: FlagSearch }, config: { access: { roles: FLAG_READERS } } },
    async (req, reply) => {
      const actor = req.actor!;
      const q = req.query;
      const flags = await withPerson(app, actor, idOf(q.patient), async ({ trx, person, audit }) => {
        const all = await flagsOf(trx, person);
        await audit('read', 'Flag');
        return q.status ? all.filter((f) => f.status === q.status) : all;
      });
      const p = pageOf(q);
      const items = flags.slice(p.offset, p.offset + p.count);
      return reply.type(FHIR_JSON).send(searchset(items, req.url, { total: flags.length, ...p }));
    },
  );

  app.get(
    '/fhir/Flag/:id',
    {
      schema: { params: Type.Object({ id: Uuid }, { additionalProperties: false }), querystring: ReadQuery },
      config: { access: { roles: FLAG_READERS } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const id = req.params.id.toLowerCase();
      const flag = await asActor(app, actor, async (trx, now) => {
        const row = await trx
          .selectFrom('signal')
          .select(['id', 'person_id', 'kind', 'finding', 'raised_at', 'acknowledged_at'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw notFound();
        const { audit } = await personWork(trx, now, actor, row.person_id);
        await audit('read', 'Flag', row.id);
        return toFlag(row);
      });
      return reply.type(FHIR_JSON).send(flag);
    },
  );
}
