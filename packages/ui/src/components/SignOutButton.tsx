import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useState } from 'react';

export interface SignOutButtonProps {
  onSignOut: () => void;
  busy?: boolean;
}

/** "Sign out": a labelled button, an icon button at phone width (both named "Sign out"). */
export function SignOutButton({ onSignOut, busy = false }: SignOutButtonProps) {
  return (
    <>
      <Button
        variant="subtle"
        color="gray"
        size="compact-sm"
        leftSection={<IconLogout size={16} aria-hidden />}
        loading={busy}
        onClick={onSignOut}
        visibleFrom="xs"
      >
        Sign out
      </Button>
      <Tooltip label="Sign out">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label="Sign out"
          loading={busy}
          onClick={onSignOut}
          hiddenFrom="xs"
        >
          <IconLogout size={18} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}

/** The desktop sandbox's Sign out: ends the session (POST /logout) and reloads, which shows the sign-in card. */
export function LocalSignOutButton() {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    try {
      await fetch('/logout', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-Requested-With': 'plan-api' },
      });
    } finally {
      window.location.assign('/');
    }
  };
  return <SignOutButton busy={busy} onSignOut={() => void signOut()} />;
}
