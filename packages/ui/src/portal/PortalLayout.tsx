import { Anchor, Avatar, Box, Button, Container, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogin } from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useSession, useSignOut } from '../api/session.ts';
import { BrandMark, brandClass } from '../components/Brand.tsx';
import { SignOutButton } from '../components/SignOutButton.tsx';
import { useRuntimeConfig } from '../config-context.ts';
import { signInPathFor } from '../pages/auth/next-path.ts';
import { initials } from '../components/initials.ts';

/** Where the hosted developer sandbox lives on the plan's server (DESIGN "HTTP surface"). */
export const DEVELOPER_PATH = '/developer';

/** The header's right end: Sign in, or the member's name, a link to the account and Sign out. */
function HeaderAccount() {
  const session = useSession();
  const signOut = useSignOut();
  const location = useLocation();
  if (session.isPending) return null;
  const member = session.data?.kind === 'member' ? session.data.account : undefined;
  if (member === undefined) {
    if (location.pathname === '/sign-in') return null;
    // From an app's page, come back to it after signing in; from the gallery, go to the account.
    const to = location.pathname.startsWith('/apps/') ? signInPathFor(location) : '/sign-in';
    return (
      <Button
        component={Link}
        to={to}
        size="compact-md"
        variant="light"
        leftSection={<IconLogin size={16} aria-hidden />}
      >
        Sign in
      </Button>
    );
  }
  const name = member.name || member.email;
  const onSignOut = () =>
    signOut.mutate(undefined, {
      // A full load of the gallery drops everything the member had in memory.
      onSuccess: () => window.location.assign('/'),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'You were not signed out', message: errorMessage(error) }),
    });
  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <Anchor component={Link} to="/account" underline="never" c="inherit" miw={0} aria-label={`Your account: ${name}`}>
        <Group gap={8} wrap="nowrap" miw={0}>
          <Avatar size={30} radius="xl" color="indigo" aria-hidden>
            {initials(name)}
          </Avatar>
          <Text size="sm" fw={500} visibleFrom="sm" truncate maw={200} title={member.email}>
            {name}
          </Text>
        </Group>
      </Anchor>
      <SignOutButton busy={signOut.isPending} onSignOut={onSignOut} />
    </Group>
  );
}

/**
 * The member portal's frame at every width: the plan's name (back to the gallery) and the account on top, the
 * page, and a footer with the way in for app vendors. One column on a phone.
 */
export function PortalLayout() {
  const { planName } = useRuntimeConfig();
  return (
    <Box bg="gray.0" mih="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" h={60} px="md">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to="/" className={brandClass} underline="never" c="inherit">
              <BrandMark name={planName} />
            </Anchor>
            <HeaderAccount />
          </Group>
        </Container>
      </Box>
      <Container
        component="main"
        id="main"
        size="lg"
        px="md"
        py={{ base: 'md', sm: 'xl' }}
        w="100%"
        style={{ flex: 1 }}
      >
        <Outlet />
      </Container>
      <Box component="footer" bg="white" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" px="md" py="md">
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              For app vendors
            </Text>
            <Text size="sm" c="dimmed">
              Building an app for {planName} members? Test it in our developer sandbox, then ask us to publish it here.
            </Text>
            <Group gap="lg" wrap="wrap">
              <Anchor href={`${DEVELOPER_PATH}/enroll`} size="sm">
                Vendor Enrollment to Sandbox
              </Anchor>
              <Anchor href={`${DEVELOPER_PATH}/sign-in`} size="sm">
                Developer sign in
              </Anchor>
            </Group>
          </Stack>
        </Container>
      </Box>
    </Box>
  );
}

/** The account pages (sign-in, register, passwords): one narrow column. */
export function NarrowColumn() {
  return (
    <Box maw={480} mx="auto">
      <Outlet />
    </Box>
  );
}
