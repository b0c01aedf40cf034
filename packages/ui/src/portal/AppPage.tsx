import { Anchor, Button, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconExternalLink, IconMapOff, IconX } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useGalleryApp, type GalleryApp } from '../api/member.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { AppLogo } from './AppLogo.tsx';
import { connectUrl, formatDay, hostOf, policyLinks } from './portal-model.ts';

const WRAP = { overflowWrap: 'anywhere' } as const;

const backLink = (
  <Anchor component={Link} to="/" size="sm">
    <Group gap={4} component="span">
      <IconArrowLeft size={14} aria-hidden /> All apps
    </Group>
  </Anchor>
);

/** "Privacy": each question of the attestation and the vendor's answer in plain words. */
function PrivacySection({ app }: { app: GalleryApp }) {
  return (
    <Card component="section" aria-labelledby="privacy-title">
      <Title order={2} size="h4" id="privacy-title">
        Privacy
      </Title>
      <Text size="sm" c="dimmed" mt={2}>
        What {app.organizationName ?? 'the vendor'} told the plan about your data, in plain words.
      </Text>
      <List spacing="sm" mt="md" listStyleType="none" styles={{ itemWrapper: { alignItems: 'flex-start' } }}>
        {app.privacy.map((item) => (
          <List.Item
            key={item.key}
            icon={
              <ThemeIcon size={22} radius="xl" variant="light" color="gray" aria-hidden>
                {item.answer === 'yes' ? <IconCheck size={14} /> : <IconX size={14} />}
              </ThemeIcon>
            }
          >
            <Text size="sm" fw={600} style={WRAP}>
              {item.plain}
            </Text>
            <Text size="xs" c="dimmed" style={WRAP}>
              {item.question} {item.answer === 'yes' ? 'Yes.' : 'No.'}
            </Text>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

/** An app's page (`/apps/:clientId`, public): who makes it, what it does, its policies, its privacy answers, Connect. */
export function AppPage() {
  const { clientId } = useParams();
  const app = useGalleryApp(clientId);

  if (app.isPending)
    return (
      <Stack gap="md">
        {backLink}
        <LoadingState rows={2} label="Loading the app" />
      </Stack>
    );
  if (app.isError) {
    if (app.error instanceof ApiError && app.error.status === 404)
      return (
        <Stack gap="md">
          {backLink}
          <EmptyState
            icon={<IconMapOff size={28} />}
            title="This app is not offered"
            description="It is not in the gallery: the plan may have withdrawn it, or the address is wrong."
            action={
              <Button component={Link} to="/">
                See the apps you can connect
              </Button>
            }
          />
        </Stack>
      );
    return (
      <Stack gap="md">
        {backLink}
        <ErrorAlert error={app.error} title="The app could not be loaded" onRetry={() => void app.refetch()} />
      </Stack>
    );
  }

  const data = app.data;
  const connect = connectUrl(data);
  const links = policyLinks(data);
  const site = hostOf(data.organizationUrl);
  return (
    <Stack gap="lg" maw={760}>
      {backLink}
      <Card component="section" aria-labelledby="app-title">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <AppLogo name={data.name} logoUrl={data.logoUrl} size={64} />
          <Stack gap={2} miw={0}>
            <Title order={1} size="h2" id="app-title" style={WRAP}>
              {data.name}
            </Title>
            {data.organizationName !== undefined && (
              <Text c="dimmed" style={WRAP}>
                by{' '}
                {site !== '' && data.organizationUrl !== undefined ? (
                  <Anchor href={data.organizationUrl} target="_blank" rel="noopener noreferrer" inherit>
                    {data.organizationName}
                  </Anchor>
                ) : (
                  data.organizationName
                )}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              Approved by the plan {formatDay(data.approvedAt)}
            </Text>
          </Stack>
        </Group>
        {data.description !== undefined && (
          <Text mt="md" style={{ ...WRAP, whiteSpace: 'pre-line' }}>
            {data.description}
          </Text>
        )}
        <Stack gap={6} mt="lg">
          {connect !== undefined ? (
            <Button
              component="a"
              href={connect}
              target="_blank"
              rel="noopener noreferrer"
              size="md"
              rightSection={<IconExternalLink size={18} aria-hidden />}
              style={{ alignSelf: 'flex-start' }}
            >
              Connect
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              This app has no web address to connect from: open it where you installed it and choose this plan.
            </Text>
          )}
          {connect !== undefined && (
            <Text size="xs" c="dimmed">
              Opens the app in a new tab. When it asks, sign in with your member account and choose what it may read.
            </Text>
          )}
        </Stack>
      </Card>
      {links.length > 0 && (
        <Card component="section" aria-labelledby="policies-title">
          <Title order={2} size="h4" id="policies-title">
            Policies
          </Title>
          <Group gap="lg" mt="sm" wrap="wrap">
            {links.map((link) => (
              <Anchor key={link.label} href={link.href} target="_blank" rel="noopener noreferrer" size="sm">
                {link.label}
              </Anchor>
            ))}
          </Group>
        </Card>
      )}
      {data.privacy.length > 0 && <PrivacySection app={data} />}
    </Stack>
  );
}
