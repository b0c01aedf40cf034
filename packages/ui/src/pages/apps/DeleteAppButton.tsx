import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useDeleteApp } from '../../api/index.ts';
import type { AppRecord } from '../../api/index.ts';
import { ErrorAlert } from '../../components/index.ts';

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
      <Modal opened={opened} onClose={close} title="Delete this application?" onExitTransitionEnd={remove.reset}>
        <Stack gap="md">
          <Text size="sm">
            <b>{app.name}</b> and its client ID stop working at once: its tokens are no longer accepted. This cannot be
            undone.
          </Text>
          {remove.isError && <ErrorAlert error={remove.error} title="The application was not deleted" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={remove.isPending}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={remove.isPending}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
