import { type Role, StaffRoles } from '@bedring/domain/access/roles';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useUser } from '../auth/session.resource.ts';
import { startPath } from '../auth/start-path.ts';
import { OfflinePortal } from '../offline/offline-portal.component.tsx';
import { PathwayPageRoles, PathwayPaths } from '../pathway/pathway.routes.ts';
import { LanguageSwitch } from './language-switch.component.tsx';

interface NavItem {
  to: string;
  label: string;
}

function navItems(role: Role): NavItem[] {
  if (role === 'patient') return [{ to: '/min-side', label: 'nav.minSide' }];
  if (role === 'admin') return [{ to: '/admin', label: 'nav.admin' }];
  const items: NavItem[] = [];
  if (StaffRoles.includes(role)) items.push({ to: '/pasienter', label: 'nav.caseload' });
  // The pathway's work pages: who sees which is decided in one place, PathwayPaths.
  if (PathwayPageRoles.deadlines.includes(role))
    items.push({ to: PathwayPaths.deadlines, label: 'work.nav.deadlines' });
  if (PathwayPageRoles.tasks.includes(role)) items.push({ to: PathwayPaths.tasks, label: 'work.nav.tasks' });
  if (PathwayPageRoles.newReferral.includes(role))
    items.push({ to: PathwayPaths.newReferral, label: 'work.nav.newReferral' });
  if (role === 'leader') items.push({ to: '/nodtilgang', label: 'nav.breakGlass' });
  if (role === 'leader') items.push({ to: '/tilgangslogg', label: 'worklists.accessLog.nav' });
  return items;
}

/** Header (name, user, language, log out), navigation for the role, and the page in <main>. */
export function Shell() {
  const { t } = useTranslation();
  const user = useUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  // After moving to another page, focus goes to the content, as a full page load would put it.
  useEffect(() => {
    if (location.pathname !== firstPath.current) {
      firstPath.current = location.pathname;
      mainRef.current?.focus();
    }
  }, [location.pathname]);

  const items = navItems(user.role);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <Link to={startPath(user.role)} className="brand">
            <span className="brand__mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <div className="app-header__tools">
            <p className="user-badge">
              <span className="visually-hidden">{t('shell.signedInAs')} </span>
              <span className="user-badge__name">{user.displayName}</span>
              <span className="user-badge__role">
                {t(`roles.${user.role}`)}
                {user.organisation && user.role !== 'patient' ? ` · ${user.organisation.name}` : ''}
              </span>
            </p>
            <LanguageSwitch />
            <button
              type="button"
              className="button button--quiet"
              // Straight to the login page, without remembering this page for whoever logs in next.
              onClick={() =>
                logout.mutate(undefined, { onSettled: () => navigate('/logg-inn', { replace: true }) })
              }
              disabled={logout.isPending}
            >
              {t('shell.logout')}
            </button>
          </div>
        </div>
        {items.length > 0 && (
          <nav className="app-nav" aria-label={t('nav.label')}>
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="app-nav__link">
                    {/* The caseload is named per role (nav.caseload_municipal …, docs/decisions/0017-words-per-role.md). */}
                    {t(item.label, { context: user.role })}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        {user.role === 'patient' && <OfflinePortal />}
        <Outlet />
      </main>
    </>
  );
}
