import { PersonParams, SharedNotes, SharedNotesQuery } from '@bedring/contract';
import { personRoute } from '../access/declared-access.ts';
import type { App } from '../http/app.type.ts';
import { amendmentsOf, sharedPage, sharedView } from './journal.repository.ts';

/**
 * "Notater fra samtalene" on Min side (docs/decisions/0014-journal.md): the person reads the signed notes
 * written with or about them, with their amendments — all but those withheld with a stated reason (the
 * right of access). The person's own route: staff read the journal on the person page.
 */
export async function sharedNotesRoutes(app: App) {
  app.get(
    '/api/persons/:personId/shared-notes',
    {
      schema: { params: PersonParams, querystring: SharedNotesQuery, response: { 200: SharedNotes } },
      config: { access: { roles: ['patient'] }, audit: { action: 'read', resource: 'DocumentReference' } },
    },
    async (req) =>
      personRoute(app, req, async (w) => {
        const page = await sharedPage(w.trx, w.person, req.query.after);
        const amendments = await amendmentsOf(
          w.trx,
          w.person,
          page.rows.map((r) => r.id),
        );
        return { notes: page.rows.map((r) => sharedView(r, amendments.get(r.id) ?? [])), next: page.next };
      }),
  );
}
