import type { App } from '../http/app.type.ts';
import { lapseRoutes } from './lapse.routes.ts';
import { networkRoutes } from './network.routes.ts';
import { planRoutes } from './plan.routes.ts';
import { planSharingRoutes } from './plan-sharing.routes.ts';
import { promiseRoutes } from './promise.routes.ts';

/**
 * The person's own plans (docs/decisions/0006-plans.md): plans, lapses, the network map, the promises made
 * to them and which parts of the plans each consent to share opens.
 */
export async function planPlugin(app: App) {
  await app.register(planRoutes);
  await app.register(lapseRoutes);
  await app.register(networkRoutes);
  await app.register(promiseRoutes);
  await app.register(planSharingRoutes);
}
