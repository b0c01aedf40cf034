import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useDeletePatient } from '../../api/index.ts';
import type { PatientRecord } from '../../api/index.ts';
import { ErrorAlert } from '../../components/index.ts';
import { resourceTotal } from './patient-labels.ts';

export interface DeletePatientModalProps {
  patient: PatientRecord;
  opened: boolean;
  onClose(): void;
  /** Called after the patient is gone (e.g. to leave their My Data page). */
  onDeleted?(): void;
}

/** Asks before deleting a sandbox patient and every resource of theirs (DELETE /api/patients/{id}). */
export function DeletePatientModal({ patient, opened, onClose, onDeleted }: DeletePatientModalProps) {
  const mutation = useDeletePatient();
  const busy = mutation.isPending;
  const confirm = () => {
    mutation.mutate(patient.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: 'Patient deleted', message: `${patient.name} was deleted.` });
        onClose();
        onDeleted?.();
      },
    });
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Delete patient?"
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      onExitTransitionEnd={() => mutation.reset()}
    >
      <Stack gap="md">
        <Text size="sm">
          <b>{patient.name}</b> and all {resourceTotal(patient)} of their resources will be removed from the sandbox
          FHIR store. Apps launched for this patient will no longer find their data.
        </Text>
        {mutation.isError && <ErrorAlert error={mutation.error} title="The patient was not deleted" />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={busy} leftSection={<IconTrash size={16} aria-hidden />}>
            Delete patient
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
