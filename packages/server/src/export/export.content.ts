import type { WordKey } from '@bedring/contract';
import type {
  Annotation,
  AuditEvent,
  CarePlan,
  CarePlanActivity,
  DocumentReference,
  EpisodeOfCare,
  Extension,
  Goal,
  Observation,
  Patient,
  Reference,
  RelatedPerson,
  Resource,
  RiskAssessment,
  Task,
} from '@medplum/fhirtypes';
import { EXT } from '../pathway/pathway-fhir.mapping.ts';
import { NETWORK_MAP_TAG, PLAN_EXT } from '../plan/plan-fhir.mapping.ts';
import { RELATIVE_EXT, RELATIVES_TAG } from '../record/relatives-fhir.mapping.ts';
import type { ExportWords } from './export.text.ts';

/** A printed document is a list of blocks; the PDF renderer only lays them out. */
export interface Block {
  kind: 'title' | 'heading' | 'subheading' | 'text' | 'item' | 'meta';
  text: string;
}

export interface LapseView {
  occurred_on: string;
  situation: string;
  thoughts_feelings: string;
  what_happened: string;
  what_helped: string;
  written_by: string;
  author_name: string;
}

/**
 * What the export is made of: the resources of Patient/$everything (so the PDF shows the same content
 * under the same rules), and what has no FHIR resource yet — "om meg" and the lapses (null when the
 * relapse-prevention plan is not shared with the caller). `accessLog` says whether the caller may read it.
 */
export interface ExportSource {
  resources: Resource[];
  about: { aboutMe: string; strengths: string };
  lapses: LapseView[] | null;
  /** Whether the network map is shared with the caller (else the part is left out, not shown empty). */
  network: boolean;
  /** Whether the caller's role reads the children and relatives, and the risk assessments (not a peer worker). */
  relatives: boolean;
  riskAssessments: boolean;
  accessLog: boolean;
  viewerIsPerson: boolean;
  now: Date;
}

const ofType = <T extends Resource>(rs: Resource[], type: T['resourceType']) =>
  rs.filter((r): r is T => r.resourceType === type);
const ext = (e: { extension?: Extension[] } | undefined, url: string) =>
  e?.extension?.find((x) => x.url === url);
const code = (c: { coding?: { code?: string }[] } | undefined) => c?.coding?.[0]?.code;
/** Which list a RelatedPerson is on: the network map or the record's children and relatives. */
const onList = (r: RelatedPerson, tag: { system: string; code: string }) =>
  (r.meta?.tag ?? []).some((t) => t.system === tag.system && t.code === tag.code);

