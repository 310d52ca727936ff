import net from 'node:net';

/** A port free on the loopback interface right now (the emulator treats port 0 as 9000, so tests pick their own). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
