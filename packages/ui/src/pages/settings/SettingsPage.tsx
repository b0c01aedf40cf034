import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react';
import { useConnect, useConnection, useDisconnect } from '../../api/index.ts';
import type { ConnectionView } from '../../api/index.ts';
import { ConfirmModal, ErrorAlert, LoadingState, PageHeader, Section } from '../../components/index.ts';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { formatDateTime } from '../launches/steps.ts';
import { CONNECTION_FIELDS, connectionErrors, connectionInput } from './settings-model.ts';
import type { ConnectionForm } from './settings-model.ts';

/** "Connect": the server URL and an API key of the vendor's account on it. */
function ConnectForm() {
  const connect = useConnect();
  const { bindForm, onInvalid, showServerErrors, summaryError } = useFormErrors(CONNECTION_FIELDS);
  const form = useForm<ConnectionForm>({
    mode: 'controlled',
    initialValues: { serverUrl: '', apiKey: '' },
    validate: (values) => connectionErrors(values),
  });
  const submit = (values: ConnectionForm) =>
    connect.mutate(connectionInput(values), {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          title: 'Connected',
          message: `Production requests now go to ${connectionInput(values).serverUrl}.`,
        });
        form.reset();
      },
      onError: (error) => showServerErrors(form, error),
    });
  return (
    <form ref={bindForm} onSubmit={form.onSubmit(submit, onInvalid)} noValidate aria-busy={connect.isPending}>
      <Stack gap="md">
        <TextInput
          label="Server URL"
          description="The address of the plan's server (the site, not its /developer pages), e.g. https://plan.example."
          placeholder="https://"
          type="url"
          autoComplete="url"
          spellCheck={false}
          {...form.getInputProps('serverUrl')}
        />
        <PasswordInput
          label="API key"
          description="Create one on the Account page of your vendor account on that server."
          autoComplete="off"
          spellCheck={false}
          visibilityToggleButtonProps={{ 'aria-label': 'Show characters' }}
          {...form.getInputProps('apiKey')}
        />
        {connect.isError && <ErrorAlert error={summaryError(connect.error)} title="Not connected" withFields />}
        <Group justify="flex-end">
          <Button type="submit" loading={connect.isPending} leftSection={<IconPlugConnected size={18} aria-hidden />}>
            Connect
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The connected state: the server, the vendor, Disconnect (with a confirmation). */
function Connected({ connection }: { connection: Extract<ConnectionView, { connected: true }> }) {
  const [opened, { open, close }] = useDisclosure(false);
  const disconnect = useDisconnect();
  const { account } = connection;
  return (
    <Stack gap="sm" data-testid="connection">
      <div>
        <Text size="xs" c="dimmed">
          Server
        </Text>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {connection.serverUrl}
        </Text>
      </div>
      <div>
        <Text size="xs" c="dimmed">
          Vendor
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {account.name}
          {account.organizationName !== undefined ? `, ${account.organizationName}` : ''} ({account.email})
        </Text>
      </div>
      <Text size="xs" c="dimmed">
        Connected {formatDateTime(connection.connectedAt)}. Send Request sends an app with its client ID and secret to
        this server, and App Status follows the reviewers' decision there.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" color="red" leftSection={<IconPlugConnectedX size={18} aria-hidden />} onClick={open}>
          Disconnect
        </Button>
      </Group>
      <ConfirmModal
        opened={opened}
        onClose={close}
        title="Disconnect from the plan server?"
        confirmLabel="Disconnect"
        onConfirm={() =>
          disconnect.mutate(undefined, {
            onSuccess: () => {
              close();
              notifications.show({ color: 'teal', title: 'Disconnected', message: 'Requests go to the Outbox again.' });
            },
          })
        }
        busy={disconnect.isPending}
        error={disconnect.error}
        errorTitle="Not disconnected"
        onExitTransitionEnd={disconnect.reset}
      >
        The sandbox forgets the API key. Requests already sent stay on <b>{connection.serverUrl}</b>; new ones go to the
        Outbox until you connect again.
      </ConfirmModal>
    </Stack>
  );
}

/** Settings (`settings`, desktop and headless sandbox): "Connect to a plan server". */
export function SettingsPage() {
  const connection = useConnection();
  return (
    <>
      <PageHeader title="Settings" description="How this sandbox works with the plan's server." />
      <Section
        title="Connect to a plan server"
        description="Connected, Send Request sends your app to the plan's reviewers on that server. Not connected, the request mail goes to the Outbox."
      >
        {connection.isPending ? (
          <LoadingState rows={1} label="Loading the connection" />
        ) : connection.isError ? (
          <ErrorAlert
            error={connection.error}
            title="The connection could not be loaded"
            onRetry={() => void connection.refetch()}
          />
        ) : connection.data.connected ? (
          <Connected connection={connection.data} />
        ) : (
          <ConnectForm />
        )}
      </Section>
    </>
  );
}
