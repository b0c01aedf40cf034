import { Card, Group, Skeleton, Stack } from '@mantine/core';

export interface LoadingStateProps {
  /** How many placeholder rows (default 3). */
  rows?: number;
  /** What is loading, for screen readers. */
  label?: string;
}

/** Skeleton cards shaped like a list of items while it loads. */
export function LoadingState({ rows = 3, label = 'Loading' }: LoadingStateProps) {
  return (
    <Stack gap="sm" aria-busy="true" aria-label={label} role="status">
      {Array.from({ length: rows }, (_, i) => (
        <Card key={i}>
          <Group wrap="nowrap">
            <Skeleton circle height={44} />
            <Stack gap={8} style={{ flex: 1 }}>
              <Skeleton height={14} width="40%" />
              <Skeleton height={10} width="70%" />
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
