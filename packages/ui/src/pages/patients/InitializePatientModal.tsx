import { Button, Group, Loader, Modal, Progress, Radio, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { SCENARIO_OPTIONS, useInitializePatient } from '../../api/index.ts';
import type { PatientRecord, ScenarioName } from '../../api/index.ts';
import { ErrorAlert } from '../../components/index.ts';

export interface InitializePatientModalProps {
  opened: boolean;
  onClose(): void;
  /** Called with the new patient once it is created. */
  onInitialized?(patient: PatientRecord): void;
}

const RANDOM = 'random';

const CHOICES = [
  { value: RANDOM, label: 'Random', description: 'A scenario picked at random' },
  ...SCENARIO_OPTIONS,
] as const;

function scenarioLabel(value: string): string {
  return SCENARIO_OPTIONS.find((s) => s.value === value)?.label ?? value;
}

function totalResources(patient: PatientRecord): number {
  return Object.values(patient.resourceCounts).reduce((sum, n) => sum + n, 0);
}

/**
 * "Initialize Patient": asks for a scenario, creates a synthetic member (POST /api/patients, a second or two)
 * with a progress bar, then names the patient with a link to their My Data page.
 */
export function InitializePatientModal({ opened, onClose, onInitialized }: InitializePatientModalProps) {
  const [scenario, setScenario] = useState<string>(RANDOM);
  const mutation = useInitializePatient();
  const busy = mutation.isPending;

  const start = () => {
    mutation.mutate(scenario === RANDOM ? {} : { scenario: scenario as ScenarioName }, {
      onSuccess: (patient) => onInitialized?.(patient),
    });
  };

  let content;
  if (busy) {
    content = (
      <Stack gap="md" py="md" align="center" role="status" aria-live="polite">
        <Loader size="md" />
        <Text fw={500}>Generating the patient…</Text>
        <Text size="sm" c="dimmed" ta="center">
          Claims, coverage and the clinical record of five years of care, loaded into the FHIR store.
        </Text>
        <Progress value={100} animated striped w="100%" aria-hidden />
      </Stack>
    );
  } else if (mutation.isSuccess) {
    const patient = mutation.data;
    content = (
      <Stack gap="md" align="center" ta="center" role="status" aria-live="polite">
        <ThemeIcon size={52} radius="xl" color="teal" variant="light" aria-hidden>
          <IconCircleCheck size={30} />
        </ThemeIcon>
        <Text fw={600} size="lg" data-testid="initialized-patient-name">
          {patient.name}
        </Text>
        <Text size="sm" c="dimmed">
          {scenarioLabel(patient.scenario)} · {totalResources(patient)} resources
          {patient.birthDate !== undefined && ` · born ${patient.birthDate}`}
        </Text>
        <Group justify="center" gap="sm">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button component={Link} to={`/patients/${encodeURIComponent(patient.id)}`} onClick={onClose}>
            View My Data
          </Button>
        </Group>
      </Stack>
    );
  } else {
    content = (
      <Stack gap="md">
        <Text size="sm">
          Creates a synthetic member with claims, coverage and a clinical record in the sandbox. Your app can then be
          launched for this patient.
        </Text>
        <Radio.Group value={scenario} onChange={setScenario} label="Scenario" name="scenario">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {CHOICES.map((choice) => (
              <Radio.Card key={choice.value} value={choice.value} p="sm" radius="md">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={2} />
                  <div>
                    <Text fw={500} size="sm">
                      {choice.label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {choice.description}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        {mutation.isError && <ErrorAlert error={mutation.error} title="The patient was not initialized" />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={start} leftSection={<IconUserPlus size={16} aria-hidden />}>
            Initialize Patient
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={mutation.isSuccess ? 'Patient initialized' : 'Initialize Patient'}
      size="lg"
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
      onExitTransitionEnd={() => {
        mutation.reset();
        setScenario(RANDOM);
      }}
    >
      {content}
    </Modal>
  );
}
