import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useDeletePatient } from '../../api/index.ts';
import type { PatientRecord } from '../../api/index.ts';
import { ConfirmModal } from '../../components/index.ts';
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
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title="Delete patient?"
      confirmLabel="Delete patient"
      confirmIcon={<IconTrash size={16} aria-hidden />}
      onConfirm={confirm}
      busy={busy}
      error={mutation.error}
      errorTitle="The patient was not deleted"
      onExitTransitionEnd={() => mutation.reset()}
    >
      <b>{patient.name}</b> and all {resourceTotal(patient)} of their resources will be removed from the sandbox FHIR
      store. Apps launched for this patient will no longer find their data.
    </ConfirmModal>
  );
}
