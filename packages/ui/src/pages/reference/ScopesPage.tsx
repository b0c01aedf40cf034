import { Badge, Code, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { PageHeader, Section } from '../../components/index.ts';
import type { ScopeInfo } from './scopes-data.ts';
import { LISTED_SCOPES, OTHER_SCOPES } from './scopes-data.ts';

const WRAP = { overflowWrap: 'anywhere' } as const;

function ScopeRow({ info }: { info: ScopeInfo }) {
  return (
    <Stack gap={4} component="li" data-testid="scope" data-scope={info.scope} data-supported={info.supported}>
      <Group gap="xs" wrap="wrap">
        <Code fz="sm" style={WRAP}>
          {info.scope}
        </Code>
        <Badge
          color={info.supported ? 'teal' : 'gray'}
          variant="light"
          size="sm"
          leftSection={info.supported ? <IconCheck size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
        >
          {info.supported ? 'Supported' : 'Not supported'}
        </Badge>
      </Group>
      <Text size="sm" style={WRAP}>
        {info.grants}
      </Text>
    </Stack>
  );
}

function ScopeList({ scopes }: { scopes: readonly ScopeInfo[] }) {
  return (
    <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {scopes.map((info) => (
        <ScopeRow key={info.scope} info={info} />
      ))}
    </Stack>
  );
}

/**
 * The Scopes page (`/scopes`): each scope of the plan's published list, supported or not and what it grants in
 * plain words, then the SMART context scopes and the forms apps send that the list does not name.
 */
export function ScopesPage() {
  return (
    <>
      <PageHeader
        title="Scopes"
        description="What an app can ask for, and what each scope lets it do. Ask only for what your app needs: the member sees every scope on the consent page and can untick the resource types."
      />
      <Stack gap="md">
        <Section
          title="The plan's scopes"
          description="The Patient Access scopes the plan publishes. A scope not in this list is not a supported Patient Access scope."
        >
          <ScopeList scopes={LISTED_SCOPES} />
        </Section>
        <Section
          title="Launch context and other forms"
          description="SMART App Launch scopes that set up the launch, the SMART v2 forms of the scopes above, and what happens to the rest."
        >
          <ScopeList scopes={OTHER_SCOPES} />
        </Section>
      </Stack>
    </>
  );
}
