import type { SelfAdmissionContractView, SelfAdmissionCreated } from '@bedring/contract';
import { type SelfAdmissionAsker, SelfAdmissionAskers } from '@bedring/domain/pathway/self-admission.rules';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session.resource.ts';
import { ErrorSummary } from '../form/error-summary.component.tsx';
import {
  DateField,
  describedBy,
  Field,
  RadioGroup,
  SelectField,
  TextAreaField,
} from '../form/field.component.tsx';
import { isApiError } from '../http/api-client.ts';
import { useFormat } from '../i18n/format.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useUnits } from './directory.resource.ts';
import { splitPhoneNumbers } from './phone-numbers.ts';
import {
  useAddSelfAdmissionContract,
  useEndContract,
  useRecordStay,
  useSelfAdmissionContracts,
} from './self-admission.resource.ts';

/**
 * Brukerstyrt innleggelse on the person page (docs/decisions/0018-handover-and-self-admission.md): the
 * contract recorded with the plan, and the stays under it — each without a new referral, a new round or a
 * short episode linked to the last. Clinicians and leaders record the contract and end it; the unit records
 * a stay under a contract that is not ended.
 */
export function SelfAdmission({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const query = useSelfAdmissionContracts(personId);
  const [adding, setAdding] = useState(false);
  if (user.role === 'peer') return null;
  const mayAgree = user.role === 'clinician' || user.role === 'leader';
  const mayAdmit = mayAgree || user.role === 'milieu';
  return (
    <section className="section self-admission" id="self-admission" aria-labelledby="self-admission-title">
      <h2 id="self-admission-title">{t('selfAdmission.title')}</h2>
      <p className="section__intro">{t('selfAdmission.intro')}</p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => query.refetch()} />}
      {query.data?.contracts.length === 0 && <p className="empty">{t('selfAdmission.empty')}</p>}
      {query.data?.contracts.map((c) => (
        <Contract
          key={c.id}
          personId={personId}
          contract={c}
          today={query.data.today}
          mayAdmit={mayAdmit}
          mayEnd={mayAgree}
        />
      ))}
      {mayAgree &&
        query.data &&
        (adding ? (
          <ContractForm personId={personId} today={query.data.today} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
            {t('selfAdmission.add')}
          </button>
        ))}
    </section>
  );
}

/** The contract as the person and staff read it: what it allows, how to ask, whom to call. */
export function ContractFacts({ contract, self }: { contract: SelfAdmissionContractView; self: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <p>
        {t(self ? 'selfAdmission.summarySelf' : 'selfAdmission.summary', {
          days: contract.daysPerStay,
          stays: contract.staysPerYear,
          unit: contract.unit.name,
        })}{' '}
        {t(contract.inForce ? 'selfAdmission.inForce' : 'selfAdmission.notInForce')}
      </p>
      {contract.endedOn && (
        <p className="message message--info self-admission__ended">
          {t('selfAdmission.ended', { date: format.calendarDate(contract.endedOn) })}
        </p>
      )}
      {contract.inForce && (
        <p>
          {t(self ? 'selfAdmission.usedSelf' : 'selfAdmission.used', {
            n: contract.staysInYear,
            stays: contract.staysPerYear,
          })}
        </p>
      )}
      <dl className="facts facts--stacked">
        <div>
          <dt>{t('selfAdmission.howToAsk')}</dt>
          <dd className="pre-line">{contract.howToAsk}</dd>
        </div>
        <div>
          <dt>{t('selfAdmission.whoToCall')}</dt>
          <dd className="pre-line">
            {splitPhoneNumbers(contract.whoToCall).map((part, i) =>
              part.tel ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in its order
                <a key={i} href={part.tel}>
                  {part.text}
                </a>
              ) : (
                part.text
              ),
            )}
          </dd>
        </div>
        <div>
          <dt>{t('selfAdmission.validFrom')}</dt>
          <dd>
            {format.calendarDate(contract.validFrom)}
            {contract.validTo && ` – ${format.calendarDate(contract.validTo)}`}
          </dd>
        </div>
      </dl>
    </>
  );
}

