/**
 * The address a request comes from, for the desk page's rate limit. Without trusted proxies: the connection's own
 * address, whatever the headers say (a client that writes X-Forwarded-For itself changes nothing). With TRUST_PROXY
 * (addresses or ranges of this server's reverse proxies) and a connection from one of them: the right-most address of
 * X-Forwarded-For that is not a trusted proxy (proxies append what they saw, so what a client wrote stands to the
 * left of it), else X-Real-IP; a connection from anywhere else is keyed on its own address.
 */
import type http from 'node:http';
import { BlockList, isIP } from 'node:net';

/** The most X-Forwarded-For entries read (from the right). */
const MAX_HOPS = 20;

/** "::ffff:10.1.2.3" → "10.1.2.3": one key per client whichever way the socket spells it. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** Trusted proxies from TRUST_PROXY's list ("10.0.0.5", "172.16.0.0/12", "::1", "fd00::/8"); validated in config.ts. */
export function trustedProxies(list: readonly string[]): BlockList {
  const trusted = new BlockList();
  for (const item of list) {
    const [address = '', bits] = item.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) trusted.addAddress(address, type);
    else trusted.addSubnet(address, Number(bits), type);
  }
  return trusted;
}

const isTrusted = (trusted: BlockList, address: string) => {
  const v = isIP(address);
  return v !== 0 && trusted.check(address, v === 6 ? 'ipv6' : 'ipv4');
};

/** The client's address for this request (see above); "?" when the socket has none. */
export function clientAddress(req: http.IncomingMessage, trusted?: BlockList): string {
  const peer = plain(req.socket.remoteAddress ?? '?');
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const forwarded = req.headers['x-forwarded-for'];
  // Several headers are one list, in order.
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(-MAX_HOPS);
  let last = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plain(hops[i]!);
    // Not an address: written by the client, not by a proxy; the last proxy that passed it on is the key.
    if (isIP(hop) === 0) return last;
    if (!isTrusted(trusted, hop)) return hop;
    last = hop;
  }
  if (hops.length > 0) return last;
  const real = req.headers['x-real-ip'];
  const realIp = typeof real === 'string' ? plain(real.trim()) : '';
  return isIP(realIp) !== 0 ? realIp : peer;
}
