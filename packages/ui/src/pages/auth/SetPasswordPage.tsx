import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useLayoutEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useSetPassword } from '../../api/session.ts';
import { ErrorAlert } from '../../components/index.ts';
import { NewPasswordFields } from '../../forms/fields.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { AuthCard, LINKS } from './AuthCard.tsx';
import { newPasswordErrors, PASSWORD_POLICY } from './auth-model.ts';
import type { NewPasswordForm } from './auth-model.ts';
import { useAccountArea } from './account-area.ts';
import { removeHashFromAddressBar, tokenFromHash } from './link-token.ts';

const FIELDS = ['newPassword', 'confirmPassword'] as const;
// The API names the chosen password `password`.
const ALIASES = { password: 'newPassword' } as const;

/** The link cannot be used: unknown, expired, used, or its token is gone from the address. */
function LinkProblem({ message }: { message: string }) {
  const { canEnroll } = useAccountArea();
  return (
    <AuthCard title="This link cannot be used" links={[LINKS.signIn]}>
      <Text role="alert" style={{ overflowWrap: 'anywhere' }}>
        {message}
      </Text>
      <Text size="sm">{canEnroll ? 'Ask for a new link, or enroll again:' : 'Ask for a new link:'}</Text>
      <Stack gap="sm">
        <Button component={Link} to={LINKS.forgotPassword.to}>
          {LINKS.forgotPassword.label}
        </Button>
        {canEnroll && (
          <Button component={Link} to={LINKS.enroll.to} variant="default">
            {LINKS.enroll.label}
          </Button>
        )}
      </Stack>
    </AuthCard>
  );
}

/**
 * Set your password (`set-password#token=...`), the page of the emailed enrollment and reset links. The token
 * comes from the fragment and leaves the address bar before anything else happens; "Save password" signs the
 * vendor in and lands on Apps.
 */
export function SetPasswordPage() {
  // Read during the first render (a pure read; StrictMode's second call reads the same) and kept in state.
  const [token] = useState(() => tokenFromHash(window.location.hash));
  // Before the browser paints: the token never shows in the address bar, the history or a bookmark.
  useLayoutEffect(() => removeHashFromAddressBar(window.location, window.history), []);
  const navigate = useNavigate();
  const { home } = useAccountArea();
  const setPassword = useSetPassword();
  const { bindForm, onInvalid, showServerErrors, summaryError } = useFormErrors(FIELDS, ALIASES);
  const form = useForm<NewPasswordForm>({
    mode: 'controlled',
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: (values) => newPasswordErrors(values),
  });

  if (token === undefined)
    return (
      <LinkProblem message="This page needs the link from your email, in full. Open the link in the email again (copy all of it if it is split over two lines)." />
    );
  const error = setPassword.error;
  if (error instanceof ApiError && error.code === 'link_invalid') return <LinkProblem message={error.message} />;

  const submit = (values: NewPasswordForm) =>
    setPassword.mutate(
      { token, password: values.newPassword },
      {
        onSuccess: (session) => {
          notifications.show({
            color: 'teal',
            title: 'Password saved',
            message: `You are signed in as ${session.account.email}.`,
          });
          void navigate(home, { replace: true });
        },
        onError: (failure) => showServerErrors(form, failure),
      },
    );

  return (
    <AuthCard title="Set your password" description="Choose the password you will sign in with.">
      <form ref={bindForm} onSubmit={form.onSubmit(submit, onInvalid)} noValidate aria-busy={setPassword.isPending}>
        <Stack gap="md">
          <NewPasswordFields inputProps={form.getInputProps} policy={PASSWORD_POLICY} />
          {setPassword.isError && (
            <ErrorAlert error={summaryError(error)} title="Your password was not saved" withFields />
          )}
          <Button type="submit" loading={setPassword.isPending} fullWidth>
            Save password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
