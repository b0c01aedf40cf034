import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { DEFAULT_CONFIG, type RuntimeConfig } from './config.ts';
import { RuntimeConfigContext } from './config-context.ts';
import { HostedApp } from './hosted/HostedApp.tsx';
import { LocalApp } from './LocalApp.tsx';
import { theme } from './theme.ts';

export interface AppProps {
  /** The page's runtime config (default: the desktop sandbox). */
  config?: RuntimeConfig;
}

/**
 * The developer sandbox's web UI: theme and notifications, then the desktop sandbox (`local`) or the hosted
 * developer sandbox on the plan's server (`hosted`, vendors with accounts), as the page's config says.
 */
export function App({ config = DEFAULT_CONFIG }: AppProps) {
  return (
    <RuntimeConfigContext.Provider value={config}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-right" limit={4} />
        {config.mode === 'hosted' ? <HostedApp basePath={config.basePath} /> : <LocalApp />}
      </MantineProvider>
    </RuntimeConfigContext.Provider>
  );
}
