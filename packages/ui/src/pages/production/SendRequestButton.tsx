import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconInfoCircle, IconSend, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, ATTESTATION_QUESTIONS, useProductionChecks, useSendProductionRequest } from '../../api/index.ts';
import type { AppRecord, PreCheck } from '../../api/index.ts';
import { ErrorAlert } from '../../components/index.ts';
import {
  checkFieldLabel,
  checkSummary,
  emptySendRequestForm,
  MAX_NOTES,
  SEND_WARNING,
  sendAvailability,
  sendRequestErrors,
  sendRequestInput,
  splitSendErrors,
} from './production-model.ts';
import type { SendRequestForm } from './production-model.ts';

export interface SendRequestButtonProps {
  app: AppRecord;
  /** The API wants a contact email (the desktop sandbox not connected to a plan server). */
  needsContact: boolean;
  /** Where the request goes, for the confirmation ("the Outbox", a server URL, or the plan's reviewers). */
  destination: 'outbox' | 'server' | 'plan';
  /** The form has unsaved changes: the request sends the saved app. */
  dirty?: boolean;
}

function CheckLine({ check }: { check: PreCheck }) {
  const field = checkFieldLabel(check);
  return (
    <List.Item>
      {field !== undefined && <b>{field}: </b>}
      {check.message}
    </List.Item>
  );
}

/** The pre-checks of the app: blocking failures in red, advisory ones in yellow, the passed ones in a short list. */
export function PreChecks({ checks }: { checks: readonly PreCheck[] }) {
  const { blocking, advisory, passed } = checkSummary(checks);
  const [showPassed, setShowPassed] = useState(false);
  return (
    <Stack gap="xs" data-testid="pre-checks">
      {blocking.length > 0 && (
        <Alert
          color="red"
          variant="light"
          title={blocking.length === 1 ? '1 check blocks the request' : `${blocking.length} checks block the request`}
          icon={<IconX aria-hidden />}
          data-severity="blocking"
        >
          <List size="sm" spacing={4}>
            {blocking.map((check) => (
              <CheckLine key={check.id} check={check} />
            ))}
          </List>
        </Alert>
      )}
      {advisory.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          title={advisory.length === 1 ? '1 recommendation' : `${advisory.length} recommendations`}
          icon={<IconAlertTriangle aria-hidden />}
          data-severity="advisory"
        >
          <List size="sm" spacing={4}>
            {advisory.map((check) => (
              <CheckLine key={check.id} check={check} />
            ))}
          </List>
        </Alert>
      )}
      {passed.length > 0 && (
        <div>
          <Group gap={6} wrap="nowrap">
            <ThemeIcon color="teal" variant="light" size="sm" radius="xl" aria-hidden>
              <IconCheck size={14} />
            </ThemeIcon>
            <Text size="sm">
              {passed.length === 1 ? '1 check passed.' : `${passed.length} checks passed.`}{' '}
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => setShowPassed((v) => !v)}
                aria-expanded={showPassed}
              >
                {showPassed ? 'Hide' : 'Show'}
              </Anchor>
            </Text>
          </Group>
          {showPassed && (
            <List size="sm" spacing={2} mt={4} c="dimmed">
              {passed.map((check) => (
                <CheckLine key={check.id} check={check} />
              ))}
            </List>
          )}
        </div>
      )}
    </Stack>
  );
}

/** The Send Request form's state. */
function useSendForm(needsContact: boolean) {
  return useForm<SendRequestForm>({
    mode: 'controlled',
    initialValues: emptySendRequestForm(),
    validate: (values) => sendRequestErrors(values, needsContact),
  });
}
type SendForm = ReturnType<typeof useSendForm>;

