import type { App } from '../http/app.type.ts';
import { assessmentRoutes } from './assessment.routes.ts';
import { deadlineBoardRoutes } from './deadline-board.routes.ts';
import { directoryRoutes } from './directory.routes.ts';
import { dischargeRoutes } from './discharge.routes.ts';
import { episodeRoutes } from './episode.routes.ts';
import { handoverRoutes } from './handover.routes.ts';
import { referralRoutes } from './referral.routes.ts';
import { responsibleRoutes } from './responsible.routes.ts';
import { riskAssessmentRoutes } from './risk-assessment.routes.ts';
import { selfAdmissionRoutes } from './self-admission.routes.ts';
import { taskRoutes } from './task.routes.ts';

/**
 * The care pathway (docs/decisions/0004-care-pathway.md): referral → assessment → treatment → discharge →
 * handover → follow-up.
 */
export async function pathwayRoutes(app: App) {
  await app.register(referralRoutes);
  await app.register(episodeRoutes);
  await app.register(assessmentRoutes);
  await app.register(dischargeRoutes);
  await app.register(handoverRoutes);
  await app.register(responsibleRoutes);
  await app.register(riskAssessmentRoutes);
  await app.register(selfAdmissionRoutes);
  await app.register(taskRoutes);
  await app.register(deadlineBoardRoutes);
  await app.register(directoryRoutes);
}
