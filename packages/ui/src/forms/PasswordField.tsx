import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/**
 * A password input, required, labelled exactly by its label (no asterisk: every field of the account forms is
 * required). Its show/hide toggle is named without the word "password", so the label finds only the input.
 * Mantine's PasswordInput marks an error only with data-invalid: aria-invalid tells screen readers, and lets
 * the form move focus to it after a failed attempt.
 */
export function PasswordField(props: PasswordInputProps) {
  const invalid = props.error !== undefined && props.error !== null && props.error !== false && props.error !== '';
  return (
    <PasswordInput
      required
      withAsterisk={false}
      visibilityToggleButtonProps={{ 'aria-label': 'Show characters' }}
      aria-invalid={invalid || undefined}
      {...props}
    />
  );
}
