import { Button, CloseButton, Grid, Text, TextInput } from '@mantine/core';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState.tsx';
import { filterRecord } from '../../fhir/record.ts';
import type { RecordGroup } from '../../fhir/record.ts';
import { RecordGroupPanel } from './RecordGroupPanel.tsx';
import { TypeNav } from './TypeNav.tsx';

export interface RecordBrowserProps {
  /** The record grouped by type (groupRecord). */
  groups: RecordGroup[];
  /** Shown under the filter when there is nothing at all (default: the no-match state). */
  empty?: ReactNode;
  /** What one item is called on this page ("resource" in the sandbox, "record" for a member) and its plural. */
  noun: { one: string; many: string };
  /** The filter input's accessible name. */
  filterLabel: string;
}

/**
 * A member's record to browse: a filter, the count of what it shows, the types with their counts and the selected
 * type's items. Shared by the sandbox's My Data and the member portal's My data.
 */
export function RecordBrowser({ groups, noun, filterLabel, empty }: RecordBrowserProps) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const filtered = useMemo(() => filterRecord(groups, deferredQuery), [groups, deferredQuery]);
  const active = filtered.find((g) => g.type === selected) ?? filtered[0];
  const totals = new Map(groups.map((g) => [g.type, g.items.length]));
  const itemCount = groups.reduce((n, g) => n + g.items.length, 0);
  const matchCount = filtered.reduce((n, g) => n + g.items.length, 0);

  return (
    <>
      <TextInput
        aria-label={filterLabel}
        placeholder="Filter by type, name, code, date, amount…"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        rightSection={
          query !== '' ? <CloseButton aria-label="Clear the filter" onClick={() => setQuery('')} /> : undefined
        }
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {deferredQuery.trim() === ''
          ? `${itemCount.toLocaleString('en-US')} ${noun.many} of ${groups.length} types`
          : `${matchCount.toLocaleString('en-US')} of ${itemCount.toLocaleString('en-US')} ${noun.many} match`}
      </Text>
      {groups.length === 0 && empty !== undefined ? (
        empty
      ) : active === undefined ? (
        <EmptyState
          icon={<IconFilterOff size={28} />}
          title="Nothing matches the filter"
          description={`No ${noun.one} mentions “${deferredQuery.trim()}”.`}
          action={
            <Button variant="light" onClick={() => setQuery('')}>
              Clear the filter
            </Button>
          }
        />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
            <TypeNav groups={filtered} selected={active.type} onSelect={setSelected} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8, md: 9 }} miw={0}>
            <RecordGroupPanel
              key={`${active.type}\u0000${deferredQuery}`}
              group={active}
              total={totals.get(active.type) ?? active.items.length}
            />
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
