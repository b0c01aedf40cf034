import { Badge, Card, Group, Select, Stack, Text } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApps, useLaunches } from '../../api/index.ts';
import type { LaunchSummary } from '../../api/index.ts';
import { EmptyState, ErrorAlert, LoadingState, PageHeader } from '../../components/index.ts';
import { formatAgo, formatDateTime, kindLabel, launchStatus } from './steps.ts';

/** How often the list refreshes by itself, so new launches and statuses appear without a reload. */
const REFRESH_MS = 3000;

function LaunchRow({ launch, now }: { launch: LaunchSummary; now: number }) {
  const status = launchStatus(launch, now);
  return (
    <Card
      component={Link}
      to={`/launches/${encodeURIComponent(launch.id)}`}
      padding="md"
      aria-label={`${launch.appName} launch for ${launch.patientName ?? 'no patient yet'}, ${status.label}`}
      data-testid="launch-row"
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} miw={0} style={{ flex: '1 1 220px' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {launch.appName}
          </Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {launch.patientName ?? 'Patient not chosen yet'}
          </Text>
        </Stack>
        <Badge color={status.color} variant="light">
          {status.label}
        </Badge>
      </Group>
      <Group gap="xs" mt="xs" wrap="wrap">
        <Badge variant="outline" color="gray" tt="none">
          {kindLabel(launch.kind)}
        </Badge>
        <Text size="xs" c="dimmed">
          {launch.stepCount} {launch.stepCount === 1 ? 'step' : 'steps'}
        </Text>
        <Text size="xs" c="dimmed">
          ·
        </Text>
        <Text size="xs" c="dimmed" title={formatDateTime(launch.createdAt)}>
          <time dateTime={launch.createdAt}>{formatAgo(launch.createdAt, now)}</time>
        </Text>
        {launch.simulateError !== undefined && (
          <Badge variant="light" color="orange" tt="none">
            simulates {launch.simulateError}
          </Badge>
        )}
      </Group>
    </Card>
  );
}

/** The Launches page (`/launches`): every launch, newest first, refreshing by itself; each opens its inspector. */
export function LaunchesPage() {
  const [appId, setAppId] = useState<string | null>(null);
  const apps = useApps();
  const launches = useLaunches(appId === null ? {} : { appId }, { refetchInterval: REFRESH_MS });

  let body;
  if (launches.isPending) body = <LoadingState label="Loading launches" />;
  else if (launches.isError)
    body = (
      <ErrorAlert
        error={launches.error}
        title="The launches could not be loaded"
        onRetry={() => void launches.refetch()}
      />
    );
  else if (launches.data.length === 0)
    body = (
      <EmptyState
        icon={<IconRocket size={28} />}
        title={appId === null ? 'No launches yet' : 'This app has no launches yet'}
        description="Launch an app from the Apps page, or let your app start a standalone launch: every launch appears here."
      />
    );
  else
    body = (
      <Stack gap="sm">
        {launches.data.map((launch) => (
          <LaunchRow key={launch.id} launch={launch} now={launches.dataUpdatedAt} />
        ))}
      </Stack>
    );

  return (
    <>
      <PageHeader
        title="Launches"
        description="Every EHR and standalone launch, newest first. Open one to inspect its steps."
      />
      <Select
        label="App"
        placeholder="All apps"
        data={(apps.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
        value={appId}
        onChange={setAppId}
        clearable
        clearButtonProps={{ 'aria-label': 'Show launches of all apps' }}
        maw={360}
        mb="md"
        disabled={!apps.isSuccess || apps.data.length === 0}
      />
      {body}
    </>
  );
}
