import { Button, Card, Code, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClockBolt, IconKey, IconKeyOff, IconPlugConnectedX, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError, useLifecycleAction } from '../../api/index.ts';
import type { LifecycleAction, LifecycleInput } from '../../api/index.ts';
import { ConfirmModal, ErrorAlert } from '../../components/index.ts';
import { LIFECYCLE_LABELS } from './steps.ts';

/** The actions asked about first: what they break can only be mended by a new authorization, or is the realm's. */
const CONFIRMATIONS: Partial<Record<LifecycleAction, { title: string; text: string; confirm: string }>> = {
  'expire-refresh-token': {
    title: 'Expire the refresh token?',
    text: 'The next refresh fails with invalid_grant. The access token works until it expires; after that the member has to authorize the app again.',
    confirm: 'Expire refresh token',
  },
  revoke: {
    title: 'Revoke the app as the member?',
    text: 'As if the member revoked the app in the member portal: the access and refresh tokens stop working at once. The member has to authorize the app again.',
    confirm: 'Revoke',
  },
  'rotate-signing-key': {
    title: 'Rotate the signing key?',
    text: 'A new key signs id_tokens from now on, for every launch of this sandbox. The JWKS keeps the previous key until the next rotation, so apps that cache the JWKS can be tested.',
    confirm: 'Rotate signing key',
  },
};

const ICONS: Record<LifecycleAction, ReactNode> = {
  'expire-access-token': <IconKey size={16} aria-hidden />,
  'expire-refresh-token': <IconKeyOff size={16} aria-hidden />,
  revoke: <IconPlugConnectedX size={16} aria-hidden />,
  'advance-clock': <IconClockBolt size={16} aria-hidden />,
  'rotate-signing-key': <IconRotate size={16} aria-hidden />,
};

const BUTTON_ACTIONS: LifecycleAction[] = [
  'expire-access-token',
  'expire-refresh-token',
  'revoke',
  'rotate-signing-key',
];

/** One hour and a second: past an access token's lifetime. */
const DEFAULT_SECONDS = 3601;

/**
 * The grant lifecycle actions of a launch (issue #15): expire the access or the refresh token, revoke as the member,
 * advance the grant's clock, rotate the signing key. Each is one click (asked first when only a new authorization
 * mends it) and shows up as a step of the launch; a refusal (no live authorization, a bad number of seconds) is
 * shown here, the seconds' own message under its input.
 */
export function LifecyclePanel({ launchId }: { launchId: string }) {
  const mutation = useLifecycleAction(launchId);
  const [seconds, setSeconds] = useState<number | string>(DEFAULT_SECONDS);
  const [asking, setAsking] = useState<LifecycleAction | undefined>(undefined);
  const running = mutation.isPending ? mutation.variables.action : undefined;
  const error = mutation.error;
  const secondsError = error instanceof ApiError ? error.fields.seconds : undefined;

  const run = (input: LifecycleInput) => {
    mutation.mutate(input, { onSuccess: () => setAsking(undefined) });
  };
  const click = (action: LifecycleAction) => {
    mutation.reset();
    if (CONFIRMATIONS[action] !== undefined) setAsking(action);
    else run({ action });
  };
  const confirmation = asking === undefined ? undefined : CONFIRMATIONS[asking];

  return (
    <section aria-labelledby="lifecycle-title" data-testid="lifecycle-panel">
      <Title order={2} size="h4" mb="xs" id="lifecycle-title">
        Grant lifecycle
      </Title>
      <Card padding="md">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Break this launch&apos;s authorization the way production does, and watch what your app does next. Each
            action is a step below; your CI can do the same with <Code>POST /api/launches/{'{id}'}/lifecycle</Code>.
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {BUTTON_ACTIONS.map((action) => (
              <Button
                key={action}
                variant="light"
                color={action === 'revoke' ? 'red' : 'blue'}
                leftSection={ICONS[action]}
                loading={running === action}
                disabled={running !== undefined && running !== action}
                onClick={() => click(action)}
              >
                {LIFECYCLE_LABELS[action]}
              </Button>
            ))}
          </SimpleGrid>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              mutation.reset();
              run({ action: 'advance-clock', seconds: typeof seconds === 'number' ? seconds : Number.NaN });
            }}
          >
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NumberInput
                label="Seconds"
                description="The grant lives this much later: its tokens expire as if the time had passed."
                value={seconds}
                onChange={setSeconds}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator=","
                error={secondsError}
                style={{ flex: '1 1 14rem' }}
              />
              <Button
                type="submit"
                variant="light"
                leftSection={ICONS['advance-clock']}
                loading={running === 'advance-clock'}
                disabled={running !== undefined && running !== 'advance-clock'}
              >
                {LIFECYCLE_LABELS['advance-clock']}
              </Button>
            </Group>
          </form>
          {error !== null && confirmation === undefined && secondsError === undefined && (
            <ErrorAlert error={error} title="The action was not taken" />
          )}
        </Stack>
      </Card>
      <ConfirmModal
        opened={confirmation !== undefined}
        onClose={() => {
          // A refusal shown in the dialog goes with it (not on to the panel). Not on the exit transition: by then
          // the next action may have run, and its answer must stay.
          setAsking(undefined);
          mutation.reset();
        }}
        title={confirmation?.title ?? ''}
        confirmLabel={confirmation?.confirm ?? ''}
        confirmIcon={asking === undefined ? undefined : ICONS[asking]}
        onConfirm={() => {
          if (asking !== undefined) run({ action: asking });
        }}
        busy={mutation.isPending}
        error={error}
        errorTitle="The action was not taken"
      >
        {confirmation?.text}
      </ConfirmModal>
    </section>
  );
}
