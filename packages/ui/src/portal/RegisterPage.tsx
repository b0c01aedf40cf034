import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { isRateLimited } from '../api/client.ts';
import { useRegisterMember } from '../api/member.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { EmailField } from '../forms/fields.tsx';
import { useFormErrors } from '../forms/useFormErrors.ts';
import { AuthCard, LINKS } from '../pages/auth/AuthCard.tsx';
import { CheckEmail } from '../pages/auth/CheckEmail.tsx';
import { localIsoDay, registrationErrors, registrationInput, type RegistrationForm } from './portal-model.ts';

const FIELDS = ['memberId', 'birthDate', 'email'] as const;

/**
 * Register (`/register`): member ID, date of birth and email; the plan emails a link to set the password. The
 * answer is the same whether or not the member ID and date match, so the page never tells who is a member.
 */
export function RegisterPage() {
  const register = useRegisterMember();
  const { bindForm, onInvalid, showServerErrors, summaryError } = useFormErrors(FIELDS);
  const today = localIsoDay();
  const form = useForm<RegistrationForm>({
    mode: 'controlled',
    initialValues: { memberId: '', birthDate: '', email: '' },
    validate: (values) => registrationErrors(values, localIsoDay()),
  });

  if (register.isSuccess)
    return (
      <AuthCard title="Check your email" links={[LINKS.signIn]}>
        <CheckEmail
          sent={
            <>
              We sent a message to <b style={{ overflowWrap: 'anywhere' }}>{register.variables.email}</b>. If the member
              ID and date of birth match our records, it has a link to set your password.
            </>
          }
          retry={
            <Anchor component="button" type="button" size="sm" onClick={() => register.reset()}>
              Register again
            </Anchor>
          }
        />
      </AuthCard>
    );

  return (
    <AuthCard
      title="Register"
      description="Create your member account with the member ID on your plan card. We will email you a link to set your password."
      links={[LINKS.signIn, LINKS.forgotPassword]}
    >
      <form
        ref={bindForm}
        onSubmit={form.onSubmit(
          (values) => register.mutate(registrationInput(values), { onError: (error) => showServerErrors(form, error) }),
          onInvalid,
        )}
        noValidate
        aria-busy={register.isPending}
      >
        <Stack gap="md">
          <TextInput
            label="Member ID"
            description="As printed on your plan card"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            withAsterisk={false}
            maxLength={64}
            {...form.getInputProps('memberId')}
          />
          <TextInput
            label="Date of birth"
            type="date"
            autoComplete="bday"
            required
            withAsterisk={false}
            min="1900-01-01"
            max={today}
            {...form.getInputProps('birthDate')}
          />
          <EmailField {...form.getInputProps('email')} />
          {register.isError && (
            <ErrorAlert
              error={summaryError(register.error)}
              title={isRateLimited(register.error) ? 'Too many attempts' : 'You are not registered yet'}
              withFields
            />
          )}
          <Button type="submit" loading={register.isPending} fullWidth>
            Register
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
