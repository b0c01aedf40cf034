import { Anchor, Button, Card, CloseButton, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconApps, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useGallery, type GalleryApp } from '../api/member.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { useRuntimeConfig } from '../config-context.ts';
import { AppLogo } from './AppLogo.tsx';

/** One app of the gallery: an article named by the app, its name linking to its page. */
function GalleryCard({ app }: { app: GalleryApp }) {
  const titleId = `app-${app.clientId}`;
  return (
    <Card component="article" aria-labelledby={titleId} padding="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <AppLogo name={app.name} logoUrl={app.logoUrl} />
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Title order={2} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={`/apps/${encodeURIComponent(app.clientId)}`} inherit c="inherit">
              {app.name}
            </Anchor>
          </Title>
          {app.organizationName !== undefined && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {app.organizationName}
            </Text>
          )}
        </Stack>
      </Group>
      {app.description !== undefined && (
        <Text size="sm" mt="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
          {app.description}
        </Text>
      )}
      <Group mt="md" justify="flex-end">
        <Button
          component={Link}
          to={`/apps/${encodeURIComponent(app.clientId)}`}
          variant="light"
          size="compact-md"
          aria-label={`Details of ${app.name}`}
        >
          Details
        </Button>
      </Group>
    </Card>
  );
}

/** The gallery (`/`, public): the apps the plan approved, searchable. */
export function GalleryPage() {
  const { planName } = useRuntimeConfig();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const gallery = useGallery(debounced);
  const apps = gallery.data?.apps ?? [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          Apps you can connect
        </Title>
        <Text c="dimmed" mt={4}>
          {planName} reviewed these apps. Connect one to let it read your claims, coverage and health records; you can
          see what it reads and revoke it at any time.
        </Text>
      </div>
      <TextInput
        label="Search apps"
        placeholder="App name, organization or what it does"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        rightSection={
          query !== '' ? <CloseButton aria-label="Clear the search" onClick={() => setQuery('')} /> : undefined
        }
        maw={520}
      />
      {gallery.isPending ? (
        <LoadingState rows={3} label="Loading the apps" />
      ) : gallery.isError ? (
        <ErrorAlert error={gallery.error} title="The apps could not be loaded" onRetry={() => void gallery.refetch()} />
      ) : apps.length === 0 ? (
        debounced === '' ? (
          <EmptyState
            icon={<IconApps size={28} />}
            title="No apps yet"
            description={`${planName} has not published any app yet. Come back soon.`}
          />
        ) : (
          <EmptyState
            icon={<IconSearchOff size={28} />}
            title="No app matches"
            description={`Nothing in the gallery mentions “${debounced}”. Try another word.`}
            action={
              <Button variant="light" onClick={() => setQuery('')}>
                Clear the search
              </Button>
            }
          />
        )
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {apps.length === 1 ? '1 app' : `${apps.length} apps`}
            {debounced !== '' && ` match “${debounced}”`}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" aria-busy={gallery.isFetching}>
            {apps.map((app) => (
              <GalleryCard key={app.clientId} app={app} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
