import { Alert, Badge, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { OAUTH_TYPE_LABELS } from '../../api/index.ts';

export interface OAuthTypeFieldProps {
  value: 'secret' | 'pkce';
  onChange(value: 'secret' | 'pkce'): void;
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
] as const;

/** Client OAuth Type: PKCE (recommended) or a client secret, with the warning about keeping a secret. */
export function OAuthTypeField({ value, onChange, error }: OAuthTypeFieldProps) {
  return (
    <Stack gap="xs">
      <Radio.Group
        label="Client OAuth Type"
        description="Authorization Code + PKCE is recommended."
        value={value}
        onChange={(next) => onChange(next === 'secret' ? 'secret' : 'pkce')}
        error={error}
        name="oauthType"
        withAsterisk
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
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
        color={value === 'secret' ? 'yellow' : 'gray'}
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden />}
        p="sm"
      >
        <Text size="sm">
          Pick Authorization Code + Secret only if your app can keep the secret confidential: a server-side app. Browser
          and mobile apps cannot keep a secret; use Authorization Code + PKCE, the recommended choice.
        </Text>
      </Alert>
    </Stack>
  );
}
