import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/index.ts';
import { ErrorAlert } from '../components/index.ts';
import { MAX_REASON, reasonError } from './review-model.ts';

export interface ReasonModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  confirmLabel: string;
  confirmColor?: string;
  /** Called with the trimmed reason once it is filled in. */
  onConfirm: (reason: string) => void;
  busy: boolean;
  error: unknown;
  errorTitle: string;
  onExitTransitionEnd?: () => void;
}

/** A decision that needs a reason the vendor will read (Reject, Suspend): a required "Reason". */
export function ReasonModal(props: ReasonModalProps) {
  const { opened, onClose, title, children, confirmLabel, onConfirm, busy, error, errorTitle } = props;
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const serverProblem = error instanceof ApiError ? error.fields.reason : undefined;
  const submit = () => {
    const found = reasonError(reason);
    setProblem(found);
    if (found === undefined) onConfirm(reason.trim());
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      onExitTransitionEnd={() => {
        setReason('');
        setProblem(undefined);
        props.onExitTransitionEnd?.();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          event.stopPropagation();
          submit();
        }}
        noValidate
        aria-busy={busy}
      >
        <Stack gap="md">
          <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
            {children}
          </Text>
          <Textarea
            label="Reason"
            description="The vendor reads it in the email."
            autosize
            minRows={3}
            maxRows={10}
            maxLength={MAX_REASON}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              if (problem !== undefined) setProblem(undefined);
            }}
            error={problem ?? serverProblem}
            aria-invalid={(problem ?? serverProblem) !== undefined || undefined}
            data-autofocus
          />
          {error !== null && error !== undefined && serverProblem === undefined && (
            <ErrorAlert error={error} title={errorTitle} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" color={props.confirmColor ?? 'red'} loading={busy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
