import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useApp } from '../../api/index.ts';
import { ErrorAlert, LoadingState, PageHeader } from '../../components/index.ts';
import { AppForm } from './AppForm.tsx';
import { DeleteAppButton } from './DeleteAppButton.tsx';
import { LaunchAppButton } from './LaunchAppButton.tsx';
import { AppStatusSection } from '../production/AppStatusSection.tsx';

function BackToApps() {
  return (
    <Anchor component={Link} to="/apps" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        Apps
      </Group>
    </Anchor>
  );
}

/** New Application (`/apps/new`) and the edit form of an app (`/apps/:id`). */
export function AppFormPage() {
  const { id } = useParams();
  const app = useApp(id);
  if (id === undefined) {
    return (
      <>
        <PageHeader
          above={<BackToApps />}
          title="New Application"
          description="Register your app: the sandbox assigns its client ID (and secret) when you save."
        />
        <AppForm app={undefined} />
      </>
    );
  }
  if (app.isPending)
    return (
      <>
        <PageHeader above={<BackToApps />} title="Application" />
        <LoadingState rows={2} label="Loading the application" />
      </>
    );
  if (app.isError)
    return (
      <>
        <PageHeader above={<BackToApps />} title="Application" />
        <ErrorAlert error={app.error} title="The application could not be loaded" onRetry={() => void app.refetch()} />
      </>
    );
  return (
    <>
      <PageHeader
        above={<BackToApps />}
        title={app.data.name}
        description="Edit the application and Save. When it is ready for production, Send Request."
        actions={<LaunchAppButton app={app.data} />}
      />
      <AppForm
        key={app.data.id}
        app={app.data}
        extraActions={<DeleteAppButton app={app.data} />}
        before={(dirty) => <AppStatusSection app={app.data} dirty={dirty} />}
      />
    </>
  );
}
