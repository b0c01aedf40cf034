import { Button, CloseButton, Grid, Stack, Text, TextInput } from '@mantine/core';
import { IconFilterOff, IconFolderOpen, IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { useMyData } from '../api/member.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { filterRecord, groupRecord } from '../fhir/record.ts';
import { RecordGroupPanel } from '../pages/patients/RecordGroupPanel.tsx';
import { TypeNav } from '../pages/patients/TypeNav.tsx';

/**
 * My data (`/account/data`): the member's own records as the plan holds them, read-only, grouped by type with the
 * readable summaries of the sandbox's My Data, and a filter.
 */
export function MemberDataPage() {
  const data = useMyData();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [selected, setSelected] = useState<string | undefined>(undefined);

  const groups = useMemo(() => (data.data === undefined ? [] : groupRecord(data.data)), [data.data]);
  const filtered = useMemo(() => filterRecord(groups, deferredQuery), [groups, deferredQuery]);
  const active = filtered.find((g) => g.type === selected) ?? filtered[0];
  const totals = new Map(groups.map((g) => [g.type, g.items.length]));
  const resourceCount = groups.reduce((n, g) => n + g.items.length, 0);
  const matchCount = filtered.reduce((n, g) => n + g.items.length, 0);

  if (data.isPending) return <LoadingState rows={5} label="Loading your records" />;
  if (data.isError)
    return (
      <ErrorAlert error={data.error} title="Your records could not be loaded" onRetry={() => void data.refetch()} />
    );
  if (groups.length === 0)
    return (
      <EmptyState
        icon={<IconFolderOpen size={28} />}
        title="No records yet"
        description="The plan has no records for you yet. Claims and health records show here once the plan has them."
      />
    );

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        What the plan holds about you: what an app you connect may read, for the types you allow.
      </Text>
      <TextInput
        aria-label="Filter your records"
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
          ? `${resourceCount.toLocaleString('en-US')} records of ${groups.length} types`
          : `${matchCount.toLocaleString('en-US')} of ${resourceCount.toLocaleString('en-US')} records match`}
      </Text>
      {active === undefined ? (
        <EmptyState
          icon={<IconFilterOff size={28} />}
          title="Nothing matches the filter"
          description={`No record mentions “${deferredQuery.trim()}”.`}
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
    </Stack>
  );
}
