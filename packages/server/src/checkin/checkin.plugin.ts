import type { App } from '../http/app.type.ts';
import { checkinRoutes } from './checkin.routes.ts';
import { helpRoutes } from './help.routes.ts';
import { signalRoutes } from './signal.routes.ts';

/**
 * The patient portal's daily life (docs/decisions/0007-checkins-and-signals.md): check-ins, the signals read
 * from them, "I need help now".
 */
export async function checkinPlugin(app: App) {
  await app.register(checkinRoutes);
  await app.register(signalRoutes);
  await app.register(helpRoutes);
}
