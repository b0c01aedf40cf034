import { SimpleGrid } from '@mantine/core';
import type { AppRecord, OAuthType } from '../../api/index.ts';
import { CopyField, SecretField } from '../../components/index.ts';
import { credentialsCopy } from './app-form-model.ts';

export interface CredentialsSectionProps {
  /** The saved app (undefined before the first save). */
  app: AppRecord | undefined;
  /** The OAuth type chosen in the form (it may differ from the saved one until Save). */
  oauthType: OAuthType;
}

/** Client ID and Client Secret: assigned by the sandbox on the first save, read-only, with copy and reveal. */
export function CredentialsSection({ app, oauthType }: CredentialsSectionProps) {
  const copy = credentialsCopy(app, oauthType);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <CopyField
        label="Client ID"
        shortName="ID"
        value={app?.clientId ?? ''}
        placeholder={copy.clientIdHint}
        description="Send it as client_id."
      />
      <SecretField
        label="Client Secret"
        shortName="secret"
        value={oauthType === 'secret' ? (app?.clientSecret ?? '') : ''}
        placeholder={copy.secretHint}
        description={
          oauthType === 'secret'
            ? 'Keep it on your server; send it to the token endpoint.'
            : 'Only Authorization Code + Secret apps get one.'
        }
      />
    </SimpleGrid>
  );
}
