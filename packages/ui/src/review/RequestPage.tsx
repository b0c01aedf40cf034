import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Code,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Timeline,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconX } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ApiError, useDecideRequest, useReviewRequest } from '../api/index.ts';
import type { FieldChange, RequestDetail } from '../api/index.ts';
import { ConfirmModal, ErrorAlert, LoadingState, PageHeader, Section } from '../components/index.ts';
import { initials } from '../components/initials.ts';
import { formatDateTime } from '../pages/launches/steps.ts';
import { PreChecks } from '../pages/production/SendRequestButton.tsx';
import { ReasonModal } from './ReasonModal.tsx';
import {
  attestationRows,
  historyColor,
  historyText,
  isSafeLink,
  REQUEST_STATUS_BADGES,
  snapshotRows,
} from './review-model.ts';

function BackToRequests() {
  return (
    <Anchor component={Link} to="/requests" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        Requests
      </Group>
    </Anchor>
  );
}

/** A value of App details: lines for lists, links for policy URLs, "Not set" when empty. */
function DetailValue({ value, link }: { value: string | string[] | undefined; link: boolean }) {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return (
      <Text size="sm" c="dimmed" fs="italic">
        Not set
      </Text>
    );
  if (Array.isArray(value))
    return (
      <Stack gap={2}>
        {value.map((line) => (
          <Code key={line} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {line}
          </Code>
        ))}
      </Stack>
    );
  if (link && isSafeLink(value))
    return (
      <Anchor href={value} target="_blank" rel="noreferrer noopener" size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Anchor>
    );
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
      {value}
    </Text>
  );
}

function NotSet() {
  return (
    <Text span c="dimmed" fs="italic" size="sm">
      Not set
    </Text>
  );
}

