import type { CheckinForm, NewCheckin } from '@bedring/contract';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../form/error-summary.component.tsx';
import { RadioGroup } from '../form/field.component.tsx';

type UseKind = NewCheckin['use'];

const MOODS = ['1', '2', '3', '4', '5'] as const;
const SLEEPS = ['1', '2', '3'] as const;
const CRAVINGS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
const USES = ['none', 'lapse', 'use'] as const;

type Answer<T extends string> = T | null;

/**
 * The daily check-in (docs/decisions/0007-checkins-and-signals.md): four taps and send — mood, craving,
 * sleep, use — then what the person wants to add: a risky situation, the warning signs of their own plan, a
 * note. Big targets for a phone; words on every button, never a bare score.
 */
export function CheckinFormFields({
  form,
  sending,
  onSend,
}: {
  form: CheckinForm;
  sending: boolean;
  onSend: (checkin: NewCheckin) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [mood, setMood] = useState<Answer<(typeof MOODS)[number]>>(null);
  const [craving, setCraving] = useState<Answer<(typeof CRAVINGS)[number]>>(null);
  const [sleep, setSleep] = useState<Answer<(typeof SLEEPS)[number]>>(null);
  const [use, setUse] = useState<Answer<UseKind>>(null);
  const [substance, setSubstance] = useState('');
  const [amount, setAmount] = useState('');
  const [risky, setRisky] = useState(false);
  const [signs, setSigns] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);

  const missing = {
    mood: mood === null ? t('checkin.form.moodMissing') : null,
    craving: craving === null ? t('checkin.form.cravingMissing') : null,
    sleep: sleep === null ? t('checkin.form.sleepMissing') : null,
    use: use === null ? t('checkin.form.useMissing') : null,
  };
  const errors = Object.values(missing).filter((e): e is string => e !== null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (errors.length > 0 || mood === null || craving === null || sleep === null || use === null) return;
    onSend({
      id: crypto.randomUUID(),
      madeAt: new Date().toISOString(),
      mood: Number(mood),
      craving: Number(craving),
      sleep: Number(sleep),
      use,
      substance: use !== 'none' && substance.trim() ? substance.trim() : null,
      amount: use !== 'none' && amount.trim() ? amount.trim() : null,
      riskySituation: risky,
      warningSigns: signs,
      note: note.trim() || null,
    });
  };

  return (
    <form className="checkin-form" onSubmit={submit} noValidate>
      {tried && <ErrorSummary title={t('checkin.form.errorsTitle')} errors={errors} />}
      <RadioGroup
        legend={t('checkin.form.mood')}
        name="mood"
        value={mood}
        options={MOODS.map((v) => [v, t(`checkin.mood.${v}`)] as const)}
        onChange={setMood}
        error={tried ? missing.mood : null}
        inline
      />
      <RadioGroup
        legend={t('checkin.form.craving')}
        hint={t('checkin.form.cravingHint')}
        name="craving"
        value={craving}
        options={CRAVINGS.map((v) => [v, v] as const)}
        onChange={setCraving}
        error={tried ? missing.craving : null}
        inline
      />
      <RadioGroup
        legend={t('checkin.form.sleep')}
        name="sleep"
        value={sleep}
        options={SLEEPS.map((v) => [v, t(`checkin.sleep.${v}`)] as const)}
        onChange={setSleep}
        error={tried ? missing.sleep : null}
        inline
      />
      <RadioGroup
        legend={t('checkin.form.use')}
        hint={t('checkin.form.useHint')}
        name="use"
        value={use}
        options={USES.map((v) => [v, t(`checkin.use.${v}`)] as const)}
        onChange={setUse}
        error={tried ? missing.use : null}
      />
      {use !== null && use !== 'none' && (
        <div className="checkin-form__pair">
          <div className="field">
            <label htmlFor={`${id}-substance`}>{t('checkin.form.substance')}</label>
            <input
              id={`${id}-substance`}
              value={substance}
              maxLength={200}
              onChange={(e) => setSubstance(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-amount`}>{t('checkin.form.amount')}</label>
            <input
              id={`${id}-amount`}
              value={amount}
              maxLength={200}
              onChange={(e) => setAmount(e.target.value)}
            />
          </div>
        </div>
      )}
      <label className="choice checkin-form__risky">
        <input type="checkbox" checked={risky} onChange={(e) => setRisky(e.target.checked)} />
        <span>{t('checkin.form.risky')}</span>
      </label>
      <fieldset className="choice-group">
        <legend>{t('checkin.form.signs')}</legend>
        {form.warningSigns.length === 0 ? (
          <p className="hint">
            {t('checkin.form.noSigns')} <Link to="/min-side/plan">{t('checkin.form.toPlan')}</Link>
          </p>
        ) : (
          <div className="choices">
            {form.warningSigns.map((s) => (
              <label key={s.id} className="choice">
                <input
                  type="checkbox"
                  checked={signs.includes(s.id)}
                  onChange={(e) =>
                    setSigns((now) => (e.target.checked ? [...now, s.id] : now.filter((x) => x !== s.id)))
                  }
                />
                <span>{s.text}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('checkin.form.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <button type="submit" className="button button--primary checkin-form__send" disabled={sending}>
        {t('checkin.form.send')}
      </button>
    </form>
  );
}
