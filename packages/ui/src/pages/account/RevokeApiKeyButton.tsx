import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useRevokeApiKey } from '../../api/index.ts';
import type { ApiKeyView } from '../../api/index.ts';
import { ConfirmModal } from '../../components/index.ts';

/** "Revoke", with a confirmation: whatever uses the key stops working at once. */
export function RevokeApiKeyButton({ apiKey }: { apiKey: ApiKeyView }) {
  const [opened, { open, close }] = useDisclosure(false);
  const revoke = useRevokeApiKey();
  const confirm = () =>
    revoke.mutate(apiKey.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: 'API key revoked', message: `${apiKey.name} no longer works.` });
        close();
      },
    });
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="compact-sm"
        leftSection={<IconTrash size={14} aria-hidden />}
        onClick={open}
      >
        Revoke
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={close}
        title="Revoke this API key?"
        confirmLabel="Revoke"
        onConfirm={confirm}
        busy={revoke.isPending}
        error={revoke.error}
        errorTitle="The API key was not revoked"
        onExitTransitionEnd={revoke.reset}
      >
        <b>{apiKey.name}</b> (<code>{apiKey.prefix}…</code>) stops working at once: scripts and sandboxes that use it
        are refused. This cannot be undone.
      </ConfirmModal>
    </>
  );
}
