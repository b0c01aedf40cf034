import { Badge, Button, Card, Center, Group, Select, Stack, Text } from '@mantine/core';
import { IconEyeOff, IconFilterOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useAccessHistory, useConnectedApps, type AccessHistoryEntry } from '../api/member.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { appFilterOptions, entryWhat, formatDayTime, statusLabel } from './portal-model.ts';

/** One read: the app, what it read and how many, when, and how it went. */
function HistoryRow({ entry, first }: { entry: AccessHistoryEntry; first: boolean }) {
  const status = statusLabel(entry.status);
  return (
    <Group
      component="li"
      justify="space-between"
      align="flex-start"
      gap="xs"
      wrap="wrap"
      py="sm"
      px="md"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Stack gap={2} miw={0} style={{ flex: '1 1 220px' }}>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {entry.appName}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {entryWhat(entry)}
        </Text>
        <Text size="xs" c="dimmed">
          <time dateTime={entry.at}>{formatDayTime(entry.at)}</time>
        </Text>
      </Stack>
      <Badge variant="light" color={status.color} tt="none" title={`HTTP ${entry.status}`}>
        {status.label}
      </Badge>
    </Group>
  );
}

/** Access history (`/account/history`): every read of the member's data, newest first, by app, a page at a time. */
export function AccessHistoryPage() {
  const [params, setParams] = useSearchParams();
  const clientId = params.get('app') ?? undefined;
  const history = useAccessHistory(clientId);
  const connected = useConnectedApps();
  const entries = useMemo(() => history.data?.pages.flatMap((page) => page.entries) ?? [], [history.data]);
  const options = useMemo(() => {
    const list = appFilterOptions(connected.data?.apps ?? [], entries);
    // The chosen app stays choosable even when it is neither connected nor in the loaded entries.
    return clientId !== undefined && !list.some((o) => o.value === clientId)
      ? [...list, { value: clientId, label: clientId }]
      : list;
  }, [connected.data, entries, clientId]);

  const setApp = (value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null || value === '') next.delete('app');
        else next.set('app', value);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <Select
        label="App"
        placeholder="All apps"
        data={options}
        value={clientId ?? null}
        onChange={setApp}
        clearable
        maw={360}
        comboboxProps={{ withinPortal: true }}
      />
      {history.isPending ? (
        <LoadingState rows={4} label="Loading your access history" />
      ) : history.isError && history.data === undefined ? (
        <ErrorAlert
          error={history.error}
          title="Your access history could not be loaded"
          onRetry={() => void history.refetch()}
        />
      ) : entries.length === 0 ? (
        clientId === undefined ? (
          <EmptyState
            icon={<IconEyeOff size={28} />}
            title="No app has read your data yet"
            description="Each time a connected app reads your data, it shows here: what it read, how much and when."
          />
        ) : (
          <EmptyState
            icon={<IconFilterOff size={28} />}
            title="This app has not read your data"
            action={
              <Button variant="light" onClick={() => setApp(null)}>
                Show all apps
              </Button>
            }
          />
        )
      ) : (
        <>
          <Card padding={0} aria-label="Reads of your data, newest first" component="section">
            <Stack component="ol" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
              {entries.map((entry, index) => (
                <HistoryRow key={entry.id} entry={entry} first={index === 0} />
              ))}
            </Stack>
          </Card>
          {history.isFetchNextPageError && (
            <ErrorAlert error={history.error} title="More entries could not be loaded" />
          )}
          {history.hasNextPage && (
            <Center>
              <Button
                variant="default"
                loading={history.isFetchingNextPage}
                onClick={() => void history.fetchNextPage()}
              >
                Load more
              </Button>
            </Center>
          )}
        </>
      )}
    </Stack>
  );
}
