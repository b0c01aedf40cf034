import { Alert, Badge, Code, Group, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconApi,
  IconCheck,
  IconClockBolt,
  IconFlask,
  IconKey,
  IconLogin,
  IconRocket,
  IconShieldCheck,
  IconX,
} from '@tabler/icons-react';
import type { LaunchStepRecord } from '../../api/index.ts';
import { maskRequest } from './secrets.ts';
import { StepDetails } from './StepDetails.tsx';
import type { StepScopes } from './steps.ts';
import { formatTime, stepTitle } from './steps.ts';

const ICONS: Partial<Record<LaunchStepRecord['step'], typeof IconCheck>> = {
  launch: IconRocket,
  authorize: IconShieldCheck,
  login: IconLogin,
  consent: IconCheck,
  token: IconKey,
  refresh: IconKey,
  revoke: IconKey,
  introspect: IconKey,
  fhir: IconApi,
  lifecycle: IconClockBolt,
};

const WRAP = { overflowWrap: 'anywhere' } as const;

/** The title row of a step: its name, status, HTTP status. */
export function StepTitle({ step }: { step: LaunchStepRecord }) {
  const failed = step.status === 'error';
  return (
    <Group gap={6} wrap="wrap">
      <Text fw={600} size="sm" component="span">
        {stepTitle(step)}
      </Text>
      <Badge color={failed ? 'red' : 'teal'} variant="light" size="sm">
        {failed ? 'error' : 'ok'}
      </Badge>
      {step.httpStatus !== undefined && (
        <Badge color={step.httpStatus >= 400 ? 'red' : 'gray'} variant="outline" size="sm" tt="none">
          HTTP {step.httpStatus}
        </Badge>
      )}
    </Group>
  );
}

/** The bullet icon of a step: a cross for a failure, else the icon of its kind. */
export function StepBullet({ step }: { step: LaunchStepRecord }) {
  const Icon = step.status === 'error' ? IconX : (ICONS[step.step] ?? IconCheck);
  return <Icon size={14} aria-hidden />;
}

export interface StepBodyProps {
  step: LaunchStepRecord;
  /** The scopes this step shows (each set once per launch: see scopesToShow), if any. */
  scopes?: StepScopes | undefined;
  /** The failure is the one the launch asked the sandbox to simulate. */
  simulated?: boolean;
}

/**
 * The body of a step on the timeline: time, the FHIR request, what happened and, for a failure, what to fix (or,
 * for a failure the launch asked for, that it is simulated); the scopes when they are new, then its details with
 * secrets masked. (Timeline.Item itself stays in the timeline: Mantine passes each item its active state
 * directly.)
 */
export function StepBody({ step, scopes, simulated = false }: StepBodyProps) {
  const failed = step.status === 'error';
  return (
    <Stack gap={6} mt={4}>
      <Text size="xs" c="dimmed">
        <time dateTime={step.at}>{formatTime(step.at)}</time> · step {step.seq}
      </Text>
      {step.request !== undefined && (
        <Code block style={{ whiteSpace: 'pre-wrap', ...WRAP }}>
          {maskRequest(step.request)}
        </Code>
      )}
      {failed ? (
        <Alert
          color={simulated ? 'orange' : 'red'}
          variant="light"
          title={simulated ? 'Simulated error' : 'What to fix'}
          icon={simulated ? <IconFlask aria-hidden /> : <IconAlertTriangle aria-hidden />}
        >
          {step.error !== undefined && (
            <Code color={simulated ? 'orange.1' : 'red.1'} mb={4} display="inline-block">
              {step.error}
            </Code>
          )}
          <Text size="sm" style={WRAP}>
            {step.message}
          </Text>
          {simulated && (
            <Text size="sm" mt={4} c="dimmed">
              This launch was created to fail here, so that you can check how your app handles it.
            </Text>
          )}
        </Alert>
      ) : (
        <Text size="sm" style={WRAP}>
          {step.message}
        </Text>
      )}
      {scopes !== undefined && (
        <div>
          <Text size="xs" c="dimmed" mb={4}>
            {scopes.label}
          </Text>
          <Group gap={4} wrap="wrap" aria-label={scopes.label}>
            {scopes.scopes.map((scope) => (
              <Badge key={scope} variant="light" color="indigo" tt="none" fw={500} maw="100%" style={WRAP}>
                {scope}
              </Badge>
            ))}
          </Group>
        </div>
      )}
      <StepDetails details={step.details} />
    </Stack>
  );
}
