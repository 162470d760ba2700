import type { PlanEntryView, PlanSaveWarning } from '@bedring/contract';
import type { PlanKind, PlanSection as Section } from '@bedring/domain/plan/plan';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { EntryForm } from './entry-form.component.tsx';
import { PlanEntryItem } from './plan-entry.component.tsx';
import { mayWrite, viewerOf } from './plan-permissions.ts';
import { SaveWarnings } from './save-warnings.component.tsx';

/** One section of a plan (a step of the relapse chain, a part of the crisis plan…): its entries and "Legg til". */
export function PlanSection({
  personId,
  kind,
  section,
  entries,
}: {
  personId: string;
  kind: PlanKind;
  section: Section;
  entries: PlanEntryView[];
}) {
  const { t } = useTranslation();
  const user = useUser();
  const viewer = viewerOf(user);
  const id = useId();
  const [adding, setAdding] = useState(false);
  // The server's notes on the last save in this section, shown until the next one.
  const [notes, setNotes] = useState<PlanSaveWarning[]>([]);
  const mine = entries.filter((e) => e.section === section && !e.retired);
  const self = viewer === 'self' ? 'Self' : '';
  return (
    <section className="plan-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {t(`plan.sections.${section}.title${self}`, { defaultValue: t(`plan.sections.${section}.title`) })}
      </h3>
      <p className="hint">{t(`plan.sections.${section}.intro${self}`)}</p>
      {mine.length === 0 ? (
        <p className="empty">{t('plan.section.empty')}</p>
      ) : (
        <ul className="plan-entries">
          {mine.map((e) => (
            <PlanEntryItem key={e.id} personId={personId} kind={kind} entry={e} onSaved={setNotes} />
          ))}
        </ul>
      )}
      <SaveWarnings warnings={notes} />
      {mayWrite(user, section) &&
        (adding ? (
          <EntryForm
            personId={personId}
            kind={kind}
            section={section}
            viewer={viewer}
            onDone={(warnings) => {
              setAdding(false);
              setNotes(warnings ?? []);
            }}
          />
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setNotes([]);
              setAdding(true);
            }}
          >
            {t(`plan.sections.${section}.add`)}
          </button>
        ))}
    </section>
  );
}
