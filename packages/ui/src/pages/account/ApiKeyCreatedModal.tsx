import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CreatedApiKey } from '../../api/index.ts';
import { CopyField } from '../../components/index.ts';

/**
 * The new key, shown once: a copy button and the warning that it will not be shown again. A click outside does
 * not close it (a stray click would lose the key); Done or Escape does.
 */
export function ApiKeyCreatedModal({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  return (
    <Modal opened={created !== null} onClose={onClose} title="API key created" closeOnClickOutside={false}>
      {created !== null && (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Copy it now">
            This key will not be shown again. Store it somewhere safe, such as your CI's secrets. If you lose it, revoke
            it and create another.
          </Alert>
          <Text size="sm">
            <b style={{ overflowWrap: 'anywhere' }}>{created.apiKey.name}</b>
          </Text>
          <CopyField label="API key" value={created.key} shortName="key" />
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
