import { EmptyState as MantineEmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  /** The button that fills the emptiness (e.g. New Application). */
  action?: ReactNode;
}

/** What a page shows when it has nothing to list yet: what is missing and how to add it. */
export function EmptyState({ icon, title, description, action }: EmptyStateProps) {
  return (
    <Paper withBorder p="xl" py={48}>
      <MantineEmptyState icon={icon} variant="light" title={title} description={description}>
        {action !== undefined && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
      </MantineEmptyState>
    </Paper>
  );
}
