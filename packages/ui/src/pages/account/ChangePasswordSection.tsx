import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ApiError, useChangePassword, useSession } from '../../api/index.ts';
import { ErrorAlert, Section } from '../../components/index.ts';
import { NewPasswordFields, PasswordField } from '../../forms/fields.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { newPasswordErrors, PASSWORD_POLICY } from '../auth/auth-model.ts';

interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
const EMPTY: ChangePasswordForm = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** Change password: the current one, then the new one twice (the policy is checked here and on the server). */
export function ChangePasswordSection() {
  const email = useSession().data?.account.email;
  const change = useChangePassword();
  const { bindForm, onInvalid, showServerErrors, summaryError } = useFormErrors(FIELDS);
  const form = useForm<ChangePasswordForm>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: (values) => ({
      ...(values.currentPassword === '' ? { currentPassword: 'Enter your current password.' } : {}),
      ...newPasswordErrors(values, email),
    }),
  });

  const submit = (values: ChangePasswordForm) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Password changed', message: 'Use the new password next time.' });
          form.setValues(EMPTY);
          form.resetDirty(EMPTY);
        },
        onError: (error) => {
          showServerErrors(form, error);
          // A wrong current password is a 401 of its own (not a lost session): show it beside that field.
          if (error instanceof ApiError && error.code === 'invalid_credentials')
            form.setFieldError('currentPassword', error.message);
        },
      },
    );

  const error = change.error;
  const besideInputs = error instanceof ApiError && error.code === 'invalid_credentials';
  return (
    <Section title="Change password" description={PASSWORD_POLICY}>
      <form ref={bindForm} onSubmit={form.onSubmit(submit, onInvalid)} noValidate aria-busy={change.isPending}>
        <Stack gap="md" maw={420}>
          {/* For password managers: which account the new password belongs to. */}
          <input type="text" name="username" autoComplete="username" value={email ?? ''} readOnly hidden />
          <PasswordField
            label="Current password"
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <NewPasswordFields inputProps={form.getInputProps} />
          {change.isError && !besideInputs && (
            <ErrorAlert error={summaryError(error)} title="Your password was not changed" withFields />
          )}
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
