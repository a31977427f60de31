// Where /api/info sends students: only addresses the server listens on.
import { afterEach, describe, expect, it } from "vitest";
import { joinAddresses, lanAddresses } from "./network";
import { startTestServer, type TestServer } from "./testing/harness";

const lan = () => ["192.168.1.20", "10.0.0.7"];

describe("joinAddresses", () => {
  it("lists every network address when the server listens on all of them", () => {
    for (const host of ["0.0.0.0", "::", "", " 0.0.0.0 "]) expect(joinAddresses(host, lan)).toEqual(lan());
  });

  it("lists none when HOST keeps the server to this computer", () => {
    for (const host of ["127.0.0.1", "127.0.1.1", "::1", "localhost", "LOCALHOST"])
      expect(joinAddresses(host, lan)).toEqual([]);
  });

  it("lists the one address HOST names, IPv6 bracketed for a URL", () => {
    expect(joinAddresses("192.168.1.20", lan)).toEqual(["192.168.1.20"]);
    expect(joinAddresses("fe80::1", lan)).toEqual(["[fe80::1]"]);
  });
});

describe("GET /api/info", () => {
  let t: TestServer | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  async function info(listenHost?: string): Promise<{ joinUrls: string[]; localOnly: boolean }> {
    t = await startTestServer(listenHost === undefined ? {} : { listenHost });
    const res = await fetch(`${t.url}/api/info`);
    expect(res.status).toBe(200);
    return (await res.json()) as { joinUrls: string[]; localOnly: boolean };
  }

  it("sends students to this machine's network addresses when listening on all of them", async () => {
    const { joinUrls: urls, localOnly } = await info();
    expect(localOnly).toBe(false);
    expect(urls).toEqual(
      lanAddresses().map((ip) => expect.stringMatching(new RegExp(`^http://${ip}:\\d+$`))),
    );
  });

  it("sends no address a student cannot reach when the server listens on this computer only", async () => {
    expect(await info("127.0.0.1")).toMatchObject({ joinUrls: [], localOnly: true });
  });
});
