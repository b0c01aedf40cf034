import { Alert, Anchor, Avatar, Badge, Button, Card, Code, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause, IconPlayerPlay, IconSearch, IconWorldUpload } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useChangePublishedApp, usePublishedApps } from '../api/index.ts';
import type { PublishedApp, PublishedStatusFilter } from '../api/index.ts';
import { ConfirmModal, EmptyState, ErrorAlert, LoadingState, PageHeader } from '../components/index.ts';
import { initials } from '../components/initials.ts';
import { formatDateTime } from '../pages/launches/steps.ts';
import { ListFilters } from './ListFilters.tsx';
import { ReasonModal } from './ReasonModal.tsx';
import { listFilterParams, parseListFilters, PUBLISHED_FILTERS, PUBLISHED_STATUS_BADGES } from './review-model.ts';

const DEFAULT_STATUS: PublishedStatusFilter = 'all';

/** Suspend (with a reason) or Reinstate (with a confirmation) one published app. */
function SuspendOrReinstate({ app }: { app: PublishedApp }) {
  const [opened, { open, close }] = useDisclosure(false);
  const change = useChangePublishedApp();
  const name = app.app.name;
  if (app.status === 'suspended')
    return (
      <>
        <Button variant="light" color="teal" leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={open}>
          Reinstate
        </Button>
        <ConfirmModal
          opened={opened}
          onClose={close}
          title={`Reinstate ${name}?`}
          confirmLabel="Reinstate"
          confirmColor="teal"
          onConfirm={() =>
            change.mutate(
              { clientId: app.clientId, action: 'reinstate' },
              {
                onSuccess: () => {
                  close();
                  notifications.show({
                    color: 'teal',
                    title: 'App reinstated',
                    message: `${name} works on production again; the vendor gets an email.`,
                  });
                },
              },
            )
          }
          busy={change.isPending}
          error={change.error}
          errorTitle="The app was not reinstated"
          onExitTransitionEnd={change.reset}
        >
          Members can connect <b>{name}</b> again, and new tokens work. The vendor gets an email.
        </ConfirmModal>
      </>
    );
  return (
    <>
      <Button variant="light" color="red" leftSection={<IconPlayerPause size={16} aria-hidden />} onClick={open}>
        Suspend
      </Button>
      <ReasonModal
        opened={opened}
        onClose={close}
        title={`Suspend ${name}?`}
        confirmLabel="Suspend"
        onConfirm={(reason) =>
          change.mutate(
            { clientId: app.clientId, action: 'suspend', reason },
            {
              onSuccess: () => {
                close();
                notifications.show({
                  color: 'teal',
                  title: 'App suspended',
                  message: `${name} no longer works on production; the vendor gets an email.`,
                });
              },
            },
          )
        }
        busy={change.isPending}
        error={change.error}
        errorTitle="The app was not suspended"
        onExitTransitionEnd={change.reset}
      >
        The tokens of <b>{name}</b> stop working at once and members see it as suspended. The vendor gets an email with
        your reason.
      </ReasonModal>
    </>
  );
}

function PublishedAppRow({ app }: { app: PublishedApp }) {
  const badge = PUBLISHED_STATUS_BADGES[app.status];
  const titleId = `published-${app.clientId}-name`;
  return (
    <Card component="article" aria-labelledby={titleId} data-testid="published-app-row" padding="md">
      <Group justify="space-between" align="flex-start" gap="md">
        <Group wrap="nowrap" align="flex-start" gap="md" miw={0} style={{ flex: '1 1 260px' }}>
          <Avatar
            src={app.app.logoUrl ?? null}
            size={44}
            radius="md"
            color="initials"
            name={app.app.name}
            alt={`${app.app.name} logo`}
          >
            {initials(app.app.name)}
          </Avatar>
          <Stack gap={4} miw={0}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600} id={titleId} style={{ overflowWrap: 'anywhere' }}>
                {app.app.name}
              </Text>
              <Badge color={badge.color} variant="light" tt="none">
                {badge.label}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {app.vendor.organizationName ?? app.app.organizationName ?? app.vendor.name} · {app.vendor.email}
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              Client ID <Code fz="xs">{app.clientId}</Code>
            </Text>
            <Text size="xs" c="dimmed">
              Version {app.version} approved {formatDateTime(app.approvedAt)} by {app.approvedBy} ·{' '}
              <Anchor component={Link} to={`/requests/${encodeURIComponent(app.requestId)}`} size="xs">
                Request
              </Anchor>
            </Text>
          </Stack>
        </Group>
        <Group gap="xs">
          <SuspendOrReinstate app={app} />
        </Group>
      </Group>
      {app.suspension !== undefined && app.status === 'suspended' && (
        <Alert
          color="orange"
          variant="light"
          mt="sm"
          title={`Suspended ${formatDateTime(app.suspension.at)} by ${app.suspension.by}`}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {app.suspension.reason}
          </Text>
        </Alert>
      )}
    </Card>
  );
}

/** Published apps (`apps`): what the production realm serves; Suspend and Reinstate. */
export function PublishedAppsPage() {
  const [params, setParams] = useSearchParams();
  const filters = parseListFilters(params, PUBLISHED_FILTERS, DEFAULT_STATUS);
  const apps = usePublishedApps({ status: filters.status, q: filters.q });
  const update = (next: Partial<typeof filters>) =>
    setParams(listFilterParams({ ...filters, ...next }, DEFAULT_STATUS), { replace: true });
  const filtered = filters.status !== DEFAULT_STATUS || filters.q.trim() !== '';
  return (
    <>
      <PageHeader
        title="Published apps"
        description="Apps approved for production. Suspending one stops its tokens at once."
      />
      <ListFilters
        options={PUBLISHED_FILTERS}
        status={filters.status}
        onStatus={(status) => update({ status })}
        q={filters.q}
        onSearch={(q) => update({ q })}
        searchPlaceholder="App, organization, vendor email, client ID"
      />
      {apps.isPending ? (
        <LoadingState label="Loading the published apps" />
      ) : apps.isError ? (
        <ErrorAlert
          error={apps.error}
          title="The published apps could not be loaded"
          onRetry={() => void apps.refetch()}
        />
      ) : apps.data.apps.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<IconSearch aria-hidden />}
            title="No app matches"
            description="Choose another status or change the search."
          />
        ) : (
          <EmptyState
            icon={<IconWorldUpload aria-hidden />}
            title="No published apps yet"
            description="Apps show here once a reviewer approves their request."
          />
        )
      ) : (
        <Stack gap="sm" aria-busy={apps.isFetching}>
          {apps.data.apps.map((app) => (
            <PublishedAppRow key={app.clientId} app={app} />
          ))}
        </Stack>
      )}
    </>
  );
}
