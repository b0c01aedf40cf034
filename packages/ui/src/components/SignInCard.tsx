import { Button, Card, Center, Code, Divider, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock, IconLogin } from '@tabler/icons-react';
import { SIGN_IN_FORM, signInNext } from './sign-in-form.ts';

/**
 * The whole-page card shown when the management API answers 401 (no session, or it expired): sign in with the
 * printed link, or paste the management token. The pasted token is posted (form body to `POST /login`), never
 * put in the address bar; the server sets the session cookie and sends the browser back to this page.
 */
export function SignInCard() {
  const next = signInNext(window.location);
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
        <Divider my="md" label="or" labelPosition="center" />
        <form method={SIGN_IN_FORM.method} action={SIGN_IN_FORM.action} aria-label="Sign in with the management token">
          <Stack gap="sm">
            <PasswordInput
              label="Paste the management token"
              name={SIGN_IN_FORM.tokenField}
              autoComplete="off"
              spellCheck={false}
              required
            />
            {next !== undefined && <input type="hidden" name={SIGN_IN_FORM.nextField} value={next} />}
            <Button type="submit" leftSection={<IconLogin size={16} aria-hidden />}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
