import { Button, Card, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession, useSignOut } from '../api/session.ts';
import { ErrorAlert } from '../components/index.ts';
import { appHref } from '../config.ts';
import { useRuntimeConfig } from '../config-context.ts';
import { useAccountArea } from '../pages/auth/account-area.ts';
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

/** Someone of another kind (a reviewer, a member) signed in: this area is not theirs. */
function WrongKind({ kind }: { kind: string }) {
  const signOut = useSignOut();
  const { basePath } = useRuntimeConfig();
  const area = useAccountArea();
  return (
    <Whole>
      <Stack gap="sm">
        <Title order={1} size="h3">
          This is {area.name}
        </Title>
        <Text size="sm">
          You are signed in with a {kind} account. {area.name.replace(/^t/, 'T')} is for {area.audience}: sign out, then
          sign in with your {area.kind} account.
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
 * The gate of the vendor's (or, in the review area, the reviewer's) pages: while the session loads, a spinner; without one, Sign in (which brings the
 * vendor back to this page afterwards); with a vendor's session, the pages.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const area = useAccountArea();
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
  if (session.data.kind !== area.kind) return <WrongKind kind={session.data.kind} />;
  return <Outlet />;
}