/** The person's record as blocks, in the order of the export's parts. */
export function exportBlocks(src: ExportSource, w: ExportWords): Block[] {
  const rs = src.resources;
  const out: Block[] = [];
  const push = (kind: Block['kind'], text: string | undefined) => {
    if (text?.trim()) out.push({ kind, text: text.trim() });
  };
  const section = (title: string, body: () => void) => {
    const before = out.length;
    push('heading', title);
    body();
    if (out.length === before + 1) push('text', w.t('nothing'));
  };
  const by = (ref: Reference | undefined) => {
    if (!ref) return undefined;
    const who =
      ref.display ?? (ref.reference?.startsWith('Patient/') ? w.say('auditEvent.thePerson') : undefined);
    if (!who) return undefined;
    return ref.reference?.startsWith('Patient/') ? w.t('writtenBySelf', { who }) : w.t('writtenBy', { who });
  };
  const comments = (notes: Annotation[] | undefined) => {
    for (const n of notes ?? [])
      push(
        'meta',
        w.t('comment', { who: n.authorReference?.display ?? w.say('auditEvent.thePerson'), text: n.text }),
      );
  };

  const patient = ofType<Patient>(rs, 'Patient')[0];
  const name = patient?.name?.[0]?.text ?? '';
  push('title', w.t('title', { name }));
  push(
    'meta',
    `${w.t('born', { date: w.date(patient?.birthDate) })}. ${w.t('made', { date: w.date(src.now.toISOString()) })}`,
  );

  section(w.t('about'), () => {
    if (src.about.aboutMe.trim()) {
      push('subheading', w.t('aboutMe'));
      push('text', src.about.aboutMe);
    }
    if (src.about.strengths.trim()) {
      push('subheading', w.t('strengths'));
      push('text', src.about.strengths);
    }
  });

  const goals = new Map(ofType<Goal>(rs, 'Goal').map((g) => [`Goal/${g.id}`, g]));
  section(w.t('plans'), () => {
    for (const plan of ofType<CarePlan>(rs, 'CarePlan')) {
      push('subheading', w.code('plan', code(plan.category?.[0])));
      for (const ref of plan.goal ?? []) {
        const g = goals.get(ref.reference ?? '');
        if (!g || g.lifecycleStatus === 'cancelled') continue;
        push('item', `${w.code('section', 'goal')}: ${g.description.text ?? ''}`);
        const success = ext(g, PLAN_EXT.successMeans)?.valueString;
        if (success) push('meta', w.t('successMeans', { text: success }));
        push('meta', by(g.expressedBy));
        comments(g.note);
      }
      for (const a of plan.activity ?? []) activity(a);
      const review = ext(plan, PLAN_EXT.reviewOn)?.valueDate;
      if (review) push('meta', w.t('reviewOn', { date: w.date(review) }));
      for (const n of plan.note ?? []) push('text', n.text);
    }
    const promises = ofType<Task>(rs, 'Task').filter((t) => code(t.code) === 'promise');
    if (promises.length) push('subheading', w.t('promises'));
    for (const p of promises)
      push(
        'item',
        w.t('promise', {
          text: p.description ?? '',
          who: p.owner?.display ?? '',
          date: w.date(p.restriction?.period?.end),
          status: w.code('promise', code(p.businessStatus)),
        }),
      );
  });
  function activity(a: CarePlanActivity) {
    const d = a.detail;
    if (!d || d.status === 'cancelled') return;
    push('item', `${w.code('section', code(d.code))}: ${d.description ?? ''}`);
    const owner = d.performer?.find((p) => p.reference?.startsWith('Practitioner/'))?.display;
    if (owner) push('meta', w.t('owner', { who: owner }));
    if (d.scheduledPeriod?.end) push('meta', w.t('due', { date: w.date(d.scheduledPeriod.end) }));
    push('meta', by(ext(d, PLAN_EXT.author)?.valueReference));
    comments(a.progress);
  }

  section(w.t('pathway'), () => {
    for (const e of ofType<EpisodeOfCare>(rs, 'EpisodeOfCare'))
      push(
        'item',
        w.t('episode', {
          unit: e.managingOrganization?.display ?? '',
          from: w.date(e.period?.start),
          to: e.period?.end ? w.t('until', { date: w.date(e.period.end) }) : '',
          state: w.code('state', ext(e, EXT.episodeState)?.valueCoding?.code),
        }),
      );
  });

  // Suicide- and violence-risk assessments (docs/decisions/0019-relatives-and-risk.md), newest first: the
  // person's right to see what is recorded about them, in the assessor's words.
  if (src.riskAssessments)
    section(w.t('risk'), () => {
      for (const a of ofType<RiskAssessment>(rs, 'RiskAssessment')) {
        const kind = code(a.code);
        const level = code(a.prediction?.[0]?.qualitativeRisk);
        push(
          'item',
          w.t('riskItem', {
            date: w.date(a.occurrenceDateTime),
            kind: kind ? w.say(`labels.riskKinds.${kind}` as WordKey) : '',
            level: level ? w.say(`labels.riskLevels.${level}` as WordKey).toLocaleLowerCase(w.lang) : '',
          }),
        );
        const factors = a.note?.[0]?.text;
        if (factors) push('text', w.t('riskFactors', { text: factors }));
        if (a.mitigation) push('text', w.t('riskPlan', { text: a.mitigation }));
        // The assessor is "name (role)" (pathway/risk-assessment-fhir.mapping.ts); the role is said in words.
        const assessor = a.performer?.display?.match(/^(.*) \(([a-z]+)\)$/);
        if (assessor) push('meta', w.t('riskBy', { who: assessor[1]!, role: w.code('role', assessor[2]) }));
      }
    });

  section(w.t('results'), () => {
    // Scores of questionnaires (derived from a response); ratings by staff are not "my results".
    const scores = ofType<Observation>(rs, 'Observation').filter((o) =>
      o.derivedFrom?.some((d) => d.reference?.startsWith('QuestionnaireResponse/')),
    );
    for (const o of scores) {
      const value = o.valueInteger ?? o.valueQuantity?.value;
      const band = o.interpretation?.[0]?.text;
      push(
        'item',
        w.t('result', {
          date: w.date(o.effectiveDateTime),
          name: o.code.text ?? code(o.code) ?? '',
          value: `${value ?? ''}${band ? ` (${band})` : ''}`,
        }),
      );
    }
  });

  // The journal notes the person reads (docs/decisions/0014-journal.md): signed, not withheld, newest first,
  // each with its amendments beside it.
  section(w.say('export.journal.title'), () => {
    const docs = ofType<DocumentReference>(rs, 'DocumentReference');
    const appended = (id: string | undefined) =>
      docs.filter((d) => d.relatesTo?.some((r) => r.target.reference === `DocumentReference/${id}`));
    const textOf = (d: DocumentReference) => {
      const data = d.content[0]?.attachment.data;
      return data ? Buffer.from(data, 'base64').toString('utf8') : '';
    };
    const notes = docs.filter(
      (d) => !d.relatesTo && d.docStatus !== 'preliminary' && !d.meta?.security?.some((s) => s.code === 'R'),
    );
    for (const d of notes) {
      const kind = code(d.category?.[0]);
      push(
        'subheading',
        `${w.dateTime(d.context?.period?.start)} · ${kind ? w.say(`journal.kinds.${kind}` as WordKey) : ''}`,
      );
      push('text', textOf(d));
      push(
        'meta',
        w.say('export.journal.by', {
          name: d.author?.[0]?.display ?? '',
          organisation: d.custodian?.display ?? '',
        }),
      );
      for (const a of appended(d.id))
        push(
          'meta',
          w.say('export.journal.amendment', {
            at: w.dateTime(a.date),
            name: a.author?.[0]?.display ?? '',
            text: textOf(a),
          }),
        );
    }
  });

  if (src.lapses)
    section(w.t('lapses'), () => {
      if (src.lapses?.length) push('text', w.t('lapsesIntro'));
      for (const l of src.lapses ?? []) {
        push('subheading', w.date(l.occurred_on));
        push('text', l.situation && `${w.t('situation')}: ${l.situation}`);
        push('text', l.thoughts_feelings && `${w.t('thoughtsFeelings')}: ${l.thoughts_feelings}`);
        push('text', l.what_happened && `${w.t('whatHappened')}: ${l.what_happened}`);
        push('text', l.what_helped && `${w.t('whatHelped')}: ${l.what_helped}`);
        push(
          'meta',
          l.written_by === 'person'
            ? w.t('writtenBySelf', { who: l.author_name })
            : w.t('writtenBy', { who: l.author_name }),
        );
      }
    });

  if (src.network)
    section(w.t('network'), () => {
      for (const m of ofType<RelatedPerson>(rs, 'RelatedPerson').filter((r) => onList(r, NETWORK_MAP_TAG)))
        push(
          'item',
          w.t('member', {
            name: m.name?.[0]?.text ?? '',
            relation: w.code('relation', code(m.relationship?.[0])),
            quality: w.code('quality', ext(m, PLAN_EXT.relationQuality)?.valueCoding?.code),
          }),
        );
    });

  // The record's list of children and relatives (docs/decisions/0019-relatives-and-risk.md): what is recorded
  // about each, and what the person has agreed to.
  if (src.relatives)
    section(w.t('relatives'), () => {
      const listed = ofType<RelatedPerson>(rs, 'RelatedPerson').filter((r) => onList(r, RELATIVES_TAG));
      const children = listed.filter((r) => code(r.relationship?.[0]) === 'child');
      const others = listed.filter((r) => code(r.relationship?.[0]) !== 'child');
      const answer = (yes: boolean | undefined, on?: string) =>
        yes === undefined
          ? w.t('notClear')
          : yes
            ? on
              ? w.t('yesOn', { date: w.date(on) })
              : w.t('yes')
            : w.t('no');
      if (children.length) push('subheading', w.t('children'));
      for (const c of children) {
        push('item', w.t('child', { name: c.name?.[0]?.text ?? '', year: c.birthDate ?? '' }));
        const caredForBy = ext(c, RELATIVE_EXT.caredForBy)?.valueString;
        if (caredForBy) push('text', w.t('caredForBy', { text: caredForBy }));
        push(
          'text',
          w.t('spokenWith', {
            answer: answer(
              ext(c, RELATIVE_EXT.spokenWith)?.valueBoolean,
              ext(c, RELATIVE_EXT.spokenWithOn)?.valueDate,
            ),
          }),
        );
        const followUp = ext(c, RELATIVE_EXT.followUp)?.valueString;
        if (followUp) push('text', w.t('followUp', { text: followUp }));
        push(
          'text',
          w.t('coordinatorInformed', {
            answer: answer(ext(c, RELATIVE_EXT.coordinatorInformed)?.valueBoolean ?? false),
          }),
        );
        agreed(c);
      }
      if (others.length) push('subheading', w.t('others'));
      for (const r of others) {
        const role = code(r.relationship?.[0]);
        push(
          'item',
          w.t('relative', {
            name: r.name?.[0]?.text ?? '',
            role: role ? w.say(`labels.relativeRoles.${role}` as WordKey).toLocaleLowerCase(w.lang) : '',
          }),
        );
        agreed(r);
      }
      function agreed(r: RelatedPerson) {
        push(
          'text',
          w.t('relativeConsent', {
            contact: answer(ext(r, RELATIVE_EXT.mayContact)?.valueBoolean ?? false),
            inform: answer(ext(r, RELATIVE_EXT.mayInform)?.valueBoolean ?? false),
          }),
        );
        const note = ext(r, RELATIVE_EXT.note)?.valueString;
        if (note) push('text', w.t('relativeNote', { text: note }));
        push(
          'meta',
          w.t('changedBy', {
            date: w.date(r.meta?.lastUpdated),
            who: ext(r, RELATIVE_EXT.changedBy)?.valueString ?? '',
          }),
        );
      }
    });

  if (src.accessLog)
    section(w.t('accessLog'), () => {
      for (const e of ofType<AuditEvent>(rs, 'AuditEvent')) accessEntry(e);
    });
  function accessEntry(e: AuditEvent) {
    const agent = e.agent?.[0];
    const role = agent?.role?.[0]?.text ?? '';
    const self = role === 'patient';
    const org = e.source?.observer?.display;
    push(
      'item',
      w.t('accessEntry', {
        date: w.dateTime(e.recorded),
        who: self
          ? src.viewerIsPerson
            ? w.t('you')
            : w.say('auditEvent.thePerson')
          : (agent?.who?.display ?? ''),
        role: w.code('role', role),
        org: org ? `, ${org}` : '',
        what: `${w.code('action', e.action)} (${e.entity?.[0]?.type?.code ?? ''})`,
      }),
    );
    const reason = agent?.purposeOfUse?.[0]?.text;
    if (reason) push('meta', reason);
  }

  return out;
}
