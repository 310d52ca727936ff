/**
 * The client address the desk page's rate limit keys on: the connection's own unless it comes from a trusted reverse
 * proxy, then the right-most forwarded address that is not a proxy.
 */
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, trustedProxies } from '../../src/web/client.ts';

const req = (remoteAddress: string, headers: http.IncomingHttpHeaders = {}) => ({ socket: { remoteAddress }, headers }) as unknown as http.IncomingMessage;

describe('the client address behind a reverse proxy', () => {
  it('without trusted proxies the headers are ignored', () => {
    expect(clientAddress(req('198.51.100.9', { 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' }))).toBe('198.51.100.9');
  });

  it('from a trusted proxy: the right-most forwarded address that is not a proxy, whatever the client wrote to its left', () => {
    const trusted = trustedProxies(['127.0.0.1', '10.0.0.0/8']);
    expect(clientAddress(req('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }), trusted)).toBe('203.0.113.7');
    // The client wrote "1.2.3.4"; the proxy appended the address it saw.
    expect(clientAddress(req('127.0.0.1', { 'x-forwarded-for': '1.2.3.4, 203.0.113.7' }), trusted)).toBe('203.0.113.7');
    // Two proxies (a balancer, then nginx): both skipped.
    expect(clientAddress(req('10.0.0.3', { 'x-forwarded-for': '1.2.3.4, 203.0.113.7, 10.0.0.2' }), trusted)).toBe('203.0.113.7');
    // Several headers are one list.
    expect(clientAddress(req('127.0.0.1', { 'x-forwarded-for': ['1.2.3.4', '203.0.113.8'] as unknown as string }), trusted)).toBe('203.0.113.8');
    // Something that is not an address was written by the client: the proxy that passed it on is the key.
    expect(clientAddress(req('127.0.0.1', { 'x-forwarded-for': 'evil, 10.0.0.2' }), trusted)).toBe('10.0.0.2');
    // X-Real-IP when there is no X-Forwarded-For; a bad one is ignored.
    expect(clientAddress(req('127.0.0.1', { 'x-real-ip': '203.0.113.9' }), trusted)).toBe('203.0.113.9');
    expect(clientAddress(req('127.0.0.1', { 'x-real-ip': 'x' }), trusted)).toBe('127.0.0.1');
    // IPv4 written the IPv6 way is the same client.
    expect(clientAddress(req('::ffff:127.0.0.1', { 'x-forwarded-for': '::ffff:203.0.113.7' }), trusted)).toBe('203.0.113.7');
    expect(clientAddress(req('::1', { 'x-forwarded-for': '2001:db8::1' }), trustedProxies(['::1']))).toBe('2001:db8::1');
  });

  it('a connection from anywhere else is keyed on its own address', () => {
    const trusted = trustedProxies(['127.0.0.1']);
    expect(clientAddress(req('198.51.100.9', { 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' }), trusted)).toBe('198.51.100.9');
  });
});
