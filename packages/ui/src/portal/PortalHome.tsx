import { Box, Button, Card, Container, Flex, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCode, IconEye, IconLink, IconShieldX, type Icon } from '@tabler/icons-react';
import { BrandMark, brandClass } from '../components/Brand.tsx';

/** Where the hosted developer sandbox lives on the plan's server (DESIGN "HTTP surface"). */
export const DEVELOPER_PATH = '/developer';

const OFFERS: readonly { icon: Icon; title: string; text: string }[] = [
  {
    icon: IconLink,
    title: 'Connect apps to your health plan data',
    text: 'Choose an approved app and let it read your claims, coverage and health records.',
  },
  {
    icon: IconEye,
    title: 'See what each app read',
    text: 'Every app you connect is listed with what it may read, and each read is in your access history.',
  },
  {
    icon: IconShieldX,
    title: 'Revoke access at any time',
    text: 'One click disconnects an app: it stops reading your data at once.',
  },
];

/** A button whose label may wrap (a long label on a narrow phone), instead of being cut. */
const WRAPPING = {
  root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 8 },
  label: { whiteSpace: 'normal', textAlign: 'center' },
} as const;

/**
 * The member portal's home (for now): what the portal will offer members, and the way in for app vendors
 * ("Vendor Enrollment to Sandbox", "Developer sign in"). Mobile first: one column that widens.
 */
export function PortalHome({ planName }: { planName: string }) {
  return (
    <Box bg="gray.0" mih="100dvh">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" h={60} px="md">
          <Group h="100%" wrap="nowrap">
            <a href="/" className={brandClass}>
              <BrandMark name={planName} />
            </a>
          </Group>
        </Container>
      </Box>
      <Container component="main" size="md" px="md" py={{ base: 'lg', sm: 48 }}>
        <Stack gap="xl">
          <Stack gap="sm">
            <Title order={1} size="h1" style={{ overflowWrap: 'anywhere' }}>
              Your health data, in the apps you choose
            </Title>
            <Text size="lg" c="dimmed">
              The {planName} member portal is coming soon. Here you will connect apps to your health plan data and stay
              in control of who sees it.
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {OFFERS.map((offer) => (
              <Card key={offer.title} component="section" aria-label={offer.title}>
                <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
                  <offer.icon size={22} stroke={1.7} />
                </ThemeIcon>
                <Title order={2} size="h4" mt="sm">
                  {offer.title}
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {offer.text}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <Card
            component="section"
            aria-labelledby="vendors-title"
            shadow="sm"
            padding="xl"
            px={{ base: 'md', sm: 'xl' }}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon size={40} radius="md" variant="filled" aria-hidden>
                <IconCode size={22} stroke={1.7} />
              </ThemeIcon>
              <div style={{ minWidth: 0 }}>
                <Title order={2} size="h3" id="vendors-title">
                  For app vendors
                </Title>
                <Text mt={4}>
                  Building a SMART on FHIR app for {planName} members? Register it in our developer sandbox, test it
                  against synthetic members, then ask us to publish it here.
                </Text>
              </div>
            </Group>
            <Flex mt="lg" gap="sm" direction={{ base: 'column', xs: 'row' }}>
              <Button component="a" href={`${DEVELOPER_PATH}/enroll`} size="md" styles={WRAPPING}>
                Vendor Enrollment to Sandbox
              </Button>
              <Button component="a" href={`${DEVELOPER_PATH}/sign-in`} size="md" variant="default" styles={WRAPPING}>
                Developer sign in
              </Button>
            </Flex>
          </Card>
        </Stack>
      </Container>
    </Box>
  );
}
