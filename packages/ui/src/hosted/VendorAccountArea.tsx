import { Avatar, Group, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { errorMessage, useSession, useSignOut } from '../api/index.ts';
import { SignOutButton } from '../components/SignOutButton.tsx';
import { appHref } from '../config.ts';
import { useRuntimeConfig } from '../config-context.ts';
import { initials } from '../components/initials.ts';

/**
 * The header's right end in the hosted sandbox: the vendor's name (a link to Account; initials at phone width)
 * and Sign out (DELETE /api/session, then a fresh load of the Sign in page).
 */
export function VendorAccountArea() {
  const session = useSession();
  const signOut = useSignOut();
  const { basePath } = useRuntimeConfig();
  const name = session.data?.account.name ?? '';
  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => window.location.assign(appHref(basePath, '/sign-in')),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'You were not signed out', message: errorMessage(error) }),
    });
  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <UnstyledButton
        component={Link}
        to="/account"
        aria-label={`Signed in as ${name}`}
        style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0, borderRadius: 'var(--mantine-radius-md)' }}
      >
        <Avatar size={30} radius="xl" color="indigo" aria-hidden>
          {initials(name)}
        </Avatar>
        <Text size="sm" fw={500} visibleFrom="sm" truncate maw={200}>
          {name}
        </Text>
      </UnstyledButton>
      <SignOutButton busy={signOut.isPending} onSignOut={onSignOut} />
    </Group>
  );
}
