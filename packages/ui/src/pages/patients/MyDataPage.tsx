import { Anchor, Button, Group, Stack } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconSearch, IconTrash } from '@tabler/icons-react';
import type { Bundle } from 'fhir/r4';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { usePatientData, usePatients } from '../../api/index.ts';
import { EmptyState, ErrorAlert, LoadingState, PageHeader } from '../../components/index.ts';
import { groupRecord } from '../../fhir/index.ts';
import { DeletePatientModal } from './DeletePatientModal.tsx';
import { bundleFileName, patientFacts, scenarioLabel } from './patient-labels.ts';
import { RecordBrowser } from './RecordBrowser.tsx';

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
  const [deleteOpened, setDeleteOpened] = useState(false);

  const groups = useMemo(() => (data.data === undefined ? [] : groupRecord(data.data)), [data.data]);
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
        <RecordBrowser
          groups={groups}
          noun={{ one: 'resource', many: 'resources' }}
          filterLabel="Filter resources"
          empty={
            <EmptyState
              icon={<IconSearch size={28} />}
              title="No resources"
              description="This member has no resources in the FHIR store."
            />
          }
        />
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
