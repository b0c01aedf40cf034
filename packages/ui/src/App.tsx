import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError, isUnauthorized } from './api/index.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { SignInCard } from './components/SignInCard.tsx';
import { AppFormPage } from './pages/apps/AppFormPage.tsx';
import { AppsPage } from './pages/apps/AppsPage.tsx';
import { LaunchesPage } from './pages/launches/LaunchesPage.tsx';
import { LaunchInspectorPage } from './pages/launches/LaunchInspectorPage.tsx';
import { OutboxMessagePage } from './pages/outbox/OutboxMessagePage.tsx';
import { OutboxPage } from './pages/outbox/OutboxPage.tsx';
import { MyDataPage } from './pages/patients/MyDataPage.tsx';
import { PatientsPage } from './pages/patients/PatientsPage.tsx';
import { theme } from './theme.ts';

/** Client errors will not change on a retry; only network failures and 5xx are retried (twice). */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** Every route of the UI (inside the shell). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<AppsPage />} />
        <Route path="apps" element={<AppsPage />} />
        <Route path="apps/new" element={<AppFormPage />} />
        <Route path="apps/:id" element={<AppFormPage />} />
        <Route path="patients" element={<PatientsPage />} />
        <Route path="patients/:id" element={<MyDataPage />} />
        <Route path="launches" element={<LaunchesPage />} />
        <Route path="launches/:id" element={<LaunchInspectorPage />} />
        <Route path="outbox" element={<OutboxPage />} />
        <Route path="outbox/:id" element={<OutboxMessagePage />} />
        <Route path="index.html" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/**
 * The web UI: theme, notifications, data cache and routes. Any 401 of the management API (no or expired
 * session) swaps the whole UI for the sign-in card instead of scattering errors over every page.
 */
export function App() {
  const [signedOut, setSignedOut] = useState(false);
  const [queryClient] = useState(() => {
    const onError = (error: unknown) => {
      if (isUnauthorized(error)) setSignedOut(true);
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: { queries: { retry: shouldRetry, staleTime: 5_000, refetchOnWindowFocus: true } },
    });
  });
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        {signedOut ? (
          <SignInCard />
        ) : (
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        )}
      </QueryClientProvider>
    </MantineProvider>
  );
}
