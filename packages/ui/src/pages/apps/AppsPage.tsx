import { Button, Stack } from '@mantine/core';
import { IconApps, IconPlus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApps } from '../../api/index.ts';
import type { AppRecord } from '../../api/index.ts';
import { EmptyState, ErrorAlert, LoadingState, PageHeader } from '../../components/index.ts';
import { LaunchAppModal } from '../launches/LaunchAppModal.tsx';
import { InitializePatientModal } from '../patients/InitializePatientModal.tsx';
import { AppCard } from './AppCard.tsx';

function NewApplicationButton() {
  return (
    <Button component={Link} to="/apps/new" leftSection={<IconPlus size={16} aria-hidden />}>
      New Application
    </Button>
  );
}

/** The Apps list (`/` and `/apps`): every registered app, with New Application and Initialize Patient. */
export function AppsPage() {
  const apps = useApps();
  const [initializeOpened, setInitializeOpened] = useState(false);
  // The app stays set while the modal closes, so its closing transition still has something to show.
  const [launchApp, setLaunchApp] = useState<AppRecord | null>(null);
  const [launchOpened, setLaunchOpened] = useState(false);

  let body;
  if (apps.isPending) body = <LoadingState label="Loading applications" />;
  else if (apps.isError)
    body = (
      <ErrorAlert error={apps.error} title="The applications could not be loaded" onRetry={() => void apps.refetch()} />
    );
  else if (apps.data.length === 0)
    body = (
      <EmptyState
        icon={<IconApps size={28} />}
        title="No applications yet"
        description="Register your app to get a client ID, then launch it against a synthetic patient."
        action={<NewApplicationButton />}
      />
    );
  else
    body = (
      <Stack gap="sm">
        {apps.data.map((app) => (
          <AppCard
            key={app.id}
            app={app}
            onLaunch={(target) => {
              setLaunchApp(target);
              setLaunchOpened(true);
            }}
          />
        ))}
      </Stack>
    );

  return (
    <>
      <PageHeader
        title="Apps"
        description="Register your SMART on FHIR app, create synthetic patients and launch the app against them."
        actions={
          <>
            <Button
              variant="light"
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={() => setInitializeOpened(true)}
            >
              Initialize Patient
            </Button>
            <NewApplicationButton />
          </>
        }
      />
      {body}
      <InitializePatientModal opened={initializeOpened} onClose={() => setInitializeOpened(false)} />
      {launchApp !== null && (
        <LaunchAppModal app={launchApp} opened={launchOpened} onClose={() => setLaunchOpened(false)} />
      )}
    </>
  );
}
