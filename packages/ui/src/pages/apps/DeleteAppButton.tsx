import { Alert, Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useDeleteApp } from '../../api/index.ts';
import type { AppRecord } from '../../api/index.ts';
import { ConfirmModal } from '../../components/index.ts';
import { DELETE_PUBLISHED_WARNING, isPublished } from '../production/production-model.ts';

/** Delete, with a confirmation: the app's credentials stop working at once. */
export function DeleteAppButton({ app }: { app: AppRecord }) {
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteApp();
  const navigate = useNavigate();
  const confirm = () =>
    remove.mutate(app.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: 'Application deleted', message: `${app.name} was deleted.` });
        void navigate('/apps');
      },
    });
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
        Delete
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        title="Delete this application?"
        confirmLabel="Delete"
        onConfirm={confirm}
        busy={remove.isPending}
        error={remove.error}
        errorTitle="The application was not deleted"
        onExitTransitionEnd={remove.reset}
      >
        {isPublished(app.productionRequest) && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} mb="sm" role="alert">
            {DELETE_PUBLISHED_WARNING}
          </Alert>
        )}
        <b>{app.name}</b> and its client ID stop working in the sandbox at once: its tokens are no longer accepted.
        {isPublished(app.productionRequest)
          ? ' The app stays on production, but you can no longer see or update it here.'
          : ''}{' '}
        This cannot be undone.
      </ConfirmModal>
    </>
  );
}
