import { Anchor, Badge, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useVendor } from '../../api/index.ts';
import { ErrorAlert, Section } from '../../components/index.ts';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

const NOT_SET = (
  <Text span c="dimmed" size="sm">
    Not set
  </Text>
);

/** Profile: who the vendor enrolled as (name, email, organization). */
export function ProfileSection() {
  const vendor = useVendor();
  let body;
  if (vendor.isPending)
    body = (
      <Stack gap="xs" role="status" aria-label="Loading your profile">
        <Skeleton height={14} width="50%" />
        <Skeleton height={14} width="70%" />
        <Skeleton height={14} width="40%" />
      </Stack>
    );
  else if (vendor.isError)
    body = (
      <ErrorAlert error={vendor.error} title="Your profile could not be loaded" onRetry={() => void vendor.refetch()} />
    );
  else {
    const account = vendor.data;
    body = (
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" m={0}>
        <Item label="Name">{account.name}</Item>
        <Item label="Email">{account.email}</Item>
        <Item label="Organization">{account.organizationName ?? NOT_SET}</Item>
        <Item label="Website">
          {account.organizationUrl !== undefined ? (
            <Anchor href={account.organizationUrl} target="_blank" rel="noreferrer" size="sm">
              {account.organizationUrl}
            </Anchor>
          ) : (
            NOT_SET
          )}
        </Item>
        <Item label="Phone">{account.phone ?? NOT_SET}</Item>
        <Item label="Status">
          <Badge variant="light" color={account.status === 'active' ? 'teal' : 'yellow'}>
            {account.status === 'active' ? 'Active' : 'Pending'}
          </Badge>
        </Item>
      </SimpleGrid>
    );
  }
  return (
    <Section title="Profile" description="What you entered when you enrolled.">
      {body}
    </Section>
  );
}
