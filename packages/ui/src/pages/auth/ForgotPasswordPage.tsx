import { Anchor, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { isRateLimited } from '../../api/client.ts';
import { useRequestPasswordReset } from '../../api/session.ts';
import { ErrorAlert } from '../../components/index.ts';
import { EmailField } from '../../forms/fields.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { AuthCard, LINKS, accountLinks } from './AuthCard.tsx';
import { useAccountArea } from './account-area.ts';
import { emailError } from './auth-model.ts';
import { CheckEmail } from './CheckEmail.tsx';

const FIELDS = ['email'] as const;

/**
 * Forgot password (`forgot-password`): "Send link" emails a set-password link. The confirmation is the same
 * whatever the address, so the page never tells which addresses have an account.
 */
export function ForgotPasswordPage() {
  const reset = useRequestPasswordReset();
  const area = useAccountArea();
  const { bindForm, onInvalid, showServerErrors, summaryError } = useFormErrors(FIELDS);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: emailError },
  });

  if (reset.isSuccess)
    return (
      <AuthCard title="Check your email" links={[LINKS.signIn]}>
        <CheckEmail
          sent={
            <>
              If <b style={{ overflowWrap: 'anywhere' }}>{reset.variables}</b> belongs to an account, we sent it a link
              to set a new password.
            </>
          }
          retry={
            <>
              <Anchor component="button" type="button" size="sm" onClick={() => reset.reset()}>
                Send another link
              </Anchor>
              .
              {area.canEnroll && (
                <>
                  {' '}
                  No account yet? Use{' '}
                  <Anchor component={Link} to="/enroll" size="sm">
                    Vendor Enrollment to Sandbox
                  </Anchor>
                  .
                </>
              )}
              {area.canRegister && (
                <>
                  {' '}
                  No account yet?{' '}
                  <Anchor component={Link} to={LINKS.register.to} size="sm">
                    Register
                  </Anchor>
                  .
                </>
              )}
            </>
          }
        />
      </AuthCard>
    );

  return (
    <AuthCard
      title="Forgot password"
      description={`Enter the email ${area.canEnroll ? 'you enrolled with' : 'of your account'}. We will send you a link to set a new password.`}
      links={accountLinks(LINKS.signIn, area)}
    >
      <form
        ref={bindForm}
        onSubmit={form.onSubmit(
          (values) => reset.mutate(values.email.trim(), { onError: (error) => showServerErrors(form, error) }),
          onInvalid,
        )}
        noValidate
        aria-busy={reset.isPending}
      >
        <Stack gap="md">
          <EmailField {...form.getInputProps('email')} />
          {reset.isError && (
            <ErrorAlert
              error={summaryError(reset.error)}
              title={isRateLimited(reset.error) ? 'Too many requests' : 'The link was not sent'}
              withFields
            />
          )}
          <Button type="submit" loading={reset.isPending} fullWidth>
            Send link
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