/** The fields that differ: a table, or at phone width one block per field (three columns do not fit). */
function ChangesTable({ changes }: { changes: readonly FieldChange[] }) {
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const cell = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;
  if (phone)
    return (
      <Stack gap="sm" data-testid="changes">
        {changes.map((change) => (
          <Paper key={change.field} withBorder p="sm" component="section" aria-label={change.label}>
            <Text fw={600} size="sm">
              {change.label}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              Published
            </Text>
            <Text size="sm" style={cell}>
              {change.published ?? <NotSet />}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              Requested
            </Text>
            <Text size="sm" style={cell}>
              {change.requested ?? <NotSet />}
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  return (
    <Table verticalSpacing="xs" striped withTableBorder data-testid="changes" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="22%">
            Field
          </Table.Th>
          <Table.Th scope="col">Published</Table.Th>
          <Table.Th scope="col">Requested</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.field}>
            <Table.Th scope="row" fw={500}>
              {change.label}
            </Table.Th>
            <Table.Td style={cell}>{change.published ?? <NotSet />}</Table.Td>
            <Table.Td style={cell}>{change.requested ?? <NotSet />}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Approve (a confirmation) and Reject (a required reason): shown only while the request is pending. */
function DecisionButtons({ request }: { request: RequestDetail }) {
  const [approving, approveModal] = useDisclosure(false);
  const [rejecting, rejectModal] = useDisclosure(false);
  const decide = useDecideRequest(request.id);
  const detail = useReviewRequest(request.id);
  const onError = (error: unknown) => {
    // Decided meanwhile (another reviewer): show what happened.
    if (error instanceof ApiError && error.status === 409) void detail.refetch();
  };
  const approve = () =>
    decide.mutate(
      { decision: 'approve' },
      {
        onSuccess: () => {
          approveModal.close();
          notifications.show({
            color: 'teal',
            title: 'Request approved',
            message: `${request.appName} is published; the vendor gets an email.`,
          });
        },
        onError,
      },
    );
  const reject = (reason: string) =>
    decide.mutate(
      { decision: 'reject', reason },
      {
        onSuccess: () => {
          rejectModal.close();
          notifications.show({
            color: 'teal',
            title: 'Request rejected',
            message: `The vendor of ${request.appName} gets an email with your reason.`,
          });
        },
        onError,
      },
    );
  return (
    <>
      <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} onClick={approveModal.open}>
        Approve
      </Button>
      <Button color="red" variant="light" leftSection={<IconX size={16} aria-hidden />} onClick={rejectModal.open}>
        Reject
      </Button>
      <ConfirmModal
        opened={approving}
        onClose={approveModal.close}
        title="Approve this request?"
        confirmLabel="Approve"
        confirmColor="teal"
        confirmIcon={<IconCheck size={16} aria-hidden />}
        onConfirm={approve}
        busy={decide.isPending}
        error={approving ? decide.error : null}
        errorTitle="The request was not approved"
        onExitTransitionEnd={decide.reset}
      >
        Version {request.version} of <b>{request.appName}</b> goes to production: members can connect it with client ID{' '}
        <Code>{request.clientId}</Code>. The vendor gets an email at {request.vendor.email}.
      </ConfirmModal>
      <ReasonModal
        opened={rejecting}
        onClose={rejectModal.close}
        title="Reject this request"
        confirmLabel="Reject"
        onConfirm={reject}
        busy={decide.isPending}
        error={rejecting ? decide.error : null}
        errorTitle="The request was not rejected"
        onExitTransitionEnd={decide.reset}
      >
        The vendor of <b>{request.appName}</b> gets an email with your reason, and can edit the app and send it again.
      </ReasonModal>
    </>
  );
}

/** The request's content, once loaded. */
function RequestContent({ request }: { request: RequestDetail }) {
  const latest = request.versions[request.versions.length - 1];
  const badge = REQUEST_STATUS_BADGES[request.status];
  const app = latest?.app;
  const isNew = request.kind === 'new' || request.published === undefined;
  return (
    <>
      <PageHeader
        above={<BackToRequests />}
        title={request.appName}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <Badge color={badge.color} variant="light" tt="none" data-testid="request-status">
              {badge.label}
            </Badge>
            <Badge variant="outline" color={isNew ? 'gray' : 'indigo'} tt="none">
              {isNew ? 'New app' : 'Update'}
            </Badge>
            <span>
              Version {request.version} · sent {formatDateTime(request.updatedAt)}
            </span>
          </Group>
        }
        actions={request.status === 'pending' ? <DecisionButtons request={request} /> : undefined}
      />
      <Stack gap="md">
        <Section title="App details" description={`As sent in version ${request.version}.`}>
          <Group gap="md" wrap="nowrap" align="center">
            {app?.logoUrl !== undefined && isSafeLink(app.logoUrl) ? (
              <Image
                src={app.logoUrl}
                alt={`${request.appName} logo`}
                w={72}
                h={72}
                fit="contain"
                radius="md"
                bg="gray.0"
                data-testid="request-logo"
              />
            ) : (
              <Avatar size={72} radius="md" color="initials" name={request.appName} aria-label="No logo">
                {initials(request.appName)}
              </Avatar>
            )}
            <Stack gap={2} miw={0}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {request.vendor.organizationName ?? request.organizationName ?? request.vendor.name}
              </Text>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                Sent by {request.vendor.name} ({request.vendor.email})
              </Text>
            </Stack>
          </Group>
          {app === undefined ? (
            <Text size="sm" c="dimmed">
              The request has no version.
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
              {snapshotRows(app).map((row) => (
                <div key={row.field} style={{ minWidth: 0 }}>
                  <Text component="dt" size="xs" c="dimmed">
                    {row.label}
                  </Text>
                  <Text component="dd" m={0}>
                    <DetailValue value={row.value} link={row.link} />
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          )}
          <div>
            <Text size="xs" c="dimmed">
              Notes from the vendor
            </Text>
            <DetailValue value={latest?.notes} link={false} />
          </div>
        </Section>
        <Section title="Privacy attestation">
          {latest === undefined ? (
            <Text size="sm" c="dimmed">
              Not answered.
            </Text>
          ) : (
            <Stack gap="xs" component="dl" m={0}>
              {attestationRows(latest.attestation).map((row) => (
                <Group key={row.key} justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
                  <Text component="dt" size="sm" style={{ flex: 1, minWidth: 0 }}>
                    {row.question}
                  </Text>
                  <Badge
                    component="dd"
                    m={0}
                    variant="light"
                    color={row.answer === 'Yes' ? 'blue' : 'gray'}
                    tt="none"
                    style={{ flexShrink: 0 }}
                  >
                    {row.answer}
                  </Badge>
                </Group>
              ))}
            </Stack>
          )}
        </Section>
        <Section title="Pre-checks" description="The automatic checks of the latest version.">
          {request.checks.length === 0 ? (
            <Text size="sm" c="dimmed">
              No checks were recorded.
            </Text>
          ) : (
            <PreChecks checks={request.checks} />
          )}
        </Section>
        <Section title="Changes from the published version">
          {isNew ? (
            <Text size="sm">New app: nothing published yet</Text>
          ) : request.changes.length === 0 ? (
            <Text size="sm">No field differs from the published version {request.published?.version}.</Text>
          ) : (
            <ChangesTable changes={request.changes} />
          )}
        </Section>
        <Section title="History" description={`${request.versions.length} version(s) kept.`}>
          {request.history.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing recorded yet.
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} active={request.history.length - 1}>
              {request.history.map((entry, index) => (
                <Timeline.Item
                  key={`${entry.type}-${entry.at}-${index}`}
                  color={historyColor(entry)}
                  title={
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {historyText(entry)}
                    </Text>
                  }
                >
                  <Text size="xs" c="dimmed">
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </Text>
                  {entry.reason !== undefined && (
                    <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      Reason: {entry.reason}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Section>
      </Stack>
    </>
  );
}

/** A production request (`requests/:id`): every field, the attestation, the checks, the diff and the history. */
export function RequestPage() {
  const { id } = useParams();
  const request = useReviewRequest(id);
  if (request.isPending)
    return (
      <>
        <PageHeader above={<BackToRequests />} title="Request" />
        <LoadingState rows={3} label="Loading the request" />
      </>
    );
  if (request.isError)
    return (
      <>
        <PageHeader above={<BackToRequests />} title="Request" />
        <ErrorAlert
          error={request.error}
          title="The request could not be loaded"
          onRetry={() => void request.refetch()}
        />
      </>
    );
  return <RequestContent request={request.data} />;
}
