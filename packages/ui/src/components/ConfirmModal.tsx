import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';

export interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  /** The red button's label ("Delete", "Revoke"). */
  confirmLabel: string;
  confirmIcon?: ReactNode;
  /** The confirm button's color (default red: most confirmations are of something that cannot be undone). */
  confirmColor?: string;
  onConfirm: () => void;
  /** While the change runs: the modal stays open and its buttons wait. */
  busy: boolean;
  /** The failed attempt's error (null when none), shown under `errorTitle`. */
  error: unknown;
  errorTitle: string;
  /** E.g. the mutation's reset, so the next opening starts clean. */
  onExitTransitionEnd?: () => void;
}

/**
 * Asks before a change that cannot be undone (delete an app or a patient, revoke an API key). Cancel has the
 * focus, so Enter on the opening button never confirms by accident.
 */
export function ConfirmModal(props: ConfirmModalProps) {
  const { opened, onClose, title, children, confirmLabel, confirmIcon, onConfirm, busy, error, errorTitle } = props;
  const confirmColor = props.confirmColor ?? 'red';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      onExitTransitionEnd={props.onExitTransitionEnd}
    >
      <Stack gap="md">
        <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
          {children}
        </Text>
        {error !== null && error !== undefined && <ErrorAlert error={error} title={errorTitle} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button color={confirmColor} onClick={onConfirm} loading={busy} leftSection={confirmIcon}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
