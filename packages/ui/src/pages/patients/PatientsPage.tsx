import { Button, Stack } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { usePatients } from '../../api/index.ts';
import type { PatientRecord } from '../../api/index.ts';
import { EmptyState, ErrorAlert, LoadingState, PageHeader } from '../../components/index.ts';
import { DeletePatientModal } from './DeletePatientModal.tsx';
import { InitializePatientModal } from './InitializePatientModal.tsx';
import { PatientCard } from './PatientCard.tsx';

/** The Patients page (`/patients`): the sandbox's synthetic members, Initialize Patient, delete. */
export function PatientsPage() {
  const patients = usePatients();
  const [initializeOpened, setInitializeOpened] = useState(false);
  // The patient stays set while the modal closes, so its closing transition still has something to show.
  const [toDelete, setToDelete] = useState<PatientRecord | null>(null);
  const [deleteOpened, setDeleteOpened] = useState(false);

  const initializeButton = (
    <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setInitializeOpened(true)}>
      Initialize Patient
    </Button>
  );

  let body;
  if (patients.isPending) body = <LoadingState label="Loading patients" />;
  else if (patients.isError)
    body = (
      <ErrorAlert
        error={patients.error}
        title="The patients could not be loaded"
        onRetry={() => void patients.refetch()}
      />
    );
  else if (patients.data.length === 0)
    body = (
      <EmptyState
        icon={<IconUsers size={28} />}
        title="No patients yet"
        description="Initialize a synthetic patient: claims, coverage and a clinical record your app can read."
        action={initializeButton}
      />
    );
  else
    body = (
      <Stack gap="sm">
        {patients.data.map((patient) => (
          <PatientCard
            key={patient.id}
            patient={patient}
            onDelete={(target) => {
              setToDelete(target);
              setDeleteOpened(true);
            }}
          />
        ))}
      </Stack>
    );

  return (
    <>
      <PageHeader
        title="Patients"
        description="Synthetic members of the sandbox. Open one's My Data to see what your app can read."
        actions={patients.isSuccess && patients.data.length === 0 ? undefined : initializeButton}
      />
      {body}
      <InitializePatientModal opened={initializeOpened} onClose={() => setInitializeOpened(false)} />
      {toDelete !== null && (
        <DeletePatientModal patient={toDelete} opened={deleteOpened} onClose={() => setDeleteOpened(false)} />
      )}
    </>
  );
}
