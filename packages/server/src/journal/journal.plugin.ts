import type { App } from '../http/app.type.ts';
import { journalRoutes } from './journal.routes.ts';
import { sharedNotesRoutes } from './shared-notes.routes.ts';

/** The journal (docs/decisions/0014-journal.md): the staff's notes, and what the person reads of them. */
export async function journalPlugin(app: App) {
  await app.register(journalRoutes);
  await app.register(sharedNotesRoutes);
}
