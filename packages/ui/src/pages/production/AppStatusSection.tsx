import { Alert, Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useConnection } from '../../api/index.ts';
import type { AppRecord } from '../../api/index.ts';
import { Section } from '../../components/index.ts';
import { useRuntimeConfig } from '../../config-context.ts';
import { formatDateTime } from '../launches/steps.ts';
import { reasonTitle, statusBadge, statusFacts } from './production-model.ts';
import { SendRequestButton } from './SendRequestButton.tsx';

export interface AppStatusSectionProps {
  app: AppRecord;
  /** The app form has unsaved changes. */
  dirty?: boolean;
}

/** What the state means for the vendor, in a sentence. */
function stateHint(app: AppRecord): string {
  const status = app.productionRequest;
  switch (status?.state ?? 'draft') {
    case 'pending':
      return status?.published !== undefined
        ? 'The reviewers are checking your changes. The approved version stays on production until they decide. Saving the form updates the pending request.'
        : 'The reviewers are checking your request. Saving the form updates the pending request. You get an email when they decide.';
    case 'approved':
      return status?.changesNotPublished === true
        ? 'You changed the app since it was approved. Send a new request for your changes to take effect on production.'
        : 'The app is on the Member Portal. To change it on production, edit the app, Save and send a new request.';
    case 'rejected':
      return 'Edit the app to address the reason, Save, then send the request again.';
    case 'suspended':
      return 'The plan suspended the app: its tokens on production no longer work. Contact the plan to have it reinstated.';
    default:
      return 'Not sent for review yet. When the app is ready for the Member Portal, send a Production Request.';
  }
}

/**
 * "App Status" on the app's page (the seed's section of the form): the state of its Production Request, the
 * dates, the reviewer's reason, "Changes not yet published", and Send Request. On the desktop sandbox it says
 * where the request goes (the Outbox or the connected plan server).
 */
export function AppStatusSection({ app, dirty = false }: AppStatusSectionProps) {
  const { mode } = useRuntimeConfig();
  const local = mode === 'local';
  const connection = useConnection(local);
  const connected = local && connection.data?.connected === true;
  const serverUrl = connection.data?.connected === true ? connection.data.serverUrl : undefined;
  const status = app.productionRequest;
  const badge = statusBadge(status);
  const facts = statusFacts(status, (iso) => formatDateTime(iso));
  const remote = status?.remote;
  const destination = !local ? 'plan' : connected ? 'server' : 'outbox';
  return (
    <Section
      title="App Status"
      testId="app-status"
      description="The status of your Production Request: publishing the app on the Member Portal."
      actions={
        <Group gap="xs" maw={360} justify="flex-end">
          <SendRequestButton app={app} needsContact={local && !connected} destination={destination} dirty={dirty} />
        </Group>
      }
    >
      <Group gap="xs" wrap="wrap">
        <Badge color={badge.color} variant="light" size="lg" tt="none" data-testid="app-status-badge">
          {badge.label}
        </Badge>
        {status?.changesNotPublished === true && (
          <Badge color="orange" variant="outline" size="lg" tt="none">
            Changes not yet published
          </Badge>
        )}
        {status?.published?.suspended === true && status.state !== 'suspended' && (
          <Badge color="orange" variant="light" size="lg" tt="none">
            Suspended
          </Badge>
        )}
      </Group>
      <Text size="sm">{stateHint(app)}</Text>
      {facts.length > 0 && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" component="dl" m={0}>
          {facts.map((fact) => (
            <div key={fact.label}>
              <Text component="dt" size="xs" c="dimmed">
                {fact.label}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {fact.value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      )}
      {status?.reason !== undefined && (status.state === 'rejected' || status.state === 'suspended') && (
        <Alert color="red" variant="light" title={reasonTitle(status)} data-testid="app-status-reason">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {status.reason}
          </Text>
        </Alert>
      )}
      {remote !== undefined && (
        <Stack gap={4}>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            Sent to <b>{remote.serverUrl}</b>
            <Text span size="xs" c="dimmed">
              {' '}
              (status checked {formatDateTime(remote.checkedAt)})
            </Text>
          </Text>
          {remote.error !== undefined && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Status not refreshed">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {remote.error} The status shown is the last one the server gave.
              </Text>
            </Alert>
          )}
        </Stack>
      )}
      {local && remote === undefined && (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconInfoCircle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {serverUrl !== undefined ? (
              <>Requests go to the plan server {serverUrl}.</>
            ) : (
              <>
                Not connected to a plan server: the request mail goes to the Outbox.{' '}
                <Anchor component={Link} to="/settings" size="xs">
                  Connect to a plan server
                </Anchor>{' '}
                to send it for review.
              </>
            )}
          </Text>
        </Group>
      )}
    </Section>
  );
}
