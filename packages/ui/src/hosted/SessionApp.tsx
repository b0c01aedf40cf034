import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { isSessionLost } from '../api/client.ts';
import { queryKeys } from '../api/keys.ts';
import { createQueryClient } from '../query-client.ts';

/**
 * An area of the plan's server behind a session (the hosted developer sandbox, the review area, the member portal),
 * under `basePath`: its data cache and its router. A 401 anywhere means the session is gone: the session becomes
 * null, and the area's RequireSession sends the user to Sign in, to come back to the same page. (A 401
 * `invalid_credentials` is a wrong password typed into a form, which that form shows.)
 */
export function SessionApp({ basePath, children }: { basePath: string; children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = createQueryClient((error) => {
      if (isSessionLost(error)) client.setQueryData(queryKeys.session, null);
    });
    return client;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename={basePath}>{children}</BrowserRouter>
    </QueryClientProvider>
  );
}
