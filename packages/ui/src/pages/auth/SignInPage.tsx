import { Alert, Button, Divider, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, isRateLimited } from '../../api/client.ts';
import { useSession, useSignIn } from '../../api/session.ts';
import { ErrorAlert } from '../../components/index.ts';
import { useRuntimeConfig } from '../../config-context.ts';
import { EmailField, PasswordField } from '../../forms/fields.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { AuthCard, LINKS, accountLinks } from './AuthCard.tsx';
import { signInErrors, signInQueryError } from './auth-model.ts';
import { useAccountArea } from './account-area.ts';
import { safeNextPath } from './next-path.ts';

interface SignInForm {
  email: string;
  password: string;
}

const FIELDS = ['email', 'password'] as const;

/** The alert of a failed sign-in: a wrong email or password says only that (never which of the two). */
function SignInError({ error, summary }: { error: unknown; summary: unknown }) {
  if (error instanceof ApiError && error.status === 401)
    return (
      <ErrorAlert error={new ApiError(401, error.code, 'Email or password is wrong.')} title="You are not signed in" />
    );
  return (
    <ErrorAlert
      error={summary}
      title={isRateLimited(error) ? 'Too many attempts' : 'You are not signed in'}
      withFields
    />
  );
}

/**
 * Sign in (`sign-in`): email and password; afterwards back to the page the vendor (or reviewer) was on (`?next=`)
 * or the area's home (Apps, Requests).
 */
export function SignInPage() {
  const { basePath, memberOidc } = useRuntimeConfig();
  const [params] = useSearchParams();
  const area = useAccountArea();
  const queryError = signInQueryError(params.get('error'));
  // The plan's OpenID Connect sign-in is for members only (a full page load: the server redirects to the IdP).
  const oidc = area.kind === 'member' ? memberOidc : undefined;
  const next = safeNextPath(params.get('next'), basePath, area.home);
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const { bindForm, onInvalid, showServerErrors, summaryError } = useFormErrors(FIELDS);
  const form = useForm<SignInForm>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: (values) => signInErrors(values),
  });

  // Already signed in (a bookmark, the back button): go on.
  if (session.data?.kind === area.kind && !signIn.isPending) return <Navigate to={next} replace />;

  const submit = (values: SignInForm) =>
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        onError: (error) => {
          showServerErrors(form, error);
          form.setFieldValue('password', '');
        },
      },
    );

  return (
    <AuthCard
      title="Sign in"
      description={`Sign in to ${area.name} with the password you set from the emailed link.`}
      links={accountLinks(LINKS.forgotPassword, area)}
    >
      {queryError !== undefined && !signIn.isPending && !signIn.isError && (
        <Alert
          color="red"
          variant="light"
          title={queryError.title}
          icon={<IconAlertTriangle aria-hidden />}
          role="alert"
        >
          {queryError.message}
        </Alert>
      )}
      {oidc !== undefined && (
        <>
          <Button component="a" href="/account/oidc/start" variant="default" fullWidth>
            {oidc.label}
          </Button>
          <Divider label="or with your email" labelPosition="center" />
        </>
      )}
      <form ref={bindForm} onSubmit={form.onSubmit(submit, onInvalid)} noValidate aria-busy={signIn.isPending}>
        <Stack gap="md">
          <EmailField autoComplete="username" {...form.getInputProps('email')} />
          <PasswordField label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
          {signIn.isError && <SignInError error={signIn.error} summary={summaryError(signIn.error)} />}
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
