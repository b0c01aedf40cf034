import { Alert, Badge, Button, Card, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { CopyField, PageHeader, Section } from '../../components/index.ts';
import type { DirectoryExample, SearchSummary } from './directory-model.ts';
import {
  DIRECTORY_EXAMPLES,
  directoryBaseUrl,
  exampleUrl,
  outcomeMessage,
  summarizeBundle,
} from './directory-model.ts';

const WRAP = { overflowWrap: 'anywhere' } as const;

/** Runs a directory search as any app would: a public GET, no token, no cookies. */
async function runSearch(url: string): Promise<SearchSummary> {
  const response = await fetch(url, { headers: { Accept: 'application/fhir+json' }, credentials: 'omit' });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}${outcomeMessage(body) !== undefined ? `: ${outcomeMessage(body)}` : ''}`);
  }
  return summarizeBundle(body);
}

function Result({ summary }: { summary: SearchSummary }) {
  return (
    <Stack gap={4} role="status" aria-label="Search result">
      <Group gap="xs">
        <Badge variant="light" color="teal" tt="none" size="lg">
          {summary.total !== undefined ? `Bundle.total: ${summary.total}` : 'No Bundle.total'}
        </Badge>
        {summary.included > 0 && (
          <Text size="xs" c="dimmed">
            + {summary.included} included
          </Text>
        )}
      </Group>
      {summary.names.length === 0 ? (
        <Text size="sm" c="dimmed">
          No matches.
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            First {summary.names.length === 1 ? 'entry' : `${summary.names.length} entries`}
          </Text>
          <List size="sm" spacing={2}>
            {summary.names.map((name, i) => (
              <List.Item key={`${i}-${name}`} style={WRAP}>
                {name}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

function ExampleCard({ example, baseUrl }: { example: DirectoryExample; baseUrl: string }) {
  const url = exampleUrl(baseUrl, example);
  const search = useMutation({ mutationFn: () => runSearch(url) });
  return (
    <Card
      component="article"
      withBorder
      padding="md"
      aria-labelledby={`example-${example.id}`}
      data-testid="directory-example"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Title order={3} size="h5" id={`example-${example.id}`}>
              {example.title}
            </Title>
            <Text size="sm" c="dimmed">
              {example.description}
            </Text>
          </div>
          <Button
            size="xs"
            leftSection={<IconPlayerPlay size={14} aria-hidden />}
            loading={search.isPending}
            onClick={() => search.mutate()}
            aria-label={`Run ${example.title}`}
          >
            Run
          </Button>
        </Group>
        <CopyField label="URL" shortName="URL" value={url} />
        {search.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="The search failed">
            <Text size="sm" style={WRAP}>
              {search.error.message}
            </Text>
          </Alert>
        )}
        {search.isSuccess && <Result summary={search.data} />}
      </Stack>
    </Card>
  );
}

/**
 * The Provider Directory page (`/directory`): the public Plan-Net directory's base URL on this server and
 * example searches that run from the page (a plain GET without a token, as an app would send it), showing
 * Bundle.total and the first entries' names, each with its URL to copy.
 */
export function DirectoryPage() {
  const baseUrl = directoryBaseUrl(window.location.origin);
  return (
    <>
      <PageHeader
        title="Provider Directory"
        description="The plan's providers, locations, services and insurance plans (Da Vinci PDex Plan-Net). Public: no app registration and no token."
      />
      <Stack gap="md">
        <Section
          title="Base URL"
          description={
            <>
              Read-only FHIR R4: search with GET, read with <Code>GET [base]/[type]/[id]</Code>. Its capability
              statement is at <Code>[base]/metadata</Code>.
            </>
          }
        >
          <CopyField label="Directory base URL" shortName="base URL" value={baseUrl} />
        </Section>
        <Section title="Example searches" description="Run one to see what it returns, or copy its URL into your app.">
          {DIRECTORY_EXAMPLES.map((example) => (
            <ExampleCard key={example.id} example={example} baseUrl={baseUrl} />
          ))}
        </Section>
      </Stack>
    </>
  );
}
