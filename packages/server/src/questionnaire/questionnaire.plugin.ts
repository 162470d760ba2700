import type { App } from '../http/app.type.ts';
import { contactRoutes } from './contact.routes.ts';
import { feedbackAlertRoutes } from './feedback-alert.routes.ts';
import { questionnaireRoutes } from './questionnaire.routes.ts';
import { responseRoutes } from './response.routes.ts';
import { trajectoryRoutes } from './trajectory.routes.ts';

/**
 * Questionnaires and feedback-informed treatment (docs/decisions/0005-questionnaires.md): instruments,
 * answers, scores, alerts.
 */
export async function questionnairePlugin(app: App) {
  await app.register(questionnaireRoutes);
  await app.register(contactRoutes);
  await app.register(responseRoutes);
  await app.register(trajectoryRoutes);
  await app.register(feedbackAlertRoutes);
}
