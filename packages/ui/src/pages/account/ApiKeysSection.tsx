import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiKeys, useCreateApiKey } from '../../api/index.ts';
import type { ApiKeyView, CreatedApiKey } from '../../api/index.ts';
import { EmptyState, ErrorAlert, LoadingState, Section } from '../../components/index.ts';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { formatDateTime } from '../launches/steps.ts';
import { ApiKeyCreatedModal } from './ApiKeyCreatedModal.tsx';
import { RevokeApiKeyButton } from './RevokeApiKeyButton.tsx';

const FIELDS = ['name'] as const;
/** The longest key name the form takes: it is a label, not a description. */
const MAX_KEY_NAME = 100;

/** One key: its name, prefix, when it was created and last used, and Revoke. */
function ApiKeyItem({ apiKey }: { apiKey: ApiKeyView }) {
  return (
    <Paper withBorder p="sm" component="article" aria-label={apiKey.name}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} miw={0} style={{ flex: '1 1 220px' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {apiKey.name}
          </Text>
          <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {apiKey.prefix}…
          </Text>
          <Text size="xs" c="dimmed">
            Created <time dateTime={apiKey.createdAt}>{formatDateTime(apiKey.createdAt)}</time>
            {' · '}
            {apiKey.lastUsedAt !== undefined ? (
              <>
                Last used <time dateTime={apiKey.lastUsedAt}>{formatDateTime(apiKey.lastUsedAt)}</time>
              </>
            ) : (
              'Never used'
            )}
          </Text>
        </Stack>
        <RevokeApiKeyButton apiKey={apiKey} />
      </Group>
    </Paper>
  );
}

/** The "Create API key" form: a name, then the key in a modal, once. */
function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedApiKey) => void }) {
  const create = useCreateApiKey();
  const { bindForm, onInvalid, showServerErrors, summaryError } = useFormErrors(FIELDS);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '' },
    validate: { name: (value: string) => (value.trim() === '' ? 'Name the key after what uses it.' : undefined) },
  });
  const submit = ({ name }: { name: string }) =>
    create.mutate(name.trim(), {
      onSuccess: (created) => {
        form.reset();
        onCreated(created);
      },
      onError: (error) => showServerErrors(form, error),
    });
  return (
    <form ref={bindForm} onSubmit={form.onSubmit(submit, onInvalid)} noValidate aria-busy={create.isPending}>
      <Stack gap="sm">
        <TextInput
          label="Name"
          description="What uses the key, e.g. CI or Desktop sandbox."
          maxLength={MAX_KEY_NAME}
          required
          withAsterisk={false}
          maw={420}
          {...form.getInputProps('name')}
        />
        <Group>
          <Button type="submit" loading={create.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
            Create API key
          </Button>
        </Group>
        {create.isError && (
          <ErrorAlert error={summaryError(create.error)} title="The API key was not created" withFields />
        )}
      </Stack>
    </form>
  );
}

/** API keys: the vendor's keys for scripts and the desktop sandbox; create one (shown once) or revoke one. */
export function ApiKeysSection() {
  const keys = useApiKeys();
  // The created key lives only here, for the modal: it is never cached or shown again.
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  let list;
  if (keys.isPending) list = <LoadingState rows={2} label="Loading API keys" />;
  else if (keys.isError)
    list = (
      <ErrorAlert error={keys.error} title="The API keys could not be loaded" onRetry={() => void keys.refetch()} />
    );
  else if (keys.data.length === 0)
    list = (
      <EmptyState
        icon={<IconKey size={28} />}
        title="No API keys yet"
        description="Create one for each script or machine, so you can revoke one without stopping the others."
      />
    );
  else
    list = (
      <Stack gap="xs">
        {keys.data.map((apiKey) => (
          <ApiKeyItem key={apiKey.id} apiKey={apiKey} />
        ))}
      </Stack>
    );

  return (
    <Section
      title="API keys"
      description="An API key lets a script, your CI or the desktop sandbox call this server's API as you. Treat it like a password."
    >
      <CreateApiKeyForm onCreated={setCreated} />
      {list}
      <ApiKeyCreatedModal created={created} onClose={() => setCreated(null)} />
    </Section>
  );
}
