import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { EmptyState } from '../components/EmptyState.tsx';
import { RequireSession } from '../hosted/RequireSession.tsx';
import { ForgotPasswordPage } from '../pages/auth/ForgotPasswordPage.tsx';
import { SetPasswordPage } from '../pages/auth/SetPasswordPage.tsx';
import { SignInPage } from '../pages/auth/SignInPage.tsx';
import { AccessHistoryPage } from './AccessHistoryPage.tsx';
import { AppPage } from './AppPage.tsx';
import { ConnectedAppsPage } from './ConnectedAppsPage.tsx';
import { GalleryPage } from './GalleryPage.tsx';
import { MemberAccountLayout } from './MemberAccountLayout.tsx';
import { MemberDataPage } from './MemberDataPage.tsx';
import { NarrowColumn, PortalLayout } from './PortalLayout.tsx';
import { RegisterPage } from './RegisterPage.tsx';
import { SessionApp } from '../hosted/SessionApp.tsx';

/**
 * The portal's pages anyone may open (the server serves portal.html for them without a session): the gallery
 * and its apps' pages (`/apps/...`), and the account pages.
 */
export const PORTAL_PUBLIC_PAGES = [
  '/',
  '/apps',
  '/sign-in',
  '/register',
  '/forgot-password',
  '/set-password',
] as const;

/** The member's pages (signed in; otherwise Sign in, back here afterwards). */
export const PORTAL_MEMBER_PAGES = ['/account', '/account/apps', '/account/history', '/account/data'] as const;

/** A path the portal does not have. */
function NotFound() {
  return (
    <EmptyState
      icon={<IconMapOff size={28} />}
      title="Page not found"
      description="This address is not a page of the member portal."
      action={
        <Button component={Link} to="/">
          See the apps you can connect
        </Button>
      }
    />
  );
}

/** `/account/sign-in?error=...` (where the OpenID Connect callback sends members back) is the Sign in page. */
function ToSignIn() {
  const { search } = useLocation();
  return <Navigate to={`/sign-in${search}`} replace />;
}

/** Every route of the member portal. */
export function PortalRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<GalleryPage />} />
        <Route path="apps/:clientId" element={<AppPage />} />
        <Route path="apps" element={<Navigate to="/" replace />} />
        <Route element={<NarrowColumn />}>
          <Route path="sign-in" element={<SignInPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route path="set-password" element={<SetPasswordPage />} />
        </Route>
        <Route path="account/sign-in" element={<ToSignIn />} />
        <Route element={<RequireSession />}>
          <Route path="account" element={<MemberAccountLayout />}>
            <Route index element={<Navigate to="/account/apps" replace />} />
            <Route path="apps" element={<ConnectedAppsPage />} />
            <Route path="history" element={<AccessHistoryPage />} />
            <Route path="data" element={<MemberDataPage />} />
          </Route>
        </Route>
        <Route path="index.html" element={<Navigate to="/" replace />} />
        <Route path="portal.html" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/**
 * The member portal (portal.html at `/`, mode `portal`). A 401 anywhere means the member's session is gone: the
 * session becomes null, and the account pages send the member to Sign in, to come back to the same page.
 */
export function PortalApp({ basePath }: { basePath: string }) {
  return (
    <SessionApp basePath={basePath}>
      <PortalRoutes />
    </SessionApp>
  );
}
