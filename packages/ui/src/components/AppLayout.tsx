import { AppShell, Badge, Burger, Group, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { NavLink as RouterNavLink, Outlet, Link, useLocation } from 'react-router';
import { useRuntimeConfig } from '../config-context.ts';
import { BrandMark, brandClass } from './Brand.tsx';
import type { NavItem } from './navigation.ts';
import classes from './AppLayout.module.css';

export interface AppLayoutProps {
  /** The pages of the navigation. */
  nav: readonly NavItem[];
  /** The right end of the header: who is signed in and Sign out. */
  accountArea: ReactNode;
  /** The header's title after the plan name and its badge (default "Sandbox", the developer sandbox). */
  brand?: string;
  /** The note at the foot of the navigation (default: the sandbox's synthetic data and management API). */
  footer?: ReactNode;
}

/**
 * The shell: header "<plan name> Sandbox" ("Plan API Sandbox" on the desktop), the navigation (a burger drawer
 * at phone width) and the page.
 */
export function AppLayout({ nav, accountArea, brand = 'Sandbox', footer }: AppLayoutProps) {
  const { planName } = useRuntimeConfig();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  // At phone width the closed navbar only slides off screen: make it inert so Tab does not wander into it.
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
      classNames={{ main: classes.main }}
    >
      <a className={classes.skipLink} href="#main">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/" onClick={close} className={brandClass}>
              <BrandMark name={`${planName} ${brand}`} />
            </UnstyledButton>
            <Badge variant="light" color="teal" visibleFrom="xs">
              {brand}
            </Badge>
          </Group>
          {accountArea}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" aria-label="Main navigation" inert={phone && !opened}>
        <AppShell.Section grow component={ScrollArea}>
          <nav>
            {nav.map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                label={item.label}
                leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
                active={item.match(pathname)}
                aria-current={item.match(pathname) ? 'page' : undefined}
                onClick={close}
                className={classes.navLink}
              />
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          {footer ?? (
            <Text size="xs" c="dimmed" px="sm" pb="xs">
              Synthetic data only. The{' '}
              <a href="/api/openapi.json" target="_blank" rel="noreferrer">
                management API
              </a>{' '}
              does everything this UI does.
            </Text>
          )}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <div className={classes.content}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
