// The inputs the account forms share. Every field of those forms is required, so none shows an asterisk: the
// label is exactly its text, which is also how tests find it (getByLabel('Email')).
import { PasswordInput, TextInput, type PasswordInputProps, type TextInputProps } from '@mantine/core';

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

/** An email input, required; `autoComplete` says which (default `email`; `username` on Sign in). */
export function EmailField({ label = 'Email', autoComplete = 'email', ...props }: TextInputProps) {
  return (
    <TextInput
      label={label}
      type="email"
      autoComplete={autoComplete}
      required
      withAsterisk={false}
      maxLength={254}
      {...props}
    />
  );
}

/** What a Mantine form's getInputProps gives an input. */
type InputProps = Omit<PasswordInputProps, 'label' | 'autoComplete'>;

/**
 * "New password" and "Confirm password" (Set your password, Change password); `policy` under the first says
 * what the server accepts.
 */
export function NewPasswordFields({
  inputProps,
  policy,
}: {
  inputProps: (field: 'newPassword' | 'confirmPassword') => InputProps;
  policy?: string;
}) {
  return (
    <>
      <PasswordField
        label="New password"
        description={policy}
        autoComplete="new-password"
        {...inputProps('newPassword')}
      />
      <PasswordField label="Confirm password" autoComplete="new-password" {...inputProps('confirmPassword')} />
    </>
  );
}
