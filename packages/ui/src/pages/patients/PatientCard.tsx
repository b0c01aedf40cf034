import { ActionIcon, Anchor, Avatar, Badge, Button, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconDatabase, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { PatientRecord } from '../../api/index.ts';
import { initials, patientFacts, resourceTotal, scenarioLabel } from './patient-labels.ts';

export interface PatientCardProps {
  patient: PatientRecord;
  onDelete(patient: PatientRecord): void;
}

/** One sandbox patient: name (to My Data), gender and birth date, scenario, resource total, delete. */
export function PatientCard({ patient, onDelete }: PatientCardProps) {
  const href = `/patients/${encodeURIComponent(patient.id)}`;
  const facts = patientFacts(patient);
  return (
    <Card component="article" aria-label={patient.name} padding="md">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap" align="flex-start" miw={0} style={{ flex: '1 1 220px' }}>
          <Avatar color="indigo" radius="xl" aria-hidden>
            {initials(patient.name)}
          </Avatar>
          <Stack gap={4} miw={0}>
            <Anchor component={Link} to={href} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {patient.name}
            </Anchor>
            {facts !== '' && (
              <Text size="sm" c="dimmed">
                {facts}
              </Text>
            )}
            <Group gap={6}>
              <Badge variant="light" color="grape">
                {scenarioLabel(patient.scenario)}
              </Badge>
              <Badge variant="light" color="gray">
                {resourceTotal(patient).toLocaleString('en-US')} resources
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              Patient/{patient.id}
            </Text>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button
            component={Link}
            to={href}
            variant="light"
            size="sm"
            leftSection={<IconDatabase size={16} aria-hidden />}
            aria-label={`My Data of ${patient.name}`}
          >
            My Data
          </Button>
          <Tooltip label="Delete patient" withArrow>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              onClick={() => onDelete(patient)}
              aria-label={`Delete ${patient.name}`}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Card>
  );
}
