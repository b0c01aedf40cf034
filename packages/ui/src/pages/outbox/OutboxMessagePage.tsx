import { Anchor, Card, Code, DataList, Group, ScrollArea, Tabs, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useOutboxMessage } from '../../api/index.ts';
import type { OutboxMessage } from '../../api/index.ts';
import { ErrorAlert, LoadingState, PageHeader } from '../../components/index.ts';
import { formatDateTime } from '../launches/steps.ts';
import { formatRecipients, mailPreviewDocument } from './outbox-model.ts';

const backLink = (
  <Anchor component={Link} to="/outbox" size="sm">
    <Group gap={4} component="span">
      <IconArrowLeft size={14} aria-hidden /> Outbox
    </Group>
  </Anchor>
);

function Headers({ message }: { message: OutboxMessage }) {
  const rows: [string, string][] = [
    ['From', message.from],
    ['To', formatRecipients(message.to)],
    ['Sent', formatDateTime(message.at)],
    ['Message-ID', message.messageId],
  ];
  return (
    <Card padding="md" mb="md">
      <DataList size="sm" gap={6} labelWidth={110}>
        {rows.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
            <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Card>
  );
}

function Preformatted({ text, label }: { text: string; label: string }) {
  return (
    <ScrollArea.Autosize mah={560} type="auto">
      <Code block aria-label={label} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {text}
      </Code>
    </ScrollArea.Autosize>
  );
}

function Bodies({ message }: { message: OutboxMessage }) {
  const html = message.html;
  return (
    <Tabs defaultValue={html !== undefined ? 'html' : 'text'} keepMounted={false}>
      <Tabs.List mb="sm">
        {html !== undefined && <Tabs.Tab value="html">HTML</Tabs.Tab>}
        <Tabs.Tab value="text">Text</Tabs.Tab>
        <Tabs.Tab value="source">Source</Tabs.Tab>
      </Tabs.List>
      {html !== undefined && (
        <Tabs.Panel value="html">
          {/* An empty sandbox: the message runs no script, gets an opaque origin and loads nothing remote. */}
          <iframe
            title={`HTML body of "${message.subject}"`}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={mailPreviewDocument(html)}
            style={{
              width: '100%',
              height: 560,
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 8,
            }}
          />
        </Tabs.Panel>
      )}
      <Tabs.Panel value="text">
        <Preformatted text={message.text} label="Plain-text body" />
      </Tabs.Panel>
      <Tabs.Panel value="source">
        <Text size="sm" c="dimmed" mb="xs">
          The RFC 5322 message, byte for byte what SMTP would carry.
        </Text>
        <Preformatted text={message.raw} label="Message source" />
      </Tabs.Panel>
    </Tabs>
  );
}

/** One kept message (`/outbox/:id`): its headers, the HTML in a sandboxed frame, the text and the source. */
export function OutboxMessagePage() {
  const { id } = useParams();
  const message = useOutboxMessage(id);
  if (message.isPending)
    return (
      <>
        <PageHeader above={backLink} title="Message" />
        <LoadingState rows={2} label="Loading the message" />
      </>
    );
  if (message.isError)
    return (
      <>
        <PageHeader above={backLink} title="Message" />
        <ErrorAlert
          error={message.error}
          title="The message could not be loaded"
          onRetry={() => void message.refetch()}
        />
      </>
    );
  return (
    <>
      <PageHeader above={backLink} title={message.data.subject} />
      <Headers message={message.data} />
      <Bodies message={message.data} />
    </>
  );
}
