/**
 * Where a webhook may post (SSRF defence). Always refused: schemes other than http(s), link-local
 * addresses (169.254.0.0/16, fe80::/10) and cloud metadata endpoints (169.254.169.254,
 * fd00:ec2::254, 100.100.100.200, metadata.google.internal), and unspecified addresses (0.0.0.0, ::).
 * Loopback and private addresses (127/8, ::1, 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) are
 * refused unless WEBHOOK_ALLOW lists them (a host name, an address or a CIDR range); the allowlist never
 * opens link-local or metadata addresses. Public addresses are allowed. The check runs on the URL when
 * a target is saved and on the resolved address at send time, in the very lookup the connection uses
 * (so a name that re-resolves to a forbidden address, DNS rebinding, is refused too).
 */
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';

export class TargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetRefused';
  }
}

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata', 'metadata.goog']);

function list(entries: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']>): BlockList {
  const b = new BlockList();
  for (const [net, prefix, type] of entries) b.addSubnet(net, prefix, type);
  return b;
}

const FORBIDDEN = list([
  ['169.254.0.0', 16, 'ipv4'],
  ['fe80::', 10, 'ipv6'],
  ['100.100.100.200', 32, 'ipv4'],
  ['fd00:ec2::254', 128, 'ipv6'],
  ['0.0.0.0', 8, 'ipv4'],
  ['::', 128, 'ipv6'],
]);
const INTERNAL = list([
  ['127.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
]);

/** WEBHOOK_ALLOW parsed: host names, and addresses or ranges. */
export interface Allowlist {
  readonly hosts: ReadonlySet<string>;
  readonly nets: BlockList;
  /** As configured, for the start-up line and the docs. */
  readonly text: string;
}

export function parseAllowlist(value: string | undefined): Allowlist {
  const hosts = new Set<string>();
  const nets = new BlockList();
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const e of entries) {
    const [addr, prefix] = e.split('/') as [string, string | undefined];
    const type = isIP(addr);
    if (type === 0) {
      if (prefix !== undefined || !/^[a-z0-9.-]+$/i.test(addr)) throw new Error(`WEBHOOK_ALLOW: "${e}" is neither a host name, an address nor a CIDR range`);
      hosts.add(addr.toLowerCase());
      continue;
    }
    const family = type === 4 ? 'ipv4' : 'ipv6';
    const bits = prefix === undefined ? (type === 4 ? 32 : 128) : Number(prefix);
    if (!Number.isInteger(bits) || bits < 0 || bits > (type === 4 ? 32 : 128)) throw new Error(`WEBHOOK_ALLOW: "${e}" has a bad prefix length`);
    nets.addSubnet(addr, bits, family);
  }
  return { hosts, nets, text: entries.join(',') };
}

/** ::ffff:a.b.c.d is a.b.c.d. */
function plain(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

/** Throws TargetRefused when this resolved address may not be posted to (`host` as named in the URL). */
export function checkAddress(address: string, host: string, allow: Allowlist): void {
  const a = plain(address);
  if (FORBIDDEN.check(a.address, a.family))
    throw new TargetRefused(`${host} resolves to ${a.address}, a link-local, metadata or unspecified address, which is never allowed`);
  if (INTERNAL.check(a.address, a.family) && !allow.hosts.has(host.toLowerCase()) && !allow.nets.check(a.address, a.family)) {
    throw new TargetRefused(`${host} resolves to ${a.address}, a loopback or private address; list it in WEBHOOK_ALLOW to allow it`);
  }
}

/** The URL check made when a target is saved and again before each send: scheme, metadata names, literal addresses. */
export function checkUrl(raw: string, allow: Allowlist): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetRefused(`only http and https URLs, not ${url.protocol}`);
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (METADATA_HOSTS.has(host)) throw new TargetRefused(`${host} is a cloud metadata endpoint`);
  if (isIP(host) !== 0) checkAddress(host, host, allow);
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves the name and refuses it when any address it resolves to
 * is forbidden: the connection goes only to an address that passed the check.
 */
export function checkedLookup(allow: Allowlist) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      try {
        for (const a of addresses) checkAddress(a.address, hostname, allow);
      } catch (e) {
        return callback(e as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
