import { Alert, Button, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../api/index.ts';

export interface ErrorAlertProps {
  error: unknown;
  title?: string;
  /** Shows a Try again button. */
  onRetry?: () => void;
  /** Lists the field errors under the message (when they are not shown beside inputs). */
  withFields?: boolean;
}

/** An error of the API (or any thrown value) as a red alert with the server's message. */
export function ErrorAlert({ error, title = 'Something went wrong', onRetry, withFields = false }: ErrorAlertProps) {
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <div style={{ overflowWrap: 'anywhere' }}>{errorMessage(error)}</div>
      {withFields && fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map(([field, message]) => (
            <List.Item key={field}>
              <b>{field}</b>: {message}
            </List.Item>
          ))}
        </List>
      )}
      {onRetry !== undefined && (
        <Button mt="sm" size="xs" variant="white" color="red" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
