import { isIPv6 } from 'node:net';

/**
 * The part of a client address a per-IP limit counts: an IPv4 address as it is (an IPv4-mapped IPv6 address as
 * its IPv4 form), an IPv6 address by its /64 prefix, because one host usually holds a whole /64 and could
 * otherwise take a fresh address for every attempt. Anything else (unknown, empty) is counted as it is.
 */
export function ipSubject(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(ip)) return ip;
  const address = (ip.split('%')[0] as string).toLowerCase();
  const [head = '', tail] = address.split('::');
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  let expanded = groups(head);
  if (tail !== undefined) {
    const after = groups(tail);
    // An embedded IPv4 tail (::ffff:1.2.3.4 forms) stands for two groups.
    const used = expanded.length + after.length + (after.at(-1)?.includes('.') ? 1 : 0);
    expanded = [...expanded, ...Array<string>(8 - used).fill('0'), ...after];
  }
  const prefix = expanded.slice(0, 4).map((group) => parseInt(group, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
