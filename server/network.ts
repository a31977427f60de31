// This machine's addresses on the school network: what students type or scan to join.
import os from "node:os";

/** Non-internal IPv4 addresses, e.g. ["192.168.1.20"]. Empty when the laptop is offline. */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const addr of list ?? []) {
      if (addr.family === "IPv4" && !addr.internal) found.push(addr.address);
    }
  }
  return found;
}
