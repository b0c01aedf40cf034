import { Avatar } from '@mantine/core';
import { initials } from '../components/initials.ts';
import { safeWebUrl } from './portal-model.ts';

/** An app's logo, or its initials when it has none (or the image fails). Decorative: the name is beside it. */
export function AppLogo({ name, logoUrl, size = 48 }: { name: string; logoUrl?: string | undefined; size?: number }) {
  return (
    <Avatar src={safeWebUrl(logoUrl) ?? null} size={size} radius="md" color="indigo" alt="" aria-hidden>
      {initials(name)}
    </Avatar>
  );
}
