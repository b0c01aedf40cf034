import {
  IconApps,
  IconBuildingHospital,
  IconClipboardCheck,
  IconHeartbeat,
  IconKey,
  IconMail,
  IconRocket,
  IconSettings,
  IconUserCircle,
  IconWorldUpload,
  type Icon,
} from '@tabler/icons-react';

/** One entry of the shell's navigation; `match` says whether the current page belongs to it. */
export interface NavItem {
  to: string;
  label: string;
  icon: Icon;
  match: (path: string) => boolean;
}

const under = (prefix: string) => (path: string) => path === prefix || path.startsWith(`${prefix}/`);

const SANDBOX_NAV: readonly NavItem[] = [
  { to: '/apps', label: 'Apps', icon: IconApps, match: (path) => path === '/' || under('/apps')(path) },
  { to: '/patients', label: 'Patients', icon: IconHeartbeat, match: under('/patients') },
  { to: '/launches', label: 'Launches', icon: IconRocket, match: under('/launches') },
  { to: '/scopes', label: 'Scopes', icon: IconKey, match: under('/scopes') },
  { to: '/directory', label: 'Provider Directory', icon: IconBuildingHospital, match: under('/directory') },
];

/** The desktop sandbox's pages: its mail stays in the Outbox. */
export const LOCAL_NAV: readonly NavItem[] = [
  ...SANDBOX_NAV,
  { to: '/outbox', label: 'Outbox', icon: IconMail, match: under('/outbox') },
  { to: '/settings', label: 'Settings', icon: IconSettings, match: under('/settings') },
];

/** The hosted developer sandbox's pages: the server sends mail, and the vendor has an account. */
export const HOSTED_NAV: readonly NavItem[] = [
  ...SANDBOX_NAV,
  { to: '/account', label: 'Account', icon: IconUserCircle, match: under('/account') },
];

/** The review area's pages (the plan's reviewers). */
export const REVIEW_NAV: readonly NavItem[] = [
  {
    to: '/requests',
    label: 'Requests',
    icon: IconClipboardCheck,
    match: (path) => path === '/' || under('/requests')(path),
  },
  { to: '/apps', label: 'Published apps', icon: IconWorldUpload, match: under('/apps') },
];
