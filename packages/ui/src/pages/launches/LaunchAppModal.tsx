import { Alert, Button, Code, Group, Modal, Select, Stack, Switch, Text } from '@mantine/core';
import { IconExternalLink, IconRocket, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SIMULATED_ERROR_OPTIONS, useCreateLaunch, usePatients } from '../../api/index.ts';
import type { AppRecord, SimulatedErrorName } from '../../api/index.ts';
import { ErrorAlert } from '../../components/index.ts';

export interface LaunchAppModalProps {
  app: AppRecord;
  opened: boolean;
  onClose(): void;
}

const NO_ERROR = 'none';

const ERROR_CHOICES = [
  { value: NO_ERROR, label: 'None: a normal launch' },
  ...SIMULATED_ERROR_OPTIONS.map((o) => ({ value: o.value, label: o.label })),
];

/**
 * "Launch App": pick a sandbox patient and options (skip consent, simulate an error), then POST
 * /api/apps/{id}/launch, open the app's launch URL in a new window and follow the launch in the inspector.
 */
export function LaunchAppModal({ app, opened, onClose }: LaunchAppModalProps) {
  const navigate = useNavigate();
  const patients = usePatients();
  const launch = useCreateLaunch(app.id);
  const [patientId, setPatientId] = useState<string | null>(null);
  const [skipConsent, setSkipConsent] = useState(false);
  const [simulateError, setSimulateError] = useState<string>(NO_ERROR);

  const list = patients.data ?? [];
  // Until the vendor picks one, the newest patient is the natural choice.
  const chosen = patientId !== null && list.some((p) => p.id === patientId) ? patientId : (list[0]?.id ?? null);

  const start = () => {
    if (chosen === null) return;
    launch.mutate(
      {
        patientId: chosen,
        skipConsent,
        ...(simulateError !== NO_ERROR ? { simulateError: simulateError as SimulatedErrorName } : {}),
      },
      {
        onSuccess: (created) => {
          // noopener: the app's window gets no handle on this one (it is another origin's page).
          window.open(created.launchUrl, '_blank', 'noopener,noreferrer');
          onClose();
          void navigate(`/launches/${encodeURIComponent(created.launch.id)}`);
        },
      },
    );
  };

  let patientField;
  if (patients.isError) {
    patientField = (
      <ErrorAlert
        error={patients.error}
        title="The patients could not be loaded"
        onRetry={() => void patients.refetch()}
      />
    );
  } else if (patients.isSuccess && list.length === 0) {
    patientField = (
      <Alert color="yellow" variant="light" title="No patients yet">
        <Text size="sm" mb="sm">
          Launches run against a synthetic patient. Initialize one first.
        </Text>
        <Button
          component={Link}
          to="/patients"
          onClick={onClose}
          size="xs"
          variant="white"
          leftSection={<IconUserPlus size={14} aria-hidden />}
        >
          Initialize a patient
        </Button>
      </Alert>
    );
  } else {
    patientField = (
      <Select
        label="Patient"
        description="The member the app is launched for (the patient in context)."
        placeholder={patients.isPending ? 'Loading patients…' : 'Pick a patient'}
        disabled={patients.isPending}
        data={list.map((p) => ({ value: p.id, label: `${p.name}${p.birthDate ? ` (born ${p.birthDate})` : ''}` }))}
        value={chosen}
        onChange={setPatientId}
        allowDeselect={false}
        searchable
        nothingFoundMessage="No patient has that name"
        required
      />
    );
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Launch App" size="lg" onExitTransitionEnd={() => launch.reset()}>
      <Stack gap="md">
        <Text size="sm">
          An EHR launch of <b>{app.name}</b>: the sandbox opens your launch URL in a new window with <Code>iss</Code>{' '}
          and a single-use <Code>launch</Code> value, and the launch inspector follows every step.
        </Text>
        {app.launchUrl !== undefined && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            Launch URL: <Code fz="xs">{app.launchUrl}</Code>
          </Text>
        )}
        {patientField}
        <Switch
          label="Skip consent"
          description="Grant the requested scopes without showing the consent page."
          checked={skipConsent}
          onChange={(event) => setSkipConsent(event.currentTarget.checked)}
        />
        <Select
          label="Simulate an error"
          description="Make one step fail on purpose, to see how your app handles it."
          data={ERROR_CHOICES}
          value={simulateError}
          onChange={(value) => setSimulateError(value ?? NO_ERROR)}
          allowDeselect={false}
        />
        {launch.isError && <ErrorAlert error={launch.error} title="The app was not launched" withFields />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={start}
            loading={launch.isPending}
            disabled={chosen === null}
            leftSection={<IconRocket size={16} aria-hidden />}
            rightSection={<IconExternalLink size={14} aria-hidden />}
          >
            Launch
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
