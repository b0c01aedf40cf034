import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ApiError, useRequestProduction } from '../../api/index.ts';
import type { AppRecord } from '../../api/index.ts';
import { ErrorAlert } from '../../components/index.ts';
import { useRuntimeConfig } from '../../config-context.ts';
import {
  canRequestProduction,
  MAX_NOTES,
  productionRequestErrors,
  productionRequestInput,
  productionStatus,
} from './outbox-model.ts';
import type { ProductionRequestForm } from './outbox-model.ts';

/**
 * "Request production" on the app's page: a small form (contact email, notes) that asks the plan to publish the
 * app. Once a request is pending or approved, the button gives way to a badge with the status.
 */
export function RequestProductionButton({ app }: { app: AppRecord }) {
  const [opened, { open, close }] = useDisclosure(false);
  const request = useRequestProduction(app.id);
  // Only the desktop sandbox keeps its mail in an Outbox; the plan's server sends it.
  const hasOutbox = useRuntimeConfig().mode === 'local';
  const form = useForm<ProductionRequestForm>({
    mode: 'controlled',
    initialValues: { contactEmail: app.productionRequest?.contactEmail ?? '', notes: '' },
    validate: (values) => productionRequestErrors(values),
  });
  const status = productionStatus(app);
  const error = request.error;
  // Field errors show beside their input; anything else (409, 500, network) in an alert.
  const besideInputs = error instanceof ApiError && ('contactEmail' in error.fields || 'notes' in error.fields);

  if (!canRequestProduction(app) && status !== undefined) {
    return (
      <Tooltip label={status.description} multiline w={260} withArrow>
        <Badge color={status.color} variant="light" size="lg" tt="none" tabIndex={0}>
          {status.label}
        </Badge>
      </Tooltip>
    );
  }

  const send = (values: ProductionRequestForm) =>
    request.mutate(productionRequestInput(values), {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          title: 'Production requested',
          message: hasOutbox
            ? `The confirmation mail for ${app.name} is in the Outbox.`
            : `The plan's reviewers will answer at ${values.contactEmail.trim()}.`,
        });
        close();
      },
      onError: (error) => {
        if (error instanceof ApiError) form.setErrors(error.fields);
      },
    });

  return (
    <>
      <Button variant="light" leftSection={<IconSend size={16} aria-hidden />} onClick={open}>
        Request production
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title="Request production"
        onExitTransitionEnd={() => {
          request.reset();
          form.clearErrors();
        }}
      >
        <form onSubmit={form.onSubmit(send)} noValidate>
          <Stack gap="md">
            <Text size="sm">
              Ask the plan to publish <b>{app.name}</b>. Its reviewers check the registration and answer at the contact
              address.
              {hasOutbox && (
                <>
                  {' '}
                  The sandbox keeps the mail it would send in the{' '}
                  <Anchor component={Link} to="/outbox" size="sm">
                    Outbox
                  </Anchor>
                  .
                </>
              )}
            </Text>
            {status !== undefined && (
              <Alert color={status.color} variant="light" title={status.label}>
                {status.description}
              </Alert>
            )}
            <TextInput
              label="Contact email"
              description="Where the reviewers answer."
              placeholder="dev@app.example"
              type="email"
              autoComplete="email"
              withAsterisk
              data-autofocus
              {...form.getInputProps('contactEmail')}
            />
            <Textarea
              label="Notes"
              description="Anything the reviewers should know (optional)."
              autosize
              minRows={3}
              maxRows={8}
              maxLength={MAX_NOTES}
              {...form.getInputProps('notes')}
            />
            {request.isError && !besideInputs && <ErrorAlert error={error} title="Production was not requested" />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={request.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={request.isPending} leftSection={<IconSend size={16} aria-hidden />}>
                Send request
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
