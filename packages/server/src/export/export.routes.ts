import { PersonParams } from '@bedring/contract';
import { RiskReaderRoles, type Role } from '@bedring/domain';
import { Type } from '@sinclair/typebox';
import { RecordRoles } from '../access/access.guard.ts';
import { personRoute } from '../access/declared-access.ts';
import { everything, mayReadAccessLog } from '../fhir/everything.ts';
import type { App } from '../http/app.type.ts';
import { lapsesOf } from '../plan/lapse.routes.ts';
import { mayRead } from '../plan/plan-fhir.routes.ts';
import { personOverview } from '../record/record.repository.ts';
import { RelativesAccess } from '../record/relatives.routes.ts';
import { exportBlocks } from './export.content.ts';
import { renderPdf } from './export.pdf.ts';
import { ExportLanguages, exportLanguage, wordsFor } from './export.text.ts';

const ExportQuery = Type.Object(
  { lang: Type.Optional(Type.Union(ExportLanguages.map((l) => Type.Literal(l)))) },
  { additionalProperties: false },
);

/**
 * "Mine data" as a readable PDF (docs/api.md): the content of Patient/$everything — read by the same
 * parts, under the same rules, the risk assessments and the children and relatives included
 * (docs/decisions/0019-relatives-and-risk.md) — with "om meg" and the lapses, in plain bokmål or English, made on the
 * server. For the person and for staff with need to know; one audit event ("RecordExport").
 */
export async function exportRoutes(app: App) {
  app.get(
    '/api/persons/:personId/export.pdf',
    {
      schema: { params: PersonParams, querystring: ExportQuery },
      config: {
        access: { roles: RecordRoles },
        audit: { action: 'read', resource: 'RecordExport', id: 'answer.personId' },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const words = wordsFor(exportLanguage(req.query.lang, req.headers['accept-language']));
      const source = await personRoute(app, req, async (w) => {
        const resources = await everything(w, actor);
        const overview = await personOverview(w.trx, w.person, w.now);
        const lapses = (await mayRead(w, actor, 'relapse-prevention'))
          ? await lapsesOf(w.trx, w.person)
          : null;
        return {
          personId: w.person.id,
          resources,
          about: { aboutMe: overview.aboutMe, strengths: overview.strengths },
          lapses,
          network: await mayRead(w, actor, 'network'),
          relatives: RelativesAccess.read.roles.includes(actor.role),
          riskAssessments: (RiskReaderRoles as readonly Role[]).includes(actor.role),
          accessLog: mayReadAccessLog(actor, w.person),
          viewerIsPerson: actor.role === 'patient',
          now: w.now,
        };
      });
      const blocks = exportBlocks(source, words);
      const pdf = await renderPdf(blocks, {
        title: blocks[0]?.text ?? 'Bedring',
        language: words.lang === 'en' ? 'en' : 'nb-NO',
        now: source.now,
        pageLabel: (n, of) => words.t('page', { n, of }),
      });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="bedring-${words.lang === 'en' ? 'my-data' : 'mine-data'}.pdf"`,
        )
        .send(Buffer.from(pdf));
    },
  );
}
