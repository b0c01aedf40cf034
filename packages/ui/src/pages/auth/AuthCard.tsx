import { Anchor, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface AuthCardProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Links to the other account pages, under a rule. */
  links?: readonly { to: string; label: string }[];
}

/** One public account page: its title (the page's h1), a short explanation, the form, and where else to go. */
export function AuthCard({ title, description, children, links = [] }: AuthCardProps) {
  return (
    <Card shadow="sm" padding="xl" px={{ base: 'md', sm: 'xl' }}>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {description !== undefined && (
            <Text c="dimmed" size="sm" mt={6}>
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
      {links.length > 0 && (
        <>
          <Divider my="lg" />
          <Group component="nav" aria-label="Account pages" gap="lg" justify="center" wrap="wrap">
            {links.map((link) => (
              <Anchor key={link.to} component={Link} to={link.to} size="sm">
                {link.label}
              </Anchor>
            ))}
          </Group>
        </>
      )}
    </Card>
  );
}

/** The account pages' links, with the seed's words. */
export const LINKS = {
  signIn: { to: '/sign-in', label: 'Sign in' },
  forgotPassword: { to: '/forgot-password', label: 'Forgot password' },
  enroll: { to: '/enroll', label: 'Vendor Enrollment to Sandbox' },
  register: { to: '/register', label: 'Register' },
} as const;

/** The links under an account page of an area: Sign in or Forgot password, then how to get an account. */
export function accountLinks(
  first: { to: string; label: string },
  area: { canEnroll: boolean; canRegister: boolean },
): { to: string; label: string }[] {
  return [first, ...(area.canEnroll ? [LINKS.enroll] : []), ...(area.canRegister ? [LINKS.register] : [])];
}
