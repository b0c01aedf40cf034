import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { isUnauthorized } from './api/index.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { LOCAL_NAV } from './components/navigation.ts';
import { SignInCard } from './components/SignInCard.tsx';
import { LocalSignOutButton } from './components/SignOutButton.tsx';
import { OutboxMessagePage } from './pages/outbox/OutboxMessagePage.tsx';
import { OutboxPage } from './pages/outbox/OutboxPage.tsx';
import { SettingsPage } from './pages/settings/SettingsPage.tsx';
import { createQueryClient } from './query-client.ts';
import { fallbackRoutes, sandboxPageRoutes } from './routes.tsx';

/** Every route of the desktop sandbox's UI (inside the shell). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout nav={LOCAL_NAV} accountArea={<LocalSignOutButton />} />}>
        {sandboxPageRoutes()}
        <Route path="outbox" element={<OutboxPage />} />
        <Route path="outbox/:id" element={<OutboxMessagePage />} />
        <Route path="settings" element={<SettingsPage />} />
        {fallbackRoutes()}
      </Route>
    </Routes>
  );
}

/**
 * The desktop (and headless) sandbox: one user signed in with the printed link. Any 401 of the management API
 * (no or expired session) swaps the whole UI for the sign-in card instead of scattering errors over every page.
 */
export function LocalApp() {
  const [signedOut, setSignedOut] = useState(false);
  const [queryClient] = useState(() =>
    createQueryClient((error) => {
      if (isUnauthorized(error)) setSignedOut(true);
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      {signedOut ? (
        <SignInCard />
      ) : (
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      )}
    </QueryClientProvider>
  );
}
