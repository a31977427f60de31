// Removed or banned in the lobby (where the seat is deleted outright): the student's page is told,
// the socket let go, and the old token opens nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type Client,
  connectClient,
  createRoom,
  joinAs,
  startTestServer,
  type TestServer,
} from "./testing/harness";

let t: TestServer;
const clients: Client[] = [];
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t.close();
});

describe("removal in the lobby", () => {
  it.each([
    ["remove", "removed"],
    ["ban", "banned"],
  ] as const)("%s: the student hears it, is let go, and the token is dead", async (type, notice) => {
    const { code, hostSecret } = await createRoom(t.url);
    const host = await connectClient(t.url, { role: "host", code, secret: hostSecret });
    clients.push(host);
    const kid = await joinAs(t.url, code, "Kit");
    clients.push(kid.client);
    await host.until((c) => c.view?.seats.length === 1);
    const disconnected = new Promise<void>((resolve) =>
      kid.client.socket.once("disconnect", () => resolve()),
    );
    expect(await host.command({ type, seat: kid.seat })).toMatchObject({ ok: true });
    await kid.client.until((c) => c.notices.some((n) => n.code === notice));
    await disconnected;
    await expect(connectClient(t.url, { role: "player", code, token: kid.token })).rejects.toMatchObject({
      data: { code: "bad_token" },
    });
  });
});