/** The modal's body: mounted only while open, so the pre-checks are read afresh each time. */
function SendRequestBody({
  app,
  needsContact,
  destination,
  dirty,
  form,
  onDone,
  onCancel,
}: SendRequestButtonProps & {
  form: SendForm;
  onDone: () => void;
  onCancel: () => void;
}) {
  const checks = useProductionChecks(app.id);
  const send = useSendProductionRequest(app.id);
  const [appErrors, setAppErrors] = useState<{ field: string; label: string; message: string }[]>([]);
  const [otherError, setOtherError] = useState<unknown>(null);
  const blocked = checks.data !== undefined && checkSummary(checks.data.checks).blocked;

  const submit = (values: SendRequestForm) => {
    setAppErrors([]);
    setOtherError(null);
    send.mutate(sendRequestInput(values, needsContact), {
      onSuccess: (saved) => {
        const version = saved.productionRequest?.version;
        notifications.show({
          color: 'teal',
          title: 'Request sent',
          message:
            destination === 'outbox'
              ? `${saved.name} is pending review. The confirmation mail is in the Outbox.`
              : `${saved.name} is pending review${version !== undefined ? ` (version ${version})` : ''}.`,
        });
        onDone();
      },
      onError: (error) => {
        if (error instanceof ApiError) {
          const split = splitSendErrors(error.fields);
          form.setErrors(split.formErrors);
          setAppErrors(split.appErrors);
          const shown = Object.keys(split.formErrors).length + split.appErrors.length;
          if (shown === 0) setOtherError(error);
          else if (Object.keys(split.other).length > 0)
            setOtherError(new ApiError(error.status, error.code, error.message, split.other, error.retryAfterSeconds));
          // The app failed a check the list did not show yet (it changed elsewhere): read them again.
          if (split.appErrors.length > 0) void checks.refetch();
        } else setOtherError(error);
      },
    });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-busy={send.isPending}>
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="send-warning">
          {SEND_WARNING}
        </Alert>
        {dirty === true && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            The form has unsaved changes. The request sends the app as last saved: Save first to include them.
          </Alert>
        )}
        <div>
          <Title order={3} size="h5" mb={6}>
            Pre-checks
          </Title>
          {checks.isPending ? (
            <Group gap="xs" role="status">
              <Loader size="sm" />
              <Text size="sm">Checking the app…</Text>
            </Group>
          ) : checks.isError ? (
            <ErrorAlert
              error={checks.error}
              title="The pre-checks could not be loaded"
              onRetry={() => void checks.refetch()}
            />
          ) : (
            <PreChecks checks={checks.data.checks} />
          )}
          {blocked && (
            <Text size="sm" mt={6}>
              Fix the fields in the form, Save, then send the request.
            </Text>
          )}
        </div>
        <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={3} size="h5" component="legend" mb={6}>
            Privacy attestation
          </Title>
          {ATTESTATION_QUESTIONS.map((q) => (
            <Radio.Group key={q.key} label={q.question} {...form.getInputProps(q.key)}>
              <Group gap="lg" mt={4}>
                <Radio value="yes" label="Yes" />
                <Radio value="no" label="No" />
              </Group>
            </Radio.Group>
          ))}
        </Stack>
        <Textarea
          label="Notes"
          description="Anything the reviewers should know (optional)."
          autosize
          minRows={2}
          maxRows={8}
          maxLength={MAX_NOTES}
          {...form.getInputProps('notes')}
        />
        {needsContact && (
          <TextInput
            label="Contact email"
            description="Where the reviewers answer."
            placeholder="dev@app.example"
            type="email"
            autoComplete="email"
            {...form.getInputProps('contactEmail')}
          />
        )}
        {appErrors.length > 0 && (
          <Alert color="red" variant="light" title="Fix the app first" role="alert" icon={<IconX aria-hidden />}>
            <List size="sm" spacing={4}>
              {appErrors.map((e) => (
                <List.Item key={e.field}>
                  <b>{e.label}</b>: {e.message}
                </List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              Edit these fields in the form, Save, then send the request again.
            </Text>
          </Alert>
        )}
        {otherError !== null && <ErrorAlert error={otherError} title="The request was not sent" withFields />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={send.isPending}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={send.isPending}
            disabled={blocked || checks.isPending}
            leftSection={<IconSend size={16} aria-hidden />}
          >
            Send Request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Send Request" (the seed's button on the app's details form): a modal with the seed's warning, the pre-checks,
 * the privacy attestation, notes and (desktop sandbox without a plan server) a contact email.
 */
export function SendRequestButton(props: SendRequestButtonProps) {
  const { app, needsContact } = props;
  const [opened, { open, close }] = useDisclosure(false);
  const availability = sendAvailability(app.productionRequest);
  // A long form: the whole screen at phone width.
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  // Kept while the page lives: answers survive closing the modal (e.g. to fix a field and Save).
  const form = useSendForm(needsContact);
  return (
    <>
      <Button
        leftSection={<IconSend size={16} aria-hidden />}
        onClick={open}
        disabled={!availability.allowed}
        aria-describedby={availability.hint !== undefined ? `send-request-hint-${app.id}` : undefined}
      >
        Send Request
      </Button>
      {availability.hint !== undefined && (
        <Text size="xs" c="dimmed" id={`send-request-hint-${app.id}`} w="100%">
          {availability.hint}
        </Text>
      )}
      <Modal
        opened={opened}
        onClose={close}
        title="Send Request"
        size="lg"
        fullScreen={phone}
        onExitTransitionEnd={form.clearErrors}
      >
        {props.destination === 'outbox' && (
          <Text size="sm" mb="sm">
            The sandbox is not connected to a plan server: the request mail goes to the{' '}
            <Anchor component={Link} to="/outbox" size="sm">
              Outbox
            </Anchor>
            .
          </Text>
        )}
        <SendRequestBody {...props} form={form} onDone={close} onCancel={close} />
      </Modal>
    </>
  );
}
