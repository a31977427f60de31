// Which pages may open a socket or call the API: the server's own origin (whatever address the
// students typed — the laptop's LAN IP, its name, localhost) plus any listed in ALLOWED_ORIGINS.
// A request with no Origin header is not from another site's page (browsers send Origin on
// cross-origin requests and on every WebSocket), so it is allowed.

/** Returns why the request is refused, or null when it is allowed. */
export function checkOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): string | null {
  if (origin === undefined || origin === "") return null;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return "Bad origin";
  }
  if (host && parsed.host.toLowerCase() === host.toLowerCase()) return null;
  if (allowed.some((a) => a.replace(/\/$/, "").toLowerCase() === origin.toLowerCase())) return null;
  return "This page is not allowed to connect to Debate Deck.";
}
