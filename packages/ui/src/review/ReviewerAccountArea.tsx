import { Avatar, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage, useSession, useSignOut } from '../api/index.ts';
import { SignOutButton } from '../components/SignOutButton.tsx';
import { appHref } from '../config.ts';
import { useRuntimeConfig } from '../config-context.ts';
import { initials } from '../components/initials.ts';

/** The header's right end in the review area: the reviewer's name (initials at phone width) and Sign out. */
export function ReviewerAccountArea() {
  const session = useSession();
  const signOut = useSignOut();
  const { basePath } = useRuntimeConfig();
  const name = session.data?.account.name ?? '';
  const email = session.data?.account.email ?? '';
  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSuccess: () => window.location.assign(appHref(basePath, '/sign-in')),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'You were not signed out', message: errorMessage(error) }),
    });
  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <Group gap={8} wrap="nowrap" miw={0} aria-label={`Signed in as ${name || email}`} role="group">
        <Avatar size={30} radius="xl" color="grape" aria-hidden>
          {initials(name || email)}
        </Avatar>
        <Text size="sm" fw={500} visibleFrom="sm" truncate maw={200} title={email}>
          {name || email}
        </Text>
      </Group>
      <SignOutButton busy={signOut.isPending} onSignOut={onSignOut} />
    </Group>
  );
}
