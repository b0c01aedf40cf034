import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense } from 'react';
import { DEFAULT_CONFIG, type RuntimeConfig } from './config.ts';
import { RuntimeConfigContext } from './config-context.ts';
import { HostedApp } from './hosted/HostedApp.tsx';
import { LocalApp } from './LocalApp.tsx';
import { theme } from './theme.ts';

// The review area loads its own chunk: vendors' pages never download the reviewers' code.
const ReviewApp = lazy(() => import('./review/ReviewApp.tsx').then((m) => ({ default: m.ReviewApp })));

function Shell({ config }: { config: RuntimeConfig }) {
  if (config.mode === 'hosted') return <HostedApp basePath={config.basePath} />;
  if (config.mode === 'review')
    return (
      <Suspense
        fallback={
          <Center mih="100dvh" role="status" aria-label="Loading">
            <Loader />
          </Center>
        }
      >
        <ReviewApp basePath={config.basePath} />
      </Suspense>
    );
  return <LocalApp />;
}

export interface AppProps {
  /** The page's runtime config (default: the desktop sandbox). */
  config?: RuntimeConfig;
}

/**
 * The developer sandbox's web UI: theme and notifications, then the desktop sandbox (`local`), the hosted
 * developer sandbox on the plan's server (`hosted`, vendors with accounts) or the plan's review area (`review`,
 * reviewers), as the page's config says.
 */
export function App({ config = DEFAULT_CONFIG }: AppProps) {
  return (
    <RuntimeConfigContext.Provider value={config}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-right" limit={4} />
        <Shell config={config} />
      </MantineProvider>
    </RuntimeConfigContext.Provider>
  );
}
