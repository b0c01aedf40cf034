import { Button, Card, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession, useSignOut } from '../api/index.ts';
import { ErrorAlert } from '../components/index.ts';
import { appHref } from '../config.ts';
import { useRuntimeConfig } from '../config-context.ts';
import { signInPathFor } from '../pages/auth/next-path.ts';

/** A whole-page box for the states before the shell can show. */
function Whole({ children }: { children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md" bg="gray.0" component="main">
      <Card maw={480} w="100%" shadow="sm">
        {children}
      </Card>
    </Center>
  );
}

/** Someone other than a vendor (a reviewer, a member) signed in: the developer sandbox is not theirs. */
function NotAVendor({ kind }: { kind: string }) {
  const signOut = useSignOut();
  const { basePath } = useRuntimeConfig();
  return (
    <Whole>
      <Stack gap="sm">
        <Title order={1} size="h3">
          This is the developer sandbox
        </Title>
        <Text size="sm">
          You are signed in with a {kind} account. The developer sandbox is for app vendors: sign out, then sign in with
          your vendor account.
        </Text>
        {signOut.isError && <ErrorAlert error={signOut.error} title="You were not signed out" />}
        <Button
          loading={signOut.isPending}
          onClick={() =>
            signOut.mutate(undefined, { onSuccess: () => window.location.assign(appHref(basePath, '/sign-in')) })
          }
        >
          Sign out
        </Button>
      </Stack>
    </Whole>
  );
}

/**
 * The gate of the vendor's pages: while the session loads, a spinner; without one, Sign in (which brings the
 * vendor back to this page afterwards); with a vendor's session, the pages.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending)
    return (
      <Center mih="100dvh" bg="gray.0" role="status" aria-label="Loading your session">
        <Loader />
      </Center>
    );
  if (session.isError)
    return (
      <Whole>
        <ErrorAlert
          error={session.error}
          title="Your session could not be checked"
          onRetry={() => void session.refetch()}
        />
      </Whole>
    );
  if (session.data === null) return <Navigate to={signInPathFor(location)} replace />;
  if (session.data.kind !== 'vendor') return <NotAVendor kind={session.data.kind} />;
  return <Outlet />;
}
