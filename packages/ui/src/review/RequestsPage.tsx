import { Anchor, Avatar, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconClipboardCheck, IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useReviewRequests } from '../api/index.ts';
import type { RequestStatusFilter, RequestSummary } from '../api/index.ts';
import { EmptyState, ErrorAlert, LoadingState, PageHeader } from '../components/index.ts';
import { initials } from '../components/initials.ts';
import { formatDateTime } from '../pages/launches/steps.ts';
import { ListFilters } from './ListFilters.tsx';
import { listFilterParams, parseListFilters, REQUEST_FILTERS, REQUEST_STATUS_BADGES } from './review-model.ts';

/** The queue's default: everything, pending requests first (the API's order). */
const DEFAULT_STATUS: RequestStatusFilter = 'all';

/** One request of the queue: a card that stacks at phone width. */
function RequestRow({ request }: { request: RequestSummary }) {
  const badge = REQUEST_STATUS_BADGES[request.status];
  const titleId = `request-${request.id}-name`;
  return (
    <Card component="article" aria-labelledby={titleId} data-testid="request-row" padding="md">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Avatar
          src={request.logoUrl ?? null}
          size={44}
          radius="md"
          color="initials"
          name={request.appName}
          alt={`${request.appName} logo`}
        >
          {initials(request.appName)}
        </Avatar>
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          <Group gap="xs" wrap="wrap" justify="space-between">
            <Anchor
              component={Link}
              to={`/requests/${encodeURIComponent(request.id)}`}
              fw={600}
              id={titleId}
              style={{ overflowWrap: 'anywhere' }}
            >
              {request.appName}
            </Anchor>
            <Group gap={6} wrap="wrap">
              {request.kind === 'update' && (
                <Badge variant="outline" color="indigo" tt="none">
                  Update
                </Badge>
              )}
              <Badge color={badge.color} variant="light" tt="none">
                {badge.label}
              </Badge>
            </Group>
          </Group>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {request.vendor.organizationName ?? request.organizationName ?? request.vendor.name} ·{' '}
            {request.vendor.email}
          </Text>
          <Text size="xs" c="dimmed">
            Sent <time dateTime={request.submittedAt}>{formatDateTime(request.submittedAt)}</time> · Version{' '}
            {request.version}
            {request.version > 1 && (
              <>
                {' '}
                (updated <time dateTime={request.updatedAt}>{formatDateTime(request.updatedAt)}</time>)
              </>
            )}
            {request.decidedAt !== undefined && (
              <>
                {' '}
                · Decided <time dateTime={request.decidedAt}>{formatDateTime(request.decidedAt)}</time>
              </>
            )}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

/** Requests (`requests`, the review area's landing page): the queue of production requests. */
export function RequestsPage() {
  const [params, setParams] = useSearchParams();
  const filters = parseListFilters(params, REQUEST_FILTERS, DEFAULT_STATUS);
  const requests = useReviewRequests({ status: filters.status, q: filters.q });
  const update = (next: Partial<typeof filters>) =>
    setParams(listFilterParams({ ...filters, ...next }, DEFAULT_STATUS), { replace: true });
  const filtered = filters.status !== DEFAULT_STATUS || filters.q.trim() !== '';
  return (
    <>
      <PageHeader
        title="Requests"
        description="Production requests from app vendors: pending ones first, oldest first; then the decided ones."
      />
      <ListFilters
        options={REQUEST_FILTERS}
        status={filters.status}
        onStatus={(status) => update({ status })}
        q={filters.q}
        onSearch={(q) => update({ q })}
        searchPlaceholder="App, organization, vendor email, client ID"
      />
      {requests.isPending ? (
        <LoadingState label="Loading the requests" />
      ) : requests.isError ? (
        <ErrorAlert
          error={requests.error}
          title="The requests could not be loaded"
          onRetry={() => void requests.refetch()}
        />
      ) : requests.data.requests.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<IconSearch aria-hidden />}
            title="No request matches"
            description="Choose another status or change the search."
          />
        ) : (
          <EmptyState
            icon={<IconClipboardCheck aria-hidden />}
            title="No production requests yet"
            description="When a vendor sends a Production Request, it shows here."
          />
        )
      ) : (
        <Stack gap="sm" aria-busy={requests.isFetching} data-testid="request-list">
          {requests.data.requests.map((request) => (
            <RequestRow key={request.id} request={request} />
          ))}
        </Stack>
      )}
    </>
  );
}
