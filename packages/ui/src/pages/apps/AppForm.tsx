import { Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, useCreateApp, useUpdateApp } from '../../api/index.ts';
import type { AppRecord } from '../../api/index.ts';
import { ErrorAlert, Section } from '../../components/index.ts';
import {
  appInputFromForm,
  credentialsCopy,
  emptyAppForm,
  formValuesFromApp,
  mapAppFieldErrors,
  saveErrorSummary,
} from './app-form-model.ts';
import type { AppFormValues } from './app-form-model.ts';
import { pendingUpdateMessage } from '../production/production-model.ts';
import { CredentialsSection } from './CredentialsSection.tsx';
import { OAuthTypeField } from './OAuthTypeField.tsx';

export interface AppFormProps {
  /** The app being edited; undefined for New Application. */
  app: AppRecord | undefined;
  /** Extra buttons beside Save (Delete on edit). */
  extraActions?: ReactNode;
  /**
   * What comes before the form (App Status on edit), given whether the form has unsaved changes. It stays
   * outside the <form>: a modal's form there would otherwise submit this one too (React events bubble through
   * portals).
   */
  before?: (dirty: boolean) => ReactNode;
}

const URL_PLACEHOLDER = 'https://';

/** Inputs that hold URLs or JSON, one character per column. */
const MONOSPACE = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** The App form: every field of an app, saved with POST (new) or PUT (edit); server errors beside their field. */
export function AppForm({ app, extraActions, before }: AppFormProps) {
  const navigate = useNavigate();
  const create = useCreateApp();
  const update = useUpdateApp(app?.id ?? '');
  const saving = create.isPending || update.isPending;
  const [saveError, setSaveError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // After a failed save, take keyboard and screen reader users to the first field to fix (Mantine marks it
  // aria-invalid once the errors have rendered).
  useEffect(() => {
    if (saveError !== null) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [saveError]);
  const form = useForm<AppFormValues>({
    mode: 'controlled',
    initialValues: app === undefined ? emptyAppForm() : formValuesFromApp(app),
  });

  const save = (values: AppFormValues) => {
    setSaveError(null);
    const input = appInputFromForm(values);
    const onError = (error: unknown) => {
      setSaveError(error);
      if (error instanceof ApiError) form.setErrors(mapAppFieldErrors(error.fields).fieldErrors);
    };
    const onSuccess = (saved: AppRecord) => {
      const pendingUpdate = app === undefined ? undefined : pendingUpdateMessage(saved);
      notifications.show({
        color: 'teal',
        title: 'Application saved',
        message:
          app === undefined
            ? `${saved.name} is registered; its client ID is ready.`
            : (pendingUpdate ?? `${saved.name} is up to date.`),
      });
      if (app === undefined) void navigate(`/apps/${encodeURIComponent(saved.id)}`, { replace: true });
      else {
        const next = formValuesFromApp(saved);
        form.setValues(next);
        form.resetDirty(next);
      }
    };
    if (app === undefined) create.mutate(input, { onSuccess, onError });
    else update.mutate(input, { onSuccess, onError });
  };

  const unmatched = saveError instanceof ApiError ? mapAppFieldErrors(saveError.fields).unmatched : {};
  const summary =
    saveError instanceof ApiError
      ? new ApiError(saveError.status, saveError.code, saveErrorSummary(saveError.fields, saveError.message), unmatched)
      : saveError;

  return (
    <Stack gap="md">
      {before?.(form.isDirty())}
      <form ref={formRef} onSubmit={form.onSubmit(save)} noValidate aria-busy={saving}>
        <Stack gap="md">
          <Section title="Credentials" description={credentialsCopy(app, form.values.oauthType).description}>
            <CredentialsSection app={app} oauthType={form.values.oauthType} />
          </Section>
          <Section title="Application" description="What members see when they sign in and consent.">
            <TextInput label="Application Name" withAsterisk maxLength={100} {...form.getInputProps('name')} />
            <OAuthTypeField
              value={form.values.oauthType}
              onChange={(value) => form.setFieldValue('oauthType', value)}
              error={form.errors.oauthType as string | undefined}
            />
            {form.values.oauthType === 'private_key_jwt' && (
              <>
                <TextInput
                  label="JWKS URL"
                  description="Where your server publishes its public keys (https). Or paste the JWKS below instead."
                  placeholder="https://app.example.com/.well-known/jwks.json"
                  type="url"
                  {...form.getInputProps('jwksUri')}
                />
                <Textarea
                  label="JWKS"
                  description='The public keys (RS384 or ES384) as JSON: {"keys": [...]}. Never paste the private key.'
                  placeholder='{"keys": [{"kty": "EC", "crv": "P-384", "x": "...", "y": "...", "kid": "..."}]}'
                  autosize
                  minRows={3}
                  maxRows={12}
                  spellCheck={false}
                  styles={MONOSPACE}
                  {...form.getInputProps('jwks')}
                />
              </>
            )}
            <Textarea
              label="Redirect URL"
              description="One URL per line: the exact URLs your app receives the authorization code at."
              placeholder="https://app.example.com/callback"
              withAsterisk
              autosize
              minRows={2}
              maxRows={10}
              spellCheck={false}
              styles={MONOSPACE}
              {...form.getInputProps('redirectUris')}
            />
            <TextInput
              label="Launch URL"
              description="The page of your app that receives iss and launch (needed for Launch App)."
              placeholder="https://app.example.com/launch"
              type="url"
              {...form.getInputProps('launchUrl')}
            />
            <TextInput label="Logo URL" placeholder={URL_PLACEHOLDER} type="url" {...form.getInputProps('logoUrl')} />
            <Textarea
              label="Description"
              autosize
              minRows={3}
              maxRows={8}
              maxLength={2000}
              {...form.getInputProps('description')}
            />
          </Section>
          <Section title="Organization" description="Who publishes the app, and its policies.">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label="Organization/Company Name"
                maxLength={200}
                {...form.getInputProps('organizationName')}
              />
              <TextInput
                label="Organization/Company Website URL"
                placeholder={URL_PLACEHOLDER}
                type="url"
                {...form.getInputProps('organizationUrl')}
              />
              <TextInput
                label="Privacy Policy URL"
                placeholder={URL_PLACEHOLDER}
                type="url"
                {...form.getInputProps('privacyPolicyUrl')}
              />
              <TextInput
                label="Security Policy URL"
                placeholder={URL_PLACEHOLDER}
                type="url"
                {...form.getInputProps('securityPolicyUrl')}
              />
              <TextInput
                label="Terms of Service URL"
                placeholder={URL_PLACEHOLDER}
                type="url"
                {...form.getInputProps('termsOfServiceUrl')}
              />
            </SimpleGrid>
          </Section>
          {saveError !== null && (
            <ErrorAlert
              error={summary}
              title="The application was not saved"
              withFields={Object.keys(unmatched).length > 0}
            />
          )}
          <Group justify="space-between" gap="sm">
            <Group gap="sm">{extraActions}</Group>
            <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={18} aria-hidden />} size="md">
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
