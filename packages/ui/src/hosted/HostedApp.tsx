import { Route, Routes } from 'react-router';
import { AppLayout } from '../components/AppLayout.tsx';
import { HOSTED_NAV } from '../components/navigation.ts';
import { AccountPage } from '../pages/account/AccountPage.tsx';
import { EnrollPage } from '../pages/auth/EnrollPage.tsx';
import { EnrollSentPage } from '../pages/auth/EnrollSentPage.tsx';
import { ForgotPasswordPage } from '../pages/auth/ForgotPasswordPage.tsx';
import { SetPasswordPage } from '../pages/auth/SetPasswordPage.tsx';
import { SignInPage } from '../pages/auth/SignInPage.tsx';
import { fallbackRoutes, sandboxPageRoutes } from '../routes.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { RequireSession } from './RequireSession.tsx';
import { VendorAccountArea } from './VendorAccountArea.tsx';
import { SessionApp } from './SessionApp.tsx';

/** Every route of the hosted developer sandbox: the public account pages, then the vendor's pages. */
export function HostedRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="enroll" element={<EnrollPage />} />
        <Route path="enroll/sent" element={<EnrollSentPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="set-password" element={<SetPasswordPage />} />
      </Route>
      <Route element={<RequireSession />}>
        <Route element={<AppLayout nav={HOSTED_NAV} accountArea={<VendorAccountArea />} />}>
          {sandboxPageRoutes()}
          <Route path="account" element={<AccountPage />} />
          {fallbackRoutes()}
        </Route>
      </Route>
    </Routes>
  );
}

/**
 * The hosted developer sandbox (the plan's server, under `basePath`). A 401 anywhere means the session is gone:
 * the session becomes null, and RequireSession sends the vendor to Sign in, to come back to the same page.
 * (A 401 `invalid_credentials` is a wrong password typed into a form, which that form shows.)
 */
export function HostedApp({ basePath }: { basePath: string }) {
  return (
    <SessionApp basePath={basePath}>
      <HostedRoutes />
    </SessionApp>
  );
}
