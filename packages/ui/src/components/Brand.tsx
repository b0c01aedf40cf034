import { ThemeIcon, Text } from '@mantine/core';
import { IconApi } from '@tabler/icons-react';
import classes from './Brand.module.css';

/**
 * The logo mark and a name ("Plan API Sandbox", "Acme Health Plan"), shared by the sandbox's shell, its public
 * account pages and the member portal. The caller makes it a link (router or plain) with the `brand` class.
 */
export function BrandMark({ name }: { name: string }) {
  return (
    <>
      <ThemeIcon size={32} radius="md" variant="filled" aria-hidden>
        <IconApi size={20} stroke={1.8} />
      </ThemeIcon>
      <Text component="span" fw={700} size="lg" className={classes.brandText}>
        {name}
      </Text>
    </>
  );
}

/** The class of the link around a BrandMark: a row that may shrink (the name ends in an ellipsis). */
export const brandClass = classes.brand;
