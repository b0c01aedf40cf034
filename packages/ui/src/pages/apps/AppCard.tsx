import { Avatar, Badge, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconRocket } from '@tabler/icons-react';
import { Link } from 'react-router';
import { OAUTH_TYPE_LABELS } from '../../api/index.ts';
import type { AppRecord, OAuthType } from '../../api/index.ts';
import { statusBadge } from '../production/production-model.ts';
import { initials } from '../../components/initials.ts';
import { canLaunch } from './app-form-model.ts';

const OAUTH_TYPE_COLORS: Record<OAuthType, string> = { pkce: 'indigo', secret: 'grape', private_key_jwt: 'cyan' };

export interface AppCardProps {
  app: AppRecord;
  onLaunch(app: AppRecord): void;
}

/** One app of the Apps list: logo, name, OAuth type, production status, Launch App and Edit. */
export function AppCard({ app, onLaunch }: AppCardProps) {
  const status = statusBadge(app.productionRequest);
  const launchable = canLaunch(app);
  return (
    <Card component="article" aria-labelledby={`app-${app.id}-name`} data-testid="app-card">
      <Group justify="space-between" align="flex-start" gap="md">
        <Group wrap="nowrap" align="flex-start" gap="md" miw={0} style={{ flex: '1 1 260px' }}>
          <Avatar
            src={app.logoUrl ?? null}
            name={app.name}
            color="initials"
            size={52}
            radius="md"
            alt={`${app.name} logo`}
          >
            {initials(app.name)}
          </Avatar>
          <Stack gap={4} miw={0}>
            <Title order={2} size="h4" id={`app-${app.id}-name`} style={{ overflowWrap: 'anywhere' }}>
              {app.name}
            </Title>
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" color={OAUTH_TYPE_COLORS[app.oauthType]} tt="none">
                {OAUTH_TYPE_LABELS[app.oauthType]}
              </Badge>
              <Badge variant="dot" color={status.color} tt="none">
                Production: {status.label}
              </Badge>
              {app.productionRequest?.changesNotPublished === true && (
                <Badge variant="light" color="orange" tt="none">
                  Changes not yet published
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              Client ID <Code fz="xs">{app.clientId}</Code>
            </Text>
            {app.organizationName !== undefined && (
              <Text size="sm" c="dimmed">
                {app.organizationName}
              </Text>
            )}
          </Stack>
        </Group>
        <Group gap="xs" wrap="wrap">
          {launchable && (
            <Button leftSection={<IconRocket size={16} aria-hidden />} onClick={() => onLaunch(app)}>
              Launch App
            </Button>
          )}
          <Button
            variant="default"
            component={Link}
            to={`/apps/${encodeURIComponent(app.id)}`}
            leftSection={<IconPencil size={16} aria-hidden />}
            aria-label={`Edit ${app.name}`}
          >
            Edit
          </Button>
        </Group>
      </Group>
      {!launchable && (
        <Text size="xs" c="dimmed" mt="sm">
          Set a Launch URL and a Redirect URL to launch this app.
        </Text>
      )}
    </Card>
  );
}
