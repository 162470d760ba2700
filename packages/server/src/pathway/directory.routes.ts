import { NoQuery, StaffList, type StaffMember, StaffQuery, UnitList } from '@bedring/contract';
import { asActor } from '../access/as-actor.ts';
import type { App } from '../http/app.type.ts';
import { PathwayAccess } from './pathway.access.ts';

/** Units of the actor's organisation and staff across organisations, for the pathway forms. Not personal health data. */
export async function directoryRoutes(app: App) {
  app.get(
    '/api/units',
    {
      schema: { querystring: NoQuery, response: { 200: UnitList } },
      config: { access: PathwayAccess.directory },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx) => ({
        units: await trx
          .selectFrom('unit')
          .select(['id', 'name', 'kind'])
          .where('tenant_id', '=', actor.organisationId)
          .orderBy('name')
          .execute(),
      }));
    },
  );

  app.get(
    '/api/staff',
    {
      schema: { querystring: StaffQuery, response: { 200: StaffList } },
      config: { access: PathwayAccess.directory },
    },
    async (req) => {
      const actor = req.actor!;
      return asActor(app, actor, async (trx) => ({
        staff: await trx
          .selectFrom('staff_directory as s')
          .innerJoin('organisation as o', 'o.id', 's.tenant_id')
          .select([
            's.id',
            's.display_name as name',
            's.role',
            'o.id as organisationId',
            'o.name as organisationName',
          ])
          .where('s.role', '=', req.query.role)
          .orderBy('o.name')
          .orderBy('s.display_name')
          .limit(500)
          .$castTo<StaffMember>()
          .execute(),
      }));
    },
  );
}
