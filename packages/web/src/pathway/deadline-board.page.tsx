import type { BoardDeadline, BoardStatus, DeadlineBoard } from '@bedring/contract';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useUser } from '../auth/session.resource.ts';
import { FeedbackAlertWorklist } from '../questionnaire/feedback-alerts.component.tsx';
import { personPath } from '../record/person-path.ts';
import { ErrorMessage, Loading } from '../shell/status.component.tsx';
import { useDocumentTitle } from '../shell/use-document-title.ts';
import { type BoardFilter, filterFrom, PAGE_SIZE, paramsFrom, totalFor } from './deadline-board.filter.ts';
import { boardEpisodePath, useDeadlineBoard } from './deadline-board.resource.ts';
import { DeadlineTable } from './deadline-table.component.tsx';
import { useStaff, useUnits } from './directory.resource.ts';
import { EscalatedTaskList } from './escalated-tasks.component.tsx';
import { DUE_SOON_DAYS } from './pathway.ts';
import { SelfAdmissionNumbersCard } from './self-admission-numbers.component.tsx';
import { useTasks } from './task.resource.ts';

/**
 * "Frister": the open pathway deadlines, most urgent first. A unit leader sees a unit (their own unless
 * they choose another), the tasks that have waited too long and the unit's brukerstyrt innleggelse this
 * year; clinicians and milieu staff see their own.
 */
export function DeadlineBoardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('work.deadlines.title'));
  const user = useUser();
  const leader = user.role === 'leader';
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const board = useDeadlineBoard(filter);

  return (
    <div className="work-page">
      <h1>{t('work.deadlines.title')}</h1>
      <p className="lead">{leader ? t('work.deadlines.introUnit') : t('work.deadlines.introOwn')}</p>
      {leader && <EscalatedBox />}
      {leader && <FeedbackAlertWorklist scope="organisation" />}
      {board.isPending && <Loading />}
      {board.isError && <ErrorMessage error={board.error} onRetry={() => board.refetch()} />}
      {board.data && (
        <>
          <Counts board={board.data} />
          {leader && <SelfAdmissionNumbersCard unitId={board.data.unitId} today={board.data.today} />}
          <FilterForm
            filter={filter}
            shownUnitId={board.data.unitId}
            leader={leader}
            organisationId={user.organisation?.id ?? null}
            onApply={(next) => setParams(paramsFrom({ ...next, page: 1 }))}
          />
          <Results
            board={board.data}
            filter={filter}
            busy={board.isFetching}
            personHref={personHrefFor(leader, board.data.unitId === (user.unitId ?? null))}
            pageHref={(page) => `?${new URLSearchParams(paramsFrom({ ...filter, page }))}`}
          />
        </>
      )}
    </div>
  );
}

function Counts({ board }: { board: DeadlineBoard }) {
  const { t } = useTranslation();
  const { overdue, dueSoon, open } = board.counts;
  return (
    <section aria-label={t('work.deadlines.countsLabel')}>
      <dl className="counts">
        <div className={`count count--overdue${overdue > 0 ? ' count--some' : ''}`}>
          <dt>{t('work.deadlines.overdue')}</dt>
          <dd>{overdue}</dd>
        </div>
        <div className={`count count--soon${dueSoon > 0 ? ' count--some' : ''}`}>
          <dt>
            {t('work.deadlines.dueSoon')}{' '}
            <span className="count__hint">{t('work.deadlines.dueSoonHint', { days: DUE_SOON_DAYS })}</span>
          </dt>
          <dd>{dueSoon}</dd>
        </div>
        <div className="count count--open">
          <dt>
            {t('work.deadlines.open')} <span className="count__hint">{t('work.deadlines.openHint')}</span>
          </dt>
          <dd>{open}</dd>
        </div>
      </dl>
    </section>
  );
}

