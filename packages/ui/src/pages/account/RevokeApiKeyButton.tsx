import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useRevokeApiKey } from '../../api/index.ts';
import type { ApiKeyView } from '../../api/index.ts';
import { ErrorAlert } from '../../components/index.ts';

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
      <Modal opened={opened} onClose={close} title="Revoke this API key?" onExitTransitionEnd={revoke.reset}>
        <Stack gap="md">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <b>{apiKey.name}</b> (<code>{apiKey.prefix}…</code>) stops working at once: scripts and sandboxes that use
            it are refused. This cannot be undone.
          </Text>
          {revoke.isError && <ErrorAlert error={revoke.error} title="The API key was not revoked" />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={revoke.isPending}>
              Cancel
            </Button>
            <Button color="red" onClick={confirm} loading={revoke.isPending}>
              Revoke
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
