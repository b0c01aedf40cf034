import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useState } from 'react';

/** Ends the session (POST /logout) and reloads, which shows the sign-in card. */
export function SignOutButton() {
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
  return (
    <>
      <Button
        variant="subtle"
        color="gray"
        size="compact-sm"
        leftSection={<IconLogout size={16} aria-hidden />}
        loading={busy}
        onClick={() => void signOut()}
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
          onClick={() => void signOut()}
          hiddenFrom="xs"
        >
          <IconLogout size={18} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}