function FilterForm({
  filter,
  shownUnitId,
  leader,
  organisationId,
  onApply,
}: {
  filter: BoardFilter;
  shownUnitId: string | null;
  leader: boolean;
  organisationId: string | null;
  onApply: (f: BoardFilter) => void;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const staff = useStaff('clinician', leader);
  const [status, setStatus] = useState(filter.status ?? '');
  const [unitId, setUnitId] = useState(filter.unitId ?? shownUnitId ?? '');
  const [accountId, setAccountId] = useState(filter.accountId ?? '');
  useEffect(() => {
    setStatus(filter.status ?? '');
    setUnitId(filter.unitId ?? shownUnitId ?? '');
    setAccountId(filter.accountId ?? '');
  }, [filter.status, filter.unitId, filter.accountId, shownUnitId]);
  // The directory lists clinicians of every organisation; the board is about this one.
  const clinicians = (staff.data?.staff ?? []).filter((s) => s.organisationId === organisationId);

  // Applied on submit, not on every change: each showing of the board is an audited read.
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      status: (status || null) as BoardStatus | null,
      unitId: leader ? unitId || null : null,
      accountId: leader ? accountId || null : null,
      page: 1,
    });
  };

  return (
    <form className="board-filter" onSubmit={onSubmit} aria-label={t('work.deadlines.filterLegend')}>
      <div className="field">
        <label htmlFor="board-status">{t('work.deadlines.status')}</label>
        <select id="board-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('work.deadlines.statusAll')}</option>
          <option value="overdue">{t('work.deadlines.statusOverdue')}</option>
          <option value="due-soon">{t('work.deadlines.statusDueSoon', { days: DUE_SOON_DAYS })}</option>
          <option value="open">{t('work.deadlines.statusOpen')}</option>
        </select>
      </div>
      {leader && (
        <>
          <div className="field">
            <label htmlFor="board-unit">{t('work.deadlines.unit')}</label>
            <select id="board-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              {(units.data?.units ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="board-responsible">{t('work.deadlines.responsible')}</label>
            <select id="board-responsible" value={accountId} onChange={(e) => setAccountId(e.target.value)}>
              <option value="">{t('work.deadlines.allResponsible')}</option>
              {clinicians.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <button type="submit" className="button button--secondary">
        {t('work.deadlines.apply')}
      </button>
    </form>
  );
}

/**
 * Where a row's person leads: staff to the record; a unit leader, who has no care relation and should not
 * need break-glass to follow up a deadline, to what a leader may see of the row — the deadlines, the
 * episode's state and its tasks (docs/decisions/0016-worklists.md). The server shows that only for the
 * leader's own unit; another unit's rows are names without a link.
 */
function personHrefFor(leader: boolean, ownUnit: boolean): (d: BoardDeadline) => string | null {
  if (!leader) return (d) => personPath(d.person.id);
  return ownUnit ? (d) => boardEpisodePath(d.episodeId) : () => null;
}

function Results({
  board,
  filter,
  busy,
  pageHref,
  personHref,
}: {
  board: DeadlineBoard;
  filter: BoardFilter;
  busy: boolean;
  pageHref: (page: number) => string;
  personHref: (d: BoardDeadline) => string | null;
}) {
  const { t } = useTranslation();
  const total = totalFor(board, filter.status);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = (filter.page - 1) * PAGE_SIZE + 1;
  const to = from + board.deadlines.length - 1;
  if (board.deadlines.length === 0) {
    return (
      <p className="empty" role="status">
        {filter.status ? t('work.deadlines.emptyFilter') : t('work.deadlines.empty')}
      </p>
    );
  }
  return (
    <>
      <p className="result-count" role="status">
        {t('work.deadlines.showing', { from, to, total })}
      </p>
      <DeadlineTable deadlines={board.deadlines} today={board.today} busy={busy} personHref={personHref} />
      {pages > 1 && (
        <nav className="pagination" aria-label={t('work.deadlines.pages')}>
          {filter.page > 1 && (
            <Link className="button button--secondary" to={pageHref(filter.page - 1)}>
              <span aria-hidden="true">←</span> {t('work.deadlines.previous')}
            </Link>
          )}
          <span className="pagination__where">{t('work.deadlines.page', { page: filter.page, pages })}</span>
          {filter.page < pages && (
            <Link className="button button--secondary" to={pageHref(filter.page + 1)}>
              {t('work.deadlines.next')} <span aria-hidden="true">→</span>
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

function EscalatedBox() {
  const { t } = useTranslation();
  const tasks = useTasks();
  const escalated = (tasks.data?.tasks ?? []).filter((task) => task.status === 'escalated');
  return (
    <section className="section escalated-box" aria-labelledby="escalated-title">
      <h2 id="escalated-title">
        {t('work.escalated.title')}
        {tasks.data && <span className="escalated-box__count"> ({escalated.length})</span>}
      </h2>
      {tasks.isPending && <Loading />}
      {tasks.isError && <ErrorMessage error={tasks.error} onRetry={() => tasks.refetch()} />}
      {tasks.data &&
        (escalated.length === 0 ? (
          <p className="empty">{t('work.escalated.empty')}</p>
        ) : (
          <>
            <p className="section__intro">{t('work.escalated.intro')}</p>
            <EscalatedTaskList tasks={escalated} />
          </>
        ))}
    </section>
  );
}
