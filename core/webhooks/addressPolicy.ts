/**
 * Which IP addresses a tenant's webhook may reach. Tenants choose the URL, so without this the dispatcher would be a
 * server-side request forgery proxy into our network (instance metadata, emulators, internal services).
 * Pure functions: the delivery adapter resolves names and asks here before connecting.
 */

export interface AddressPolicyOptions {
  /** Local tests only: permits 127.0.0.0/8 and ::1, nothing else. */
  allowLoopback: boolean;
}

export type AddressVerdict = { allowed: true; family: 4 | 6; address: string } | { allowed: false; reason: string };

type Ipv4Range = readonly [base: string, prefix: number, label: string];

const BLOCKED_IPV4: readonly Ipv4Range[] = [
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local / instance metadata'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved / broadcast'],
  // Azure's WireServer: reachable from every VM and Functions host, hands out host-level configuration.
  ['168.63.129.16', 32, 'Azure platform metadata'],
];

function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    // Canonical decimal only: other spellings must have gone through WHATWG URL normalization already.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

function ipv4ToString(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function inIpv4Range(value: number, [base, prefix]: Ipv4Range): boolean {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (value & mask) >>> 0 === (parseIpv4(base)! & mask) >>> 0;
}

function ipv4Verdict(value: number, allowLoopback: boolean): AddressVerdict {
  const address = ipv4ToString(value);
  const blocked = BLOCKED_IPV4.find((range) => inIpv4Range(value, range));
  if (!blocked) return { allowed: true, family: 4, address };
  if (blocked[2] === 'loopback' && allowLoopback) return { allowed: true, family: 4, address };
  return { allowed: false, reason: `${address} is ${blocked[2]}` };
}

/** 16 bytes, or undefined when `text` is not a plain IPv6 address (zone ids are refused: they imply link scope). */
export function parseIpv6(text: string): Uint8Array | undefined {
  if (text.includes('%') || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const toGroups = (half: string, dottedTailAllowed: boolean): number[] | undefined => {
    if (half === '') return [];
    const groups: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (dottedTailAllowed && i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === undefined) return undefined;
        groups.push(v4 >>> 16, v4 & 0xffff);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return groups;
  };
  const head = toGroups(halves[0], halves.length === 1);
  const tail = halves.length === 2 ? toGroups(halves[1], true) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[2 * i] = group >>> 8;
    bytes[2 * i + 1] = group & 255;
  });
  return bytes;
}

function readIpv4(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
}

function allZero(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] !== 0) return false;
  return true;
}

function ipv6Verdict(text: string, bytes: Uint8Array, allowLoopback: boolean): AddressVerdict {
  const refuse = (why: string): AddressVerdict => ({ allowed: false, reason: `${text} is ${why}` });
  const embedded = (offset: number, kind: string): AddressVerdict => {
    // Loopback stays refused in embedded forms: the test allowance covers exactly 127/8 and ::1.
    const inner = ipv4Verdict(readIpv4(bytes, offset), false);
    return inner.allowed ? { allowed: true, family: 6, address: text } : refuse(`${kind} of ${inner.reason}`);
  };
  if (allZero(bytes, 0, 16)) return refuse('unspecified');
  if (allZero(bytes, 0, 15) && bytes[15] === 1) {
    return allowLoopback ? { allowed: true, family: 6, address: text } : refuse('loopback');
  }
  if (allZero(bytes, 0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return embedded(12, 'IPv4-mapped form');
  if (allZero(bytes, 0, 12)) return embedded(12, 'IPv4-compatible form');
  // 64:ff9b::/96 well-known NAT64 prefix.
  if (bytes[0] === 0 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && allZero(bytes, 4, 12)) {
    return embedded(12, 'NAT64 form');
  }
  // Only global unicast (2000::/3) is reachable on the internet; this excludes ULA, link- and site-local, multicast,
  // discard-only and local-use NAT64 in one rule.
  if ((bytes[0] & 0xe0) !== 0x20) return refuse('not global unicast');
  if (bytes[0] === 0x20 && bytes[1] === 0x01 && (bytes[2] & 0xfe) === 0) return refuse('IETF protocol assignment');
  if (bytes[0] === 0x20 && bytes[1] === 0x01 && bytes[2] === 0x0d && bytes[3] === 0xb8) return refuse('documentation');
  if (bytes[0] === 0x3f && bytes[1] === 0xff && (bytes[2] & 0xf0) === 0) return refuse('documentation');
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return embedded(2, '6to4 form');
  return { allowed: true, family: 6, address: text };
}

/** Judges one IP address as returned by a resolver or written in a (WHATWG-normalized) URL host. */
export function classifyAddress(address: string, options: AddressPolicyOptions): AddressVerdict {
  const text = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return ipv4Verdict(v4, options.allowLoopback);
  const v6 = parseIpv6(text);
  if (v6) return ipv6Verdict(text, v6, options.allowLoopback);
  return { allowed: false, reason: `${JSON.stringify(address.slice(0, 64))} is not an IP address` };
}

export function isIpLiteral(host: string): boolean {
  const text = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return parseIpv4(text) !== undefined || parseIpv6(text) !== undefined;
}
