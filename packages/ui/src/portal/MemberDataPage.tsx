import { Stack, Text } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useMyData } from '../api/member.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { groupRecord } from '../fhir/record.ts';
import { RecordBrowser } from '../pages/patients/RecordBrowser.tsx';

/**
 * My data (`/account/data`): the member's own records as the plan holds them, read-only, grouped by type with the
 * readable summaries of the sandbox's My Data, and a filter.
 */
export function MemberDataPage() {
  const data = useMyData();
  const groups = useMemo(() => (data.data === undefined ? [] : groupRecord(data.data)), [data.data]);

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
      <RecordBrowser groups={groups} noun={{ one: 'record', many: 'records' }} filterLabel="Filter your records" />
    </Stack>
  );
}
