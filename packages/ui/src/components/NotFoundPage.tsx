import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from './EmptyState.tsx';

/** The page for an address the UI does not have. */
export function NotFoundPage() {
  return (
    <EmptyState
      icon={<IconMapOff size={28} />}
      title="Page not found"
      description="This address is not a page of the sandbox."
      action={
        <Button component={Link} to="/apps">
          Go to Apps
        </Button>
      }
    />
  );
}
