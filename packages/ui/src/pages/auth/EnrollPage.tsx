import { Button, Checkbox, List, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { isRateLimited, useEnrollVendor } from '../../api/index.ts';
import { ErrorAlert } from '../../components/index.ts';
import { EmailField } from '../../forms/fields.tsx';
import { useFormErrors } from '../../forms/useFormErrors.ts';
import { AuthCard, LINKS } from './AuthCard.tsx';
import { emptyEnrollment, ENROLLMENT_FIELDS, enrollmentErrors, enrollmentInput } from './auth-model.ts';
import type { EnrollmentForm } from './auth-model.ts';

/** What the checkbox accepts: the sandbox's terms of use, in short. */
function TermsOfUse() {
  return (
    <Paper withBorder p="sm" bg="gray.0" component="section" aria-label="Terms of use">
      <Text size="sm" fw={600}>
        Terms of use
      </Text>
      <List size="sm" spacing={2} mt={4}>
        <List.Item>The sandbox holds synthetic data only: never load real member or patient data.</List.Item>
        <List.Item>Keep your password, client secrets and API keys to yourself.</List.Item>
        <List.Item>The plan may suspend an account or an app that misuses the sandbox.</List.Item>
      </List>
    </Paper>
  );
}

/**
 * "Vendor Enrollment to Sandbox" (`enroll`): the vendor and their organization; "Submit" asks for an email with
 * a link to set the password, then shows `enroll/sent`.
 */
export function EnrollPage() {
  const navigate = useNavigate();
  const enroll = useEnrollVendor();
  const { bindForm, onInvalid, showServerErrors, summaryError } = useFormErrors(ENROLLMENT_FIELDS);
  const form = useForm<EnrollmentForm>({
    mode: 'controlled',
    initialValues: emptyEnrollment(),
    validate: (values) => enrollmentErrors(values),
  });

  const submit = (values: EnrollmentForm) => {
    const input = enrollmentInput(values);
    enroll.mutate(input, {
      onSuccess: () => void navigate('/enroll/sent', { state: { email: input.email } }),
      onError: (error) => showServerErrors(form, error),
    });
  };

  return (
    <AuthCard
      title="Vendor Enrollment to Sandbox"
      description="Tell us about you and your organization. We will email you a link to set your password; then you can register your apps and test them against synthetic members."
      links={[LINKS.signIn]}
    >
      <form ref={bindForm} onSubmit={form.onSubmit(submit, onInvalid)} noValidate aria-busy={enroll.isPending}>
        <Stack gap="md">
          <TextInput
            label="Name"
            autoComplete="name"
            required
            withAsterisk={false}
            maxLength={100}
            {...form.getInputProps('name')}
          />
          <EmailField placeholder="dev@app.example" {...form.getInputProps('email')} />
          <TextInput
            label="Organization/Company Name"
            autoComplete="organization"
            required
            withAsterisk={false}
            maxLength={200}
            {...form.getInputProps('organizationName')}
          />
          <TextInput
            label="Organization/Company Website URL"
            type="url"
            autoComplete="url"
            placeholder="https://"
            required
            withAsterisk={false}
            maxLength={2000}
            {...form.getInputProps('organizationUrl')}
          />
          <TextInput
            label="Phone"
            type="tel"
            autoComplete="tel"
            placeholder="+1 555 010 0100"
            required
            withAsterisk={false}
            maxLength={30}
            {...form.getInputProps('phone')}
          />
          <TermsOfUse />
          <Checkbox label="I accept the terms of use" {...form.getInputProps('acceptTerms', { type: 'checkbox' })} />
          {enroll.isError && (
            <ErrorAlert
              error={summaryError(enroll.error)}
              title={isRateLimited(enroll.error) ? 'Too many enrollments' : 'Your enrollment was not sent'}
              withFields
            />
          )}
          <Button type="submit" loading={enroll.isPending} fullWidth>
            Submit
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