function Contract({
  personId,
  contract,
  today,
  mayAdmit,
  mayEnd,
}: {
  personId: string;
  contract: SelfAdmissionContractView;
  today: string;
  mayAdmit: boolean;
  mayEnd: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [using, setUsing] = useState(false);
  const [ending, setEnding] = useState(false);
  const [result, setResult] = useState<SelfAdmissionCreated | null>(null);
  const ended = contract.endedOn !== null;
  return (
    <div className="self-admission__contract">
      <ContractFacts contract={contract} self={false} />
      <p className="meta">{t('selfAdmission.createdBy', { name: contract.createdBy })}</p>
      <h3>{t('selfAdmission.stays')}</h3>
      {contract.stays.length === 0 ? (
        <p className="empty">{t('selfAdmission.noStays')}</p>
      ) : (
        <ul className="self-admission__stays">
          {contract.stays.map((s) => (
            <li key={s.id}>
              {t('selfAdmission.stayLine', {
                date: format.calendarDate(s.admittedOn),
                days: s.plannedDays,
                asker: t(`selfAdmission.askers.${s.askedBy}`),
                placement: t(`selfAdmission.placements.${s.placement}`),
              })}
            </li>
          ))}
        </ul>
      )}
      {result && (
        <div role="status">
          <p className="message message--info">{t('selfAdmission.saved')}</p>
          {result.warnings.map((w) => (
            <p key={w} className="message message--warning">
              {t(`selfAdmission.warnings.${w}`)}
            </p>
          ))}
        </div>
      )}
      {mayAdmit &&
        !ended &&
        !ending &&
        (using ? (
          <StayForm
            personId={personId}
            contractId={contract.id}
            today={today}
            onDone={(r) => {
              setUsing(false);
              setResult(r);
            }}
          />
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setResult(null);
              setUsing(true);
            }}
          >
            {t('selfAdmission.use')}
          </button>
        ))}
      {mayEnd &&
        !ended &&
        !using &&
        (ending ? (
          <EndForm personId={personId} contract={contract} today={today} onDone={() => setEnding(false)} />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setEnding(true)}>
            {t('selfAdmission.end')}
          </button>
        ))}
    </div>
  );
}

/**
 * Ending the contract, with the day it ends and a second look before it is done: from that day it is no
 * longer in force, and the unit sees it ended; the stays under it stay as they were.
 */
