import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useOutbox } from '../../api/index.ts';
import type { OutboxSummary } from '../../api/index.ts';
import { EmptyState, ErrorAlert, LoadingState, PageHeader } from '../../components/index.ts';
import { formatAgo, formatDateTime } from '../launches/steps.ts';
import { formatRecipients } from './outbox-model.ts';

/** How often the list refreshes by itself, so mail sent from another tab or by the API shows up. */
const REFRESH_MS = 5000;

function MessageRow({ message, now }: { message: OutboxSummary; now: number }) {
  const to = formatRecipients(message.to);
  return (
    <Card
      component={Link}
      to={`/outbox/${encodeURIComponent(message.id)}`}
      padding="md"
      aria-label={`${message.subject}, to ${to}`}
      data-testid="outbox-row"
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Stack gap={2} miw={0} style={{ flex: '1 1 260px' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {message.subject}
          </Text>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            To {to}
          </Text>
        </Stack>
        <Text size="xs" c="dimmed" title={formatDateTime(message.at)}>
          <time dateTime={message.at}>{formatAgo(message.at, now)}</time>
        </Text>
      </Group>
      {message.template !== undefined && (
        <Badge variant="outline" color="gray" tt="none" mt="xs">
          {message.template}
        </Badge>
      )}
    </Card>
  );
}

/** The Outbox page (`/outbox`): the mail the sandbox kept instead of sending, newest first; each opens to read. */
export function OutboxPage() {
  const outbox = useOutbox(undefined, { refetchInterval: REFRESH_MS });

  let body;
  if (outbox.isPending) body = <LoadingState label="Loading the outbox" />;
  else if (outbox.isError)
    body = (
      <ErrorAlert error={outbox.error} title="The outbox could not be loaded" onRetry={() => void outbox.refetch()} />
    );
  else if (outbox.data.length === 0)
    body = (
      <EmptyState
        icon={<IconMail size={28} />}
        title="No mail yet — the sandbox keeps here the mail it would send, e.g. when you request production"
      />
    );
  else
    body = (
      <Stack gap="sm">
        {outbox.data.map((message) => (
          <MessageRow key={message.id} message={message} now={outbox.dataUpdatedAt} />
        ))}
      </Stack>
    );

  return (
    <>
      <PageHeader
        title="Outbox"
        description="The sandbox delivers no mail: what it would send is kept here, exactly as it would go out."
      />
      {body}
    </>
  );
}
