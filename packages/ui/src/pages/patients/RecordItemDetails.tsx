import {
  ActionIcon,
  Box,
  Button,
  Code,
  Collapse,
  CopyButton,
  DataList,
  Group,
  List,
  Spoiler,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconBraces, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import type { RecordItem } from '../../fhir/index.ts';

const WRAP = { overflowWrap: 'anywhere' } as const;

/** The raw resource as formatted JSON, with a copy button; long strings wrap so the page never scrolls sideways. */
function RawJson({ item }: { item: RecordItem }) {
  const json = JSON.stringify(item.resource, null, 2);
  return (
    <Box pos="relative">
      <CopyButton value={json} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy JSON'} withArrow>
            <ActionIcon
              variant="default"
              pos="absolute"
              top={8}
              right={8}
              onClick={copy}
              aria-label={`Copy the JSON of ${item.key}`}
            >
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
      <Code
        block
        mah={420}
        style={{ overflowY: 'auto', whiteSpace: 'pre-wrap', ...WRAP }}
        aria-label={`JSON of ${item.key}`}
        tabIndex={0}
      >
        {json}
      </Code>
    </Box>
  );
}

/** A resource's details: labelled facts, the decoded note of a document, and the raw JSON on demand. */
export function RecordItemDetails({ item }: { item: RecordItem }) {
  const [showJson, setShowJson] = useState(false);
  const { summary } = item;
  return (
    <Stack gap="sm">
      <DataList size="sm" gap={6} labelWidth={120} withDivider>
        {summary.rows.map((row) => (
          <DataList.Item key={row.label}>
            <DataList.ItemLabel c="dimmed">{row.label}</DataList.ItemLabel>
            <DataList.ItemValue style={WRAP}>
              {Array.isArray(row.value) ? (
                row.value.length === 1 ? (
                  row.value[0]
                ) : (
                  <List size="sm" spacing={2}>
                    {row.value.map((v, i) => (
                      <List.Item key={i} style={WRAP}>
                        {v}
                      </List.Item>
                    ))}
                  </List>
                )
              ) : (
                row.value
              )}
            </DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      {summary.note !== undefined && (
        <Box>
          <Text size="sm" fw={600} mb={4}>
            Note text
          </Text>
          <Spoiler maxHeight={120} showLabel="Show the whole note" hideLabel="Show less">
            <Text size="sm" ff="monospace" style={{ whiteSpace: 'pre-wrap', ...WRAP }}>
              {summary.note}
            </Text>
          </Spoiler>
        </Box>
      )}
      <Group gap="xs">
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconBraces size={16} aria-hidden />}
          onClick={() => setShowJson((s) => !s)}
          aria-expanded={showJson}
        >
          {showJson ? 'Hide JSON' : 'Show JSON'}
        </Button>
        <Text size="xs" c="dimmed" ff="monospace" style={WRAP}>
          {item.key}
        </Text>
      </Group>
      <Collapse expanded={showJson} keepMounted={false}>
        <RawJson item={item} />
      </Collapse>
    </Stack>
  );
}
