import { Card, Center, Code, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

/** The whole-page card shown when the management API answers 401 (no session, or it expired). */
export function SignInCard() {
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Card maw={440} w="100%" shadow="sm" component="main">
        <Stack align="center" gap="md" ta="center">
          <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
            <IconLock size={26} />
          </ThemeIcon>
          <Title order={1} size="h3">
            Plan API Sandbox
          </Title>
          <Text>
            Sign in with the link printed by <Code>pnpm sandbox</Code>
          </Text>
          <Text size="sm" c="dimmed">
            The link (<Code>/login?token=…</Code>) starts a session in this browser. Lost it? Run{' '}
            <Code>pnpm sandbox</Code> again: it prints the link each time it starts.
          </Text>
        </Stack>
      </Card>
    </Center>
  );
}
