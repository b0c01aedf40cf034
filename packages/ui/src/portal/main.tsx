// The member portal's entry (portal.html, served at `/` by the plan's server). Members download only what this
// file reaches: it must never import the developer sandbox's app, its pages or its API (a test checks); the
// shared account pages, components and FHIR summaries are fine.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readRuntimeConfig } from '../config.ts';
import { RuntimeConfigContext } from '../config-context.ts';
import { theme } from '../theme.ts';
import { PortalApp } from './PortalApp.tsx';

// The page is the member portal whatever the config's mode says (the server serves it for members only).
const read = readRuntimeConfig(document);
const config = { ...read, mode: 'portal' as const };
document.title = config.planName;

const root = document.getElementById('root');
if (root === null) throw new Error('portal.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <RuntimeConfigContext.Provider value={config}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-center" limit={3} />
        <PortalApp basePath={config.basePath} />
      </MantineProvider>
    </RuntimeConfigContext.Provider>
  </StrictMode>,
);
