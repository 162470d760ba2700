import { Uuid } from '@bedring/contract';
import { Type } from '@sinclair/typebox';
import { RecordRoles } from '../access/access.guard.ts';
import { withPerson } from '../access/as-actor.ts';
import type { App } from '../http/app.type.ts';
import { searchset } from '../http/fhir-bundle.ts';
import { FHIR_JSON, FormatParams } from '../http/fhir-schemas.ts';
import { EVERYTHING_TYPES, everything } from './everything.ts';

const typeList = `(${EVERYTHING_TYPES.join('|')})`;
const EverythingQuery = Type.Object(
  {
    ...FormatParams,
    _type: Type.Optional(Type.String({ pattern: `^${typeList}(,${typeList})*$` })),
  },
  { additionalProperties: false },
);

/**
 * Patient/$everything (FHIR R4, OperationDefinition Patient-everything): the person's whole record as
 * one searchset Bundle — what the caller may see of it, under the rules of each type's own search.
 * For the person (the right to a copy of one's own record), and for staff with need to know. The
 * download is one audit event ("Everything"), in the same transaction as the reads.
 */
export async function fhirEverythingRoutes(app: App) {
  app.get(
    '/fhir/Patient/:id/$everything',
    {
      schema: {
        params: Type.Object({ id: Uuid }, { additionalProperties: false }),
        querystring: EverythingQuery,
      },
      config: { access: { roles: RecordRoles } },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const types = req.query._type ? new Set(req.query._type.split(',')) : null;
      const resources = await withPerson(app, actor, req.params.id.toLowerCase(), async (w) => {
        const found = await everything(w, actor, types);
        await w.audit('read', 'Everything', w.person.id);
        return found;
      });
      return reply.type(FHIR_JSON).send(searchset(resources, req.url));
    },
  );
}
