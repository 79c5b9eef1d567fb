import { networkInterfaces } from 'node:os';

/** IPv4 addresses other devices in the classroom can use to reach this machine. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}
