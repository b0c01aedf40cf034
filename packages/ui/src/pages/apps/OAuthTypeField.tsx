import { Alert, Badge, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { OAUTH_TYPE_LABELS } from '../../api/index.ts';
import type { OAuthType } from '../../api/index.ts';

export interface OAuthTypeFieldProps {
  value: OAuthType;
  onChange(value: OAuthType): void;
  error?: string | undefined;
}

const OPTIONS = [
  {
    value: 'pkce',
    description: 'For browser, mobile and desktop apps: no secret to keep, each sign-in proves itself with PKCE.',
    recommended: true,
  },
  {
    value: 'secret',
    description: 'For an app whose server keeps a client secret that no user can see.',
    recommended: false,
  },
  {
    value: 'private_key_jwt',
    description:
      'For an app whose server signs each token request with its private key (RS384 or ES384); you register only the public keys.',
    recommended: false,
  },
] as const;

const isOAuthType = (value: string): value is OAuthType => OPTIONS.some((option) => option.value === value);

/**
 * Client OAuth Type: PKCE (recommended), a client secret or a private key JWT, with the warning about keeping a
 * secret.
 */
export function OAuthTypeField({ value, onChange, error }: OAuthTypeFieldProps) {
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Client OAuth Type"
        description="Authorization Code + PKCE is recommended."
        value={value}
        onChange={(next) => onChange(isOAuthType(next) ? next : 'pkce')}
        error={error}
        name="oauthType"
        withAsterisk
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="xs">
          {OPTIONS.map((option) => (
            <Radio.Card key={option.value} value={option.value} p="md" radius="md">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <Stack gap={4}>
                  <Group gap={6}>
                    <Text fw={600} size="sm">
                      {OAUTH_TYPE_LABELS[option.value]}
                    </Text>
                    {option.recommended && (
                      <Badge size="xs" color="teal" variant="light">
                        Recommended
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {option.description}
                  </Text>
                </Stack>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      <Alert
        color={value === 'pkce' ? 'gray' : 'yellow'}
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        p="sm"
      >
        <Text size="sm">
          Pick Authorization Code + Secret or Authorization Code + Private Key JWT only if your app can keep the secret
          or private key confidential: a server-side app. Browser and mobile apps cannot keep either; use Authorization
          Code + PKCE, the recommended choice.
        </Text>
      </Alert>
    </Stack>
  );
}
