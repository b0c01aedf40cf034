import { Button } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useState } from 'react';
import type { AppRecord } from '../../api/index.ts';
import { LaunchAppModal } from '../launches/LaunchAppModal.tsx';
import { canLaunch } from './app-form-model.ts';

/** "Launch App" on the app page (the seed: on the app page and the app list); nothing while the app cannot launch. */
export function LaunchAppButton({ app }: { app: AppRecord }) {
  const [opened, setOpened] = useState(false);
  if (!canLaunch(app)) return null;
  return (
    <>
      <Button leftSection={<IconRocket size={16} aria-hidden />} onClick={() => setOpened(true)}>
        Launch App
      </Button>
      <LaunchAppModal app={app} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
