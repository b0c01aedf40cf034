import { Alert, Button, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, errorMessage } from '../api/client.ts';
import { useRuntimeConfig } from '../config-context.ts';
import { formatWait } from '../forms/validators.ts';

export interface ErrorAlertProps {
  error: unknown;
  title?: string;
  /** Shows a Try again button. */
  onRetry?: () => void;
  /** Lists the field errors under the message (when they are not shown beside inputs). */
  withFields?: boolean;
}

/** The desktop sandbox's hint (`pnpm sandbox`) means nothing to anyone on the plan's server. */
const HOSTED_NETWORK_MESSAGE = 'The server cannot be reached. Check your connection and try again.';

/**
 * An error of the API (or any thrown value) as a red alert with the server's message; after a 429, how long to
 * wait (the server's Retry-After).
 */
export function ErrorAlert({ error, title = 'Something went wrong', onRetry, withFields = false }: ErrorAlertProps) {
  const { mode } = useRuntimeConfig();
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  const wait = error instanceof ApiError ? error.retryAfterSeconds : undefined;
  const message =
    mode !== 'local' && error instanceof ApiError && error.code === 'network_error'
      ? HOSTED_NETWORK_MESSAGE
      : errorMessage(error);
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <div style={{ overflowWrap: 'anywhere' }}>{message}</div>
      {wait !== undefined && <div>Try again in {formatWait(wait)}.</div>}
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
