import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { readRuntimeConfig } from './config.ts';

// Read once, before the first render: the server wrote it into the page and it does not change.
const config = readRuntimeConfig(document);
if (config.mode === 'hosted') document.title = `${config.planName} Developer Sandbox`;
if (config.mode === 'review') document.title = `${config.planName} Review`;

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App config={config} />
  </StrictMode>,
);
