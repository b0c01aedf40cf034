import { Text } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from '../components/AppLayout.tsx';
import { REVIEW_NAV } from '../components/navigation.ts';
import { PublicLayout } from '../hosted/PublicLayout.tsx';
import { RequireSession } from '../hosted/RequireSession.tsx';
import { ForgotPasswordPage } from '../pages/auth/ForgotPasswordPage.tsx';
import { SetPasswordPage } from '../pages/auth/SetPasswordPage.tsx';
import { SignInPage } from '../pages/auth/SignInPage.tsx';
import { fallbackRoutes } from '../routes.tsx';
import { PublishedAppsPage } from './PublishedAppsPage.tsx';
import { RequestPage } from './RequestPage.tsx';
import { RequestsPage } from './RequestsPage.tsx';
import { ReviewerAccountArea } from './ReviewerAccountArea.tsx';
import { SessionApp } from '../hosted/SessionApp.tsx';

/** The public pages of the review area (the server lets signed-out visitors open them). */
export const REVIEW_PUBLIC_PAGES = ['/sign-in', '/forgot-password', '/set-password'] as const;

const FOOTER = (
  <Text size="xs" c="dimmed" px="sm" pb="xs">
    Decisions are recorded with your email and the version decided.
  </Text>
);

/** Every route of the review area: the public account pages, then the reviewer's pages. */
export function ReviewRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="set-password" element={<SetPasswordPage />} />
      </Route>
      <Route element={<RequireSession />}>
        <Route
          element={<AppLayout nav={REVIEW_NAV} accountArea={<ReviewerAccountArea />} brand="Review" footer={FOOTER} />}
        >
          <Route index element={<Navigate to="/requests" replace />} />
          <Route path="requests" element={<RequestsPage />} />
          <Route path="requests/:id" element={<RequestPage />} />
          <Route path="apps" element={<PublishedAppsPage />} />
          {fallbackRoutes()}
        </Route>
      </Route>
    </Routes>
  );
}

/**
 * The review area of the plan's server (`/review`, mode `review`): the plan's reviewers decide production
 * requests and suspend published apps. Like the hosted developer sandbox, a lost session sends them to Sign in.
 */
export function ReviewApp({ basePath }: { basePath: string }) {
  return (
    <SessionApp basePath={basePath}>
      <ReviewRoutes />
    </SessionApp>
  );
}
