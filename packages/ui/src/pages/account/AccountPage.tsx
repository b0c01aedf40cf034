import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/index.ts';
import { ApiKeysSection } from './ApiKeysSection.tsx';
import { ChangePasswordSection } from './ChangePasswordSection.tsx';
import { ProfileSection } from './ProfileSection.tsx';

/** Account (`account`, hosted sandbox only): the vendor's profile, Change password and API keys. */
export function AccountPage() {
  return (
    <>
      <PageHeader title="Account" description="Your profile, your password and the API keys of your scripts." />
      <Stack gap="md">
        <ProfileSection />
        <ChangePasswordSection />
        <ApiKeysSection />
      </Stack>
    </>
  );
}
