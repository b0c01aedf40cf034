import { Stack, Text, Title } from '@mantine/core';
import { NavLink, Outlet } from 'react-router';
import { useSession } from '../api/session.ts';
import classes from './portal.module.css';

/** The member's pages, as tabs (links: each has its address). */
export const ACCOUNT_TABS = [
  { to: '/account/apps', label: 'Connected apps' },
  { to: '/account/history', label: 'Access history' },
  { to: '/account/data', label: 'My data' },
] as const;

/** The member's account (`/account/...`, signed in): a title, the tabs and the tab's page. */
export function MemberAccountLayout() {
  const session = useSession();
  const name = session.data?.account.name ?? '';
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          Your account
        </Title>
        {name !== '' && (
          <Text c="dimmed" size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
            Signed in as {name}
          </Text>
        )}
      </div>
      <nav aria-label="Your account" className={classes.tabs}>
        {ACCOUNT_TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} className={classes.tab}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </Stack>
  );
}
