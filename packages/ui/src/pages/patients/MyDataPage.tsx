import { Anchor, Button, CloseButton, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconFilterOff, IconSearch, IconTrash } from '@tabler/icons-react';
import type { Bundle } from 'fhir/r4';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { usePatientData, usePatients } from '../../api/index.ts';
import { EmptyState, ErrorAlert, LoadingState, PageHeader } from '../../components/index.ts';
import { filterRecord, groupRecord } from '../../fhir/index.ts';
import { DeletePatientModal } from './DeletePatientModal.tsx';
import { bundleFileName, patientFacts, scenarioLabel } from './patient-labels.ts';
import { RecordGroupPanel } from './RecordGroupPanel.tsx';
import { TypeNav } from './TypeNav.tsx';

/** Saves the member's record as a FHIR Bundle file (built in the browser, nothing is fetched again). */
function downloadBundle(bundle: Bundle, fileName: string) {
  const blob = new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a tick later is enough.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const backLink = (
  <Anchor component={Link} to="/patients" size="sm">
    <Group gap={4} component="span">
      <IconArrowLeft size={14} aria-hidden /> Patients
    </Group>
  </Anchor>
);

/**
 * My Data (`/patients/:id`): everything the FHIR API holds for a member, grouped by type with counts, each
 * resource summarized in plain words with its raw JSON; a filter, and a download of the whole record as a Bundle.
 */
export function MyDataPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const data = usePatientData(id);
  const patients = usePatients();
  const patient = patients.data?.find((p) => p.id === id);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [deleteOpened, setDeleteOpened] = useState(false);

  const groups = useMemo(() => (data.data === undefined ? [] : groupRecord(data.data)), [data.data]);
  const filtered = useMemo(() => filterRecord(groups, deferredQuery), [groups, deferredQuery]);
  const active = filtered.find((g) => g.type === selected) ?? filtered[0];
  const totals = new Map(groups.map((g) => [g.type, g.items.length]));
  const resourceCount = groups.reduce((n, g) => n + g.items.length, 0);
  const matchCount = filtered.reduce((n, g) => n + g.items.length, 0);
  const name = patient?.name ?? groups.find((g) => g.type === 'Patient')?.items[0]?.summary.title ?? 'My Data';

  const header = (
    <PageHeader
      above={backLink}
      title={name}
      description={
        <>
          My Data: what the FHIR API holds for this member, and what your app can read once authorized.
          {patient !== undefined && (
            <>
              <br />
              {[patientFacts(patient), `${scenarioLabel(patient.scenario)} scenario`]
                .filter((t) => t !== '')
                .join(' · ')}
            </>
          )}
        </>
      }
      actions={
        data.data !== undefined ? (
          <>
            <Button
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => data.data !== undefined && downloadBundle(data.data, bundleFileName(id ?? 'patient'))}
            >
              Download Bundle
            </Button>
            {patient !== undefined && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setDeleteOpened(true)}
              >
                Delete
              </Button>
            )}
          </>
        ) : undefined
      }
    />
  );

  if (data.isPending) {
    return (
      <>
        {header}
        <LoadingState rows={5} label="Loading the member's resources" />
      </>
    );
  }
  if (data.isError) {
    return (
      <>
        {header}
        <ErrorAlert error={data.error} title="My Data could not be loaded" onRetry={() => void data.refetch()} />
      </>
    );
  }

  return (
    <>
      {header}
      <Stack gap="md">
        <TextInput
          aria-label="Filter resources"
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
            ? `${resourceCount.toLocaleString('en-US')} resources of ${groups.length} types`
            : `${matchCount.toLocaleString('en-US')} of ${resourceCount.toLocaleString('en-US')} resources match`}
        </Text>
        {groups.length === 0 ? (
          <EmptyState
            icon={<IconSearch size={28} />}
            title="No resources"
            description="This member has no resources in the FHIR store."
          />
        ) : active === undefined ? (
          <EmptyState
            icon={<IconFilterOff size={28} />}
            title="Nothing matches the filter"
            description={`No resource mentions “${deferredQuery.trim()}”.`}
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
      {patient !== undefined && (
        <DeletePatientModal
          patient={patient}
          opened={deleteOpened}
          onClose={() => setDeleteOpened(false)}
          onDeleted={() => void navigate('/patients')}
        />
      )}
    </>
  );
}
