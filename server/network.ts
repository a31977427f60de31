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

/**
 * The addresses students can be sent to when the server listens on `host` (HOST): every network
 * address when it listens on all of them; the one address when HOST names one on the network;
 * none when HOST keeps the server to this computer (127.0.0.1, ::1, localhost), which students
 * elsewhere cannot reach. IPv6 addresses come bracketed, ready for a URL.
 */
export function joinAddresses(host: string, lan: () => string[] = lanAddresses): string[] {
  const h = host.trim().toLowerCase();
  if (h === "" || h === "0.0.0.0" || h === "::") return lan();
  if (isLoopback(h)) return [];
  return [h.includes(":") ? `[${h}]` : h];
}

/** Does HOST keep the server to this computer? */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase();
  return h === "localhost" || h === "::1" || h.startsWith("127.");
}
