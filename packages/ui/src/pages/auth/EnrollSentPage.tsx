import { Anchor } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { AuthCard, LINKS } from './AuthCard.tsx';
import { CheckEmail } from './CheckEmail.tsx';

/** The address the enrollment went to, if the page was reached from the form (history state survives a reload). */
function sentTo(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const email = (state as { email?: unknown }).email;
  return typeof email === 'string' && email !== '' ? email : undefined;
}

/** `enroll/sent` ("Check your email"): what happens next after Vendor Enrollment to Sandbox. */
export function EnrollSentPage() {
  const email = sentTo(useLocation().state);
  return (
    <AuthCard title="Check your email" links={[LINKS.signIn]}>
      <CheckEmail
        sent={
          <>
            If {email !== undefined ? <b style={{ overflowWrap: 'anywhere' }}>{email}</b> : 'the address'} can enroll,
            we sent it a link to finish your enrollment and set your password.
          </>
        }
        retry={
          <>
            <Anchor component={Link} to="/enroll" size="sm">
              Enroll again
            </Anchor>
            . Enrolled before? Use{' '}
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot password
            </Anchor>{' '}
            instead.
          </>
        }
      />
    </AuthCard>
  );
}
