import { Badge, Box, Container, Group, UnstyledButton } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { BrandMark, brandClass } from '../components/Brand.tsx';
import { useRuntimeConfig } from '../config-context.ts';
import { useAccountArea } from '../pages/auth/account-area.ts';

/**
 * The frame of the public account pages (enrollment, sign-in, passwords): the plan's name on top and one
 * narrow column, which is the whole layout at phone width.
 */
export function PublicLayout() {
  const { planName } = useRuntimeConfig();
  const area = useAccountArea();
  return (
    <Box bg="gray.0" mih="100dvh">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group h={60} px="md" gap="sm" wrap="nowrap">
          <UnstyledButton component={Link} to="/sign-in" className={brandClass}>
            <BrandMark name={`${planName} ${area.brand}`} />
          </UnstyledButton>
          <Badge variant="light" color="teal" visibleFrom="xs">
            {area.badge}
          </Badge>
        </Group>
      </Box>
      <Container component="main" id="main" size={520} px={{ base: 'sm', sm: 'md' }} py={{ base: 'md', sm: 40 }}>
        <Outlet />
      </Container>
    </Box>
  );
}
