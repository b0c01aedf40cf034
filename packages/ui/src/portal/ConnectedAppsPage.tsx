import { Badge, Button, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlugConnectedX, IconPlugOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useConnectedApps, useRevokeConnectedApp, type ConnectedApp } from '../api/member.ts';
import { ConfirmModal } from '../components/ConfirmModal.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { AppLogo } from './AppLogo.tsx';
import { connectedLabel, dataTypeLabel, lastUsedLabel } from './portal-model.ts';

/** One grant: the app, when it was given and last used, what it may read, and Revoke. */
function ConnectedAppCard({ app, onRevoke }: { app: ConnectedApp; onRevoke: () => void }) {
  const titleId = `grant-${app.grantId}`;
  return (
    <Card component="article" aria-labelledby={titleId} padding="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <AppLogo name={app.name} logoUrl={app.logoUrl} size={44} />
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={2} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
              {app.name}
            </Title>
            {app.suspended && (
              <Tooltip label="The plan stopped this app: it cannot read your data now." multiline w={220}>
                <Badge color="orange" variant="light" tt="none">
                  Suspended by the plan
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {connectedLabel(app)} · {lastUsedLabel(app)}
          </Text>
        </Stack>
      </Group>
      <Text size="sm" fw={500} mt="md" id={`${titleId}-types`}>
        May read
      </Text>
      {app.dataTypes.length === 0 ? (
        <Text size="sm" c="dimmed">
          No data types
        </Text>
      ) : (
        <Group gap={6} mt={4} wrap="wrap" role="list" aria-labelledby={`${titleId}-types`}>
          {app.dataTypes.map((type) => (
            <Badge key={type} variant="light" color="indigo" role="listitem" title={type} tt="none">
              {dataTypeLabel(type)}
            </Badge>
          ))}
        </Group>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="light" color="red" leftSection={<IconPlugOff size={16} aria-hidden />} onClick={onRevoke}>
          Revoke
        </Button>
      </Group>
    </Card>
  );
}

/** Connected apps (`/account/apps`): each grant the member gave, newest first, with Revoke. */
export function ConnectedAppsPage() {
  const apps = useConnectedApps();
  const revoke = useRevokeConnectedApp();
  const [target, setTarget] = useState<ConnectedApp | undefined>(undefined);
  const [opened, setOpened] = useState(false);

  const confirm = () => {
    if (target === undefined) return;
    revoke.mutate(target.grantId, {
      onSuccess: () => {
        setOpened(false);
        notifications.show({
          color: 'teal',
          title: 'Access revoked',
          message: `${target.name} can no longer read your data.`,
        });
      },
    });
  };

  if (apps.isPending) return <LoadingState rows={2} label="Loading your connected apps" />;
  if (apps.isError)
    return (
      <ErrorAlert
        error={apps.error}
        title="Your connected apps could not be loaded"
        onRetry={() => void apps.refetch()}
      />
    );
  const list = apps.data.apps;

  return (
    <>
      {list.length === 0 ? (
        <EmptyState
          icon={<IconPlugConnectedX size={28} />}
          title="No connected apps"
          description="When you connect an app to your health plan data, it shows here, with what it may read."
          action={
            <Button component={Link} to="/">
              Browse apps
            </Button>
          }
        />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            These apps may read your data. Revoke one to stop it at once.
          </Text>
          {list.map((app) => (
            <ConnectedAppCard
              key={app.grantId}
              app={app}
              onRevoke={() => {
                revoke.reset();
                setTarget(app);
                setOpened(true);
              }}
            />
          ))}
        </Stack>
      )}
      <ConfirmModal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Revoke ${target?.name ?? 'this app'}?`}
        confirmLabel="Revoke"
        confirmIcon={<IconPlugOff size={16} aria-hidden />}
        onConfirm={confirm}
        busy={revoke.isPending}
        error={revoke.error}
        errorTitle="Access was not revoked"
      >
        {target?.name ?? 'The app'} stops reading your data at once: its access ends now. To use it again, connect it
        again from the app.
      </ConfirmModal>
    </>
  );
}
