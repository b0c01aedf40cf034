import {
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  DataList,
  Group,
  Loader,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconExternalLink, IconHourglass } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { queryKeys, useLaunch } from '../../api/index.ts';
import type { LaunchDetail } from '../../api/index.ts';
import { ErrorAlert, LoadingState, PageHeader } from '../../components/index.ts';
import { LifecyclePanel } from './LifecyclePanel.tsx';
import { StepBody, StepBullet, StepTitle } from './StepParts.tsx';
import {
  formatDateTime,
  formatTime,
  isExpired,
  isSimulatedFailure,
  isWaitingForApp,
  kindLabel,
  launchStatus,
  launchUrlOf,
  scopesToShow,
} from './steps.ts';

/** How often the inspector asks for new steps while the page is visible (react-query pauses in the background). */
const POLL_MS = 1500;

const WAITING = 'Waiting for the app to start the authorization…';

const backLink = (
  <Anchor component={Link} to="/launches" size="sm">
    <Group gap={4} component="span">
      <IconArrowLeft size={14} aria-hidden /> Launches
    </Group>
  </Anchor>
);

function LaunchFacts({ detail, expired }: { detail: LaunchDetail; expired: boolean }) {
  const { launch } = detail;
  return (
    <Card padding="md">
      <DataList size="sm" gap={6} labelWidth={120}>
        <DataList.Item>
          <DataList.ItemLabel c="dimmed">Patient</DataList.ItemLabel>
          <DataList.ItemValue>
            {launch.patientId === undefined ? (
              'Not chosen yet'
            ) : (
              <Anchor component={Link} to={`/patients/${encodeURIComponent(launch.patientId)}`} size="sm">
                {launch.patientName ?? launch.patientId}
              </Anchor>
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel c="dimmed">Kind</DataList.ItemLabel>
          <DataList.ItemValue>{kindLabel(launch.kind)}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel c="dimmed">Started</DataList.ItemLabel>
          <DataList.ItemValue>{formatDateTime(launch.createdAt)}</DataList.ItemValue>
        </DataList.Item>
        {launch.kind === 'ehr' && (
          <DataList.Item>
            <DataList.ItemLabel c="dimmed">Launch value</DataList.ItemLabel>
            <DataList.ItemValue>
              {launch.usedAt !== undefined
                ? `used at ${formatTime(launch.usedAt)}`
                : expired
                  ? `expired at ${formatTime(launch.expiresAt)} without being used; launch the app again`
                  : `single use, expires at ${formatTime(launch.expiresAt)}`}
            </DataList.ItemValue>
          </DataList.Item>
        )}
        <DataList.Item>
          <DataList.ItemLabel c="dimmed">Consent</DataList.ItemLabel>
          <DataList.ItemValue>{launch.skipConsent ? 'Skipped' : 'Asked of the member'}</DataList.ItemValue>
        </DataList.Item>
        {launch.simulateError !== undefined && (
          <DataList.Item>
            <DataList.ItemLabel c="dimmed">Simulated error</DataList.ItemLabel>
            <DataList.ItemValue>
              <Code>{launch.simulateError}</Code>
            </DataList.ItemValue>
          </DataList.Item>
        )}
        <DataList.Item>
          <DataList.ItemLabel c="dimmed">Client ID</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>
            <Code>{launch.clientId}</Code>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Card>
  );
}

function StepTimeline({ detail, waiting }: { detail: LaunchDetail; waiting: boolean }) {
  const { launch, steps } = detail;
  const scopes = scopesToShow(steps);
  if (steps.length === 0 && waiting) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{WAITING}</Text>
      </Group>
    );
  }
  return (
    <Timeline active={steps.length - 1} bulletSize={26} lineWidth={2} aria-label="Launch steps">
      {steps.map((step) => (
        <Timeline.Item
          key={step.id}
          bullet={<StepBullet step={step} />}
          color={step.status === 'error' ? 'red' : 'teal'}
          title={<StepTitle step={step} />}
          data-testid="launch-step"
          data-step={step.step}
          data-status={step.status}
        >
          <StepBody step={step} scopes={scopes.get(step.id)} simulated={isSimulatedFailure(launch, step)} />
        </Timeline.Item>
      ))}
      {waiting && (
        <Timeline.Item
          bullet={<IconHourglass size={14} aria-hidden />}
          color="gray"
          lineVariant="dashed"
          title={
            <Group gap="xs" role="status">
              <Text size="sm" fw={600} component="span">
                {WAITING}
              </Text>
              <Loader size="xs" type="dots" />
            </Group>
          }
        >
          <Text size="sm" c="dimmed">
            The app should read <Code>iss</Code> and <Code>launch</Code> from its launch URL, fetch the SMART
            configuration and redirect to the authorize endpoint.
          </Text>
        </Timeline.Item>
      )}
    </Timeline>
  );
}

/**
 * The launch inspector (`/launches/:id`): the launch log live — each step with its time, status, HTTP status,
 * scopes (each set once), FHIR request and message, what to fix when a step failed (or that the failure is
 * simulated), and step details with secrets masked: the token response and the id_token's claims. A launch that
 * ran out waiting for the app is marked Expired. An authorized launch offers the grant lifecycle actions.
 */
export function LaunchInspectorPage() {
  const { id } = useParams();
  // After a failed fetch (unknown launch, server gone) polling stops until the vendor retries.
  const client = useQueryClient();
  const failed = client.getQueryState(queryKeys.launch(id ?? ''))?.status === 'error';
  const query = useLaunch(id, { refetchInterval: failed ? false : POLL_MS });

  if (query.isPending) {
    return (
      <>
        <PageHeader above={backLink} title="Launch inspector" />
        <LoadingState rows={4} label="Loading the launch" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader above={backLink} title="Launch inspector" />
        <ErrorAlert error={query.error} title="The launch could not be loaded" onRetry={() => void query.refetch()} />
      </>
    );
  }

  const detail = query.data;
  const { launch, steps } = detail;
  const now = query.dataUpdatedAt;
  const expired = isExpired(launch, now);
  const status = launchStatus(launch, now);
  const launchUrl = launchUrlOf(steps);
  const waiting = !expired && isWaitingForApp(launch, steps);

  return (
    <>
      <PageHeader
        above={backLink}
        title={`${launch.appName} launch`}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <Badge color={status.color} size="lg" variant="light" data-testid="launch-status">
              {status.label}
            </Badge>
            <Text size="xs" c="dimmed" component="span">
              <Loader size={8} type="oval" display="inline-block" mr={6} aria-hidden />
              Live · updated {formatTime(new Date(query.dataUpdatedAt).toISOString())}
            </Text>
          </Group>
        }
        actions={
          waiting && launchUrl !== undefined ? (
            <Button
              component="a"
              href={launchUrl}
              target="_blank"
              rel="noopener noreferrer"
              variant="light"
              rightSection={<IconExternalLink size={14} aria-hidden />}
            >
              Open the app
            </Button>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <LaunchFacts detail={detail} expired={expired} />
        {launch.status === 'authorized' && <LifecyclePanel launchId={launch.id} />}
        <section aria-labelledby="steps-title">
          <Title order={2} size="h4" mb="md" id="steps-title">
            Steps
          </Title>
          <StepTimeline detail={detail} waiting={waiting} />
        </section>
      </Stack>
    </>
  );
}
