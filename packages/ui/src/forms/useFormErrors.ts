import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { splitFieldErrors } from './validators.ts';

/** The part of a Mantine form this hook needs. */
interface SettableForm {
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * The error handling every account form shares: the API's field errors go beside their inputs, the rest into
 * the summary alert, and after any failed attempt (the form's own checks or the server's) focus moves to the
 * first invalid input, so keyboard and screen reader users land on what to fix.
 */
export function useFormErrors<K extends string>(fields: readonly K[], aliases: Partial<Record<string, K>> = {}) {
  // A callback ref kept in state (not useRef): the returned object is then plain values, safe to read in render.
  const [formElement, bindForm] = useState<HTMLFormElement | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Mantine marks an input aria-invalid once its error has rendered: focus after that render.
  useEffect(() => {
    if (attempt > 0) formElement?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, formElement]);
  const onInvalid = useCallback(() => setAttempt((n) => n + 1), []);

  /** Shows the API's field errors of a failed request beside their inputs. */
  const showServerErrors = (form: SettableForm, error: unknown) => {
    if (!(error instanceof ApiError)) return;
    const { fieldErrors } = splitFieldErrors(error.fields, fields, aliases);
    form.setErrors(fieldErrors as Record<string, string>);
    setAttempt((n) => n + 1);
  };

  /** The error for the summary alert: the request's error keeping only the field errors no input shows. */
  const summaryError = (error: unknown): unknown => {
    if (!(error instanceof ApiError)) return error;
    const { unmatched } = splitFieldErrors(error.fields, fields, aliases);
    return new ApiError(error.status, error.code, error.message, unmatched, error.retryAfterSeconds);
  };

  return { bindForm, onInvalid, showServerErrors, summaryError };
}
