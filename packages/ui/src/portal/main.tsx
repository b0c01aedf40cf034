// The member portal's entry (portal.html, served at `/` by the plan's server). Members download only what this
// file imports: it must never import the developer sandbox's app, pages or API client (a test checks).
import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readRuntimeConfig } from '../config.ts';
import { theme } from '../theme.ts';
import { PortalHome } from './PortalHome.tsx';

const config = readRuntimeConfig(document);
document.title = config.planName;

const root = document.getElementById('root');
if (root === null) throw new Error('portal.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <PortalHome planName={config.planName} />
    </MantineProvider>
  </StrictMode>,
);
