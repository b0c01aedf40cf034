import { Badge, Code, DataList, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { DetailView } from './secrets.ts';
import { describeDetails } from './secrets.ts';

const WRAP = { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } as const;

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <Text size="xs" c="dimmed" mb={2}>
        {label}
      </Text>
      <Code block style={WRAP}>
        {JSON.stringify(value, null, 2)}
      </Code>
    </div>
  );
}

function DetailValue({ view }: { view: DetailView }) {
  return (
    <Stack gap={6}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        {view.masked && <IconLock size={14} aria-label="Masked secret" style={{ flex: 'none', marginTop: 3 }} />}
        {view.text.includes('\n') ? (
          <Code block style={WRAP}>
            {view.text}
          </Code>
        ) : (
          <Text size="sm" ff={view.masked ? 'monospace' : undefined} style={WRAP}>
            {view.text}
          </Text>
        )}
      </Group>
      {view.jwt !== undefined && (
        <Stack gap={6}>
          <Badge variant="light" color="violet" tt="none" w="fit-content">
            Decoded JWT (signature not checked here)
          </Badge>
          <JsonBlock label="Header" value={view.jwt.header} />
          <JsonBlock label="Payload" value={view.jwt.payload} />
        </Stack>
      )}
    </Stack>
  );
}

/**
 * A step's details: secrets (tokens, codes, client secrets) masked like "eyJhbG… (812 chars)"; the token response and the
 * id_token claims first;, JWTs decoded in the browser
 * for reading, objects as JSON.
 */
export function StepDetails({ details }: { details: Record<string, unknown> | undefined }) {
  const views = describeDetails(details);
  if (views.length === 0) return null;
  return (
    <DataList size="sm" gap={4} labelWidth={110}>
      {views.map((view) => (
        <DataList.Item key={view.key}>
          <DataList.ItemLabel
            c="dimmed"
            ff={view.label === view.key ? 'monospace' : undefined}
            style={{ overflowWrap: 'anywhere' }}
          >
            {view.label}
          </DataList.ItemLabel>
          <DataList.ItemValue miw={0}>
            <DetailValue view={view} />
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
