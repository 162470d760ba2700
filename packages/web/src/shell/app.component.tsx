import { StaffRoles } from '@bedring/domain/access/roles';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router';
import { BreakGlassReviewPage } from '../access/break-glass-review.page.tsx';
import { UnitAccessLogPage } from '../access/unit-access-log.page.tsx';
import { AdminPage } from '../admin/admin.page.tsx';
import { LoginPage } from '../auth/login.page.tsx';
import { RequireAuth, RequireRole, StartRedirect } from '../auth/require-auth.component.tsx';
import { forgetSession, sessionKey } from '../auth/session.resource.ts';
import { CheckinPage } from '../checkin/checkin.page.tsx';
import { HelpNowPage } from '../checkin/help-now.page.tsx';
import { MyDataPage } from '../export/my-data.page.tsx';
import { ApiError } from '../http/api-client.ts';
import { DeadlineBoardPage } from '../pathway/deadline-board.page.tsx';
import { BoardEpisodePage } from '../pathway/deadline-board-episode.page.tsx';
import { PathwayPageRoles, PathwayPaths } from '../pathway/pathway.routes.ts';
import { ReferralPage } from '../pathway/referral.page.tsx';
import { TasksPage } from '../pathway/tasks.page.tsx';
import { CrisisPrintPage } from '../plan/crisis-print.page.tsx';
import { MyPlanPage } from '../plan/my-plan.page.tsx';
import { PersonPlansPage } from '../plan/person-plans.page.tsx';
import { CaseloadPage } from '../record/caseload.page.tsx';
import { MinSidePage } from '../record/min-side.page.tsx';
import { PersonPage } from '../record/person.page.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { Shell } from './shell.component.tsx';

function createQueryClient() {
  // A 401 anywhere but at login means the session ended (idle timeout, logged out elsewhere): forget it,
  // and RequireAuth sends the user to the login page.
  const onError = (error: unknown, meta: Record<string, unknown> | undefined) => {
    if (error instanceof ApiError && error.status === 401 && !meta?.expectsUnauthorized) {
      if (queryClient.getQueryData(sessionKey)) forgetSession(queryClient);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => onError(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        // Client errors (403, 404) are answers, not hiccups: retrying them only delays the message.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        // Every read of a record is audited; do not re-read it just because the window got focus.
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}

const queryClient = createQueryClient();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/logg-inn" element={<LoginPage />} />
          <Route
            element={
              <RequireAuth>
                <Shell />
              </RequireAuth>
            }
          >
            <Route index element={<StartRedirect />} />
            <Route
              path="pasienter"
              element={
                <RequireRole roles={StaffRoles}>
                  <CaseloadPage />
                </RequireRole>
              }
            />
            <Route
              path="personer/:personId"
              element={
                <RequireRole roles={StaffRoles}>
                  <PersonPage />
                </RequireRole>
              }
            />
            <Route
              path="personer/:personId/plan"
              element={
                <RequireRole roles={StaffRoles}>
                  <PersonPlansPage />
                </RequireRole>
              }
            />
            <Route
              path="personer/:personId/kriseplan"
              element={
                <RequireRole roles={StaffRoles}>
                  <CrisisPrintPage />
                </RequireRole>
              }
            />
            <Route
              path={PathwayPaths.deadlines.slice(1)}
              element={
                <RequireRole roles={PathwayPageRoles.deadlines}>
                  <DeadlineBoardPage />
                </RequireRole>
              }
            />
            <Route
              path={PathwayPaths.tasks.slice(1)}
              element={
                <RequireRole roles={PathwayPageRoles.tasks}>
                  <TasksPage />
                </RequireRole>
              }
            />
            <Route
              path={PathwayPaths.newReferral.slice(1)}
              element={
                <RequireRole roles={PathwayPageRoles.newReferral}>
                  <ReferralPage />
                </RequireRole>
              }
            />
            <Route
              path="min-side"
              element={
                <RequireRole roles={['patient']}>
                  <MinSidePage />
                </RequireRole>
              }
            />
            <Route
              path="min-side/plan"
              element={
                <RequireRole roles={['patient']}>
                  <MyPlanPage />
                </RequireRole>
              }
            />
            <Route
              path="min-side/mine-data"
              element={
                <RequireRole roles={['patient']}>
                  <MyDataPage />
                </RequireRole>
              }
            />
            <Route
              path="min-side/innsjekk"
              element={
                <RequireRole roles={['patient']}>
                  <CheckinPage />
                </RequireRole>
              }
            />
            <Route
              path="min-side/hjelp"
              element={
                <RequireRole roles={['patient']}>
                  <HelpNowPage />
                </RequireRole>
              }
            />
            <Route
              path="min-side/kriseplan"
              element={
                <RequireRole roles={['patient']}>
                  <CrisisPrintPage />
                </RequireRole>
              }
            />
            <Route
              path={`${PathwayPaths.deadlines.slice(1)}/:episodeId`}
              element={
                <RequireRole roles={['leader']}>
                  <BoardEpisodePage />
                </RequireRole>
              }
            />
            <Route
              path="tilgangslogg"
              element={
                <RequireRole roles={['leader']}>
                  <UnitAccessLogPage />
                </RequireRole>
              }
            />
            <Route
              path="nodtilgang"
              element={
                <RequireRole roles={['leader']}>
                  <BreakGlassReviewPage />
                </RequireRole>
              }
            />
            <Route
              path="admin"
              element={
                <RequireRole roles={['admin']}>
                  <AdminPage />
                </RequireRole>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