function EndForm({
  personId,
  contract,
  today,
  onDone,
}: {
  personId: string;
  contract: SelfAdmissionContractView;
  today: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const end = useEndContract(personId, contract.id);
  const [endedOn, setEndedOn] = useState(today);
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!endedOn || endedOn > today || endedOn < contract.validFrom) {
      setError(t('selfAdmission.errors.endedOn'));
      return;
    }
    setError(undefined);
    end.mutate({ endedOn }, { onSuccess: onDone });
  };
  return (
    <form className="form pathway-form" onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-title`}>
      <h4 id={`${uid}-title`}>{t('selfAdmission.endTitle')}</h4>
      <p className="hint">{t('selfAdmission.endIntro')}</p>
      <ErrorSummary title={t('pathway.form.fix')} errors={error ? [error] : []} />
      <DateField
        label={t('selfAdmission.endedOn')}
        value={endedOn}
        onChange={setEndedOn}
        min={contract.validFrom}
        max={today}
        error={error}
        required
      />
      {end.isError && (
        <p className="message message--error" role="alert">
          {isApiError(end.error, 403) ? t('pathway.notAllowed') : (end.error as Error).message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={end.isPending}>
          {end.isPending ? t('common.saving') : t('selfAdmission.endConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A whole number field, given as text so that a half-typed value can be told about, not lost. */
function NumberField({
  label,
  value,
  onChange,
  error,
  max,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  max: number;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} error={error}>
      <input
        {...describedBy(id, { error })}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        className="input--short"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

const wholeIn = (v: string, max: number) => /^[0-9]{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= max;

function ContractForm({ personId, today, onDone }: { personId: string; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const units = useUnits();
  const save = useAddSelfAdmissionContract(personId);
  const [unitId, setUnitId] = useState('');
  const [days, setDays] = useState('5');
  const [stays, setStays] = useState('4');
  const [howToAsk, setHowToAsk] = useState('');
  const [whoToCall, setWhoToCall] = useState('');
  const [validFrom, setValidFrom] = useState(today);
  const [validTo, setValidTo] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!unitId) p.unitId = t('selfAdmission.errors.unit');
    if (!wholeIn(days, 30)) p.days = t('selfAdmission.errors.days');
    if (!wholeIn(stays, 52)) p.stays = t('selfAdmission.errors.stays');
    if (!howToAsk.trim()) p.howToAsk = t('selfAdmission.errors.howToAsk');
    if (!whoToCall.trim()) p.whoToCall = t('selfAdmission.errors.whoToCall');
    if (!validFrom) p.validFrom = t('selfAdmission.errors.validFrom');
    if (validTo && validFrom && validTo < validFrom) p.validTo = t('selfAdmission.errors.validTo');
    setErrors(p);
    if (Object.keys(p).length > 0) return;
    save.mutate(
      {
        unitId,
        daysPerStay: Number(days),
        staysPerYear: Number(stays),
        howToAsk: howToAsk.trim(),
        whoToCall: whoToCall.trim(),
        validFrom,
        ...(validTo ? { validTo } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="form pathway-form" onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{t('selfAdmission.add')}</h3>
      <ErrorSummary title={t('pathway.form.fix')} errors={Object.values(errors)} />
      <SelectField label={t('selfAdmission.unit')} value={unitId} onChange={setUnitId} error={errors.unitId}>
        <option value="">{t('selfAdmission.chooseUnit')}</option>
        {units.data?.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <div className="form-row">
        <NumberField
          label={t('selfAdmission.daysPerStay')}
          value={days}
          onChange={setDays}
          error={errors.days}
          max={30}
        />
        <NumberField
          label={t('selfAdmission.staysPerYear')}
          value={stays}
          onChange={setStays}
          error={errors.stays}
          max={52}
        />
      </div>
      <TextAreaField
        label={t('selfAdmission.howToAsk')}
        value={howToAsk}
        onChange={setHowToAsk}
        maxLength={2000}
        error={errors.howToAsk}
        required
      />
      <TextAreaField
        label={t('selfAdmission.whoToCall')}
        value={whoToCall}
        onChange={setWhoToCall}
        rows={2}
        maxLength={500}
        error={errors.whoToCall}
        required
      />
      <div className="form-row">
        <DateField
          label={t('selfAdmission.validFrom')}
          value={validFrom}
          onChange={setValidFrom}
          error={errors.validFrom}
          required
        />
        <DateField
          label={t('selfAdmission.validTo')}
          hint={t('selfAdmission.validToHint')}
          value={validTo}
          onChange={setValidTo}
          min={validFrom}
          error={errors.validTo}
        />
      </div>
      {save.isError && <ErrorMessage error={save.error} />}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('selfAdmission.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function StayForm({
  personId,
  contractId,
  today,
  onDone,
}: {
  personId: string;
  contractId: string;
  today: string;
  onDone: (result: SelfAdmissionCreated | null) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const save = useRecordStay(personId, contractId);
  const [admittedOn, setAdmittedOn] = useState(today);
  const [days, setDays] = useState('');
  const [askedBy, setAskedBy] = useState<SelfAdmissionAsker | null>('person');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!admittedOn || admittedOn > today) p.admittedOn = t('selfAdmission.errors.admittedOn');
    if (!wholeIn(days, 365)) p.days = t('selfAdmission.errors.plannedDays');
    setErrors(p);
    if (Object.keys(p).length > 0 || !askedBy) return;
    save.mutate(
      { admittedOn, plannedDays: Number(days), askedBy, ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: (r) => onDone(r) },
    );
  };
  return (
    <form className="form pathway-form" onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-title`}>
      <h4 id={`${uid}-title`}>{t('selfAdmission.useTitle')}</h4>
      <p className="hint">{t('selfAdmission.useIntro')}</p>
      <ErrorSummary title={t('pathway.form.fix')} errors={Object.values(errors)} />
      <DateField
        label={t('selfAdmission.admittedOn')}
        value={admittedOn}
        onChange={setAdmittedOn}
        max={today}
        error={errors.admittedOn}
        required
      />
      <NumberField
        label={t('selfAdmission.plannedDays')}
        value={days}
        onChange={setDays}
        error={errors.days}
        max={365}
      />
      <RadioGroup
        legend={t('selfAdmission.askedBy')}
        name={`${uid}-asked-by`}
        value={askedBy}
        options={SelfAdmissionAskers.map((a) => [a, t(`selfAdmission.askers.${a}`)] as const)}
        onChange={setAskedBy}
      />
      <TextAreaField label={t('selfAdmission.note')} value={note} onChange={setNote} maxLength={2000} />
      {save.isError && (
        <p className="message message--error" role="alert">
          {isApiError(save.error, 403) ? t('pathway.notAllowed') : (save.error as Error).message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('selfAdmission.use')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
