import { List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface CheckEmailProps {
  /** The sentence about the link, e.g. "If x can enroll, we sent it a link to set your password." */
  sent: ReactNode;
  /** What to do if nothing arrives: the last step (enroll again, ask for a new link). */
  retry: ReactNode;
}

/**
 * "Check your email": the same answer whether or not the address has (or can have) an account, so the page
 * never tells anyone which addresses are known.
 */
export function CheckEmail({ sent, retry }: CheckEmailProps) {
  return (
    <Stack gap="md" role="status">
      <ThemeIcon size={48} radius="xl" variant="light" color="teal" aria-hidden>
        <IconMailCheck size={26} />
      </ThemeIcon>
      <Text>{sent}</Text>
      <Text size="sm">
        The link expires in <b>24 hours</b> and works <b>once</b>.
      </Text>
      <div>
        <Text size="sm" fw={600}>
          Nothing arrived?
        </Text>
        <List size="sm" spacing={4} mt={4}>
          <List.Item>Wait a few minutes: mail can take a while.</List.Item>
          <List.Item>Look in your spam or junk folder.</List.Item>
          <List.Item>Check that the address is spelled right.</List.Item>
          <List.Item>{retry}</List.Item>
        </List>
      </div>
    </Stack>
  );
}
