import type { InstrumentSummary, JournalNoteCreated } from '@bedring/contract';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteForm } from '../journal/note-form.component.tsx';
import type { OpenForm } from './due-questionnaires.component.tsx';
import { langOf, titleIn } from './questionnaire-text.ts';

/**
 * "Skriv journalnotat": a contact with the person, written as a note in the journal
 * (docs/decisions/0014-journal.md). The contact plans what the organisation asks after each contact
 * (session feedback), and this block offers to ask for it at once, while the person is still there.
 */
export function ContactBlock({
  personId,
  instruments,
  onAsk,
}: {
  personId: string;
  instruments: InstrumentSummary[];
  onAsk: (form: OpenForm) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [written, setWritten] = useState<JournalNoteCreated | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (written) doneRef.current?.focus();
  }, [written]);

  const planned = (written?.planned ?? []).flatMap((id) => {
    const instrument = instruments.find((i) => i.id === id);
    return instrument?.settings.answeredBy.includes('staff') ? [instrument] : [];
  });

  return (
    <section className="q-block" aria-labelledby="q-contact-title">
      <h3 id="q-contact-title" tabIndex={-1}>
        {t('journal.form.title')}
      </h3>
      <div ref={doneRef} tabIndex={-1} className="task-done" role="status">
        {written && (
          <div className="message message--info">
            <p>{written.status === 'signed' ? t('journal.form.signed') : t('journal.form.drafted')}</p>
            {planned.length > 0 && (
              <>
                <p>{t('questionnaire.contact.askNowIntro')}</p>
                <div className="actions">
                  {planned.map((i) => (
                    <button
                      key={i.id}
                      type="button"
                      className="button button--primary"
                      onClick={() =>
                        onAsk({ questionnaireId: i.id, responseId: null, contactId: written.contactId })
                      }
                    >
                      {t('questionnaire.contact.askNow', { title: titleIn(i, lang) })}
                    </button>
                  ))}
                </div>
              </>
            )}
          </div>
        )}
      </div>
      <NoteForm personId={personId} onWritten={setWritten} />
    </section>
  );
}
