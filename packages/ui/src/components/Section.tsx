import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SectionProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Buttons at the right of the title (they wrap under it at phone width). */
  actions?: ReactNode;
  /** A `data-testid` for tests that find the section. */
  testId?: string;
}

/** A titled card of a page (a region named by its h2), e.g. the App form's "Credentials" or Account's "API keys". */
export function Section({ title, description, children, actions, testId }: SectionProps) {
  return (
    <Card component="section" aria-label={title} data-testid={testId}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-sm)', alignItems: 'flex-start' }}>
        <div style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Title order={2} size="h4">
            {title}
          </Title>
          {description !== undefined && (
            <Text size="sm" c="dimmed" mt={2}>
              {description}
            </Text>
          )}
        </div>
        {actions}
      </div>
      <Stack gap="md" mt="md">
        {children}
      </Stack>
    </Card>
  );
}
