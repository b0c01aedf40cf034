import { Accordion, Badge, Center, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RecordGroup } from '../../fhir/index.ts';
import { RecordItemDetails } from './RecordItemDetails.tsx';

/** Resources shown per page of a type: enough to scan, few enough to stay fast with thousands of resources. */
export const PAGE_SIZE = 25;

export interface RecordGroupPanelProps {
  group: RecordGroup;
  /** How many resources of this type the record holds (before filtering). */
  total: number;
}

/**
 * One resource type of My Data: its resources newest first, a page at a time, each expandable to details (the
 * details render only while open). Give it a key per type and filter so that both start again from page one.
 */
export function RecordGroupPanel({ group, total }: RecordGroupPanelProps) {
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string[]>([]);
  const pages = Math.max(1, Math.ceil(group.items.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const items = group.items.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const filtered = group.items.length !== total;

  return (
    <Stack gap="sm" component="section" aria-labelledby="record-group-title">
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={2} size="h4" id="record-group-title">
            {group.type}
          </Title>
          <Text size="sm" c="dimmed">
            {group.label}
          </Text>
        </div>
        <Badge variant="light" size="lg">
          {filtered ? `${group.items.length} of ${total}` : total}
        </Badge>
      </Group>
      <Accordion
        multiple
        value={open}
        onChange={setOpen}
        variant="separated"
        chevronPosition="right"
        // White cards on the gray page, like every other list of the UI.
        styles={{ item: { backgroundColor: 'var(--mantine-color-body)', borderColor: 'var(--mantine-color-gray-3)' } }}
      >
        {items.map((item) => (
          <Accordion.Item key={item.key} value={item.key}>
            <Accordion.Control>
              <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {item.summary.title}
              </Text>
              {item.summary.subtitle !== '' && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {item.summary.subtitle}
                </Text>
              )}
            </Accordion.Control>
            <Accordion.Panel>{open.includes(item.key) && <RecordItemDetails item={item} />}</Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {pages > 1 && (
        <Center>
          <Pagination
            total={pages}
            value={current}
            onChange={setPage}
            size="sm"
            siblings={1}
            boundaries={1}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          />
        </Center>
      )}
    </Stack>
  );
}
