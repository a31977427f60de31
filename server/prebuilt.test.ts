// A prebuilt payload goes on the wire exactly as Socket.IO's own encoder would have put the object,
// and an object's JSON made from its fields' JSON is the JSON.stringify of the object.
import fc from "fast-check";
import { Decoder, Encoder, type Packet, PacketType } from "socket.io-parser";
import { expect, it } from "vitest";
import { objectJson, Prebuilt, PrebuiltEncoder } from "./prebuilt";

const json = (value: unknown) => JSON.stringify(value) ?? "";

/** Fields of every kind JSON meets: what it writes, what it leaves out, and awkward names. */
const field = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(undefined, () => 1, Symbol("s"), new Date(0), Number.NaN, -0),
);
const name = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("__proto__", "0", "10", 'a"b', "é\u2028"));

it("makes an object's JSON from its fields' JSON exactly as JSON.stringify does, key order included", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(name, field), { maxLength: 10 }), (entries) => {
      const value: Record<string, unknown> = {};
      // As data, like viewParts puts fields (a "__proto__" field is an own property).
      for (const [k, v] of entries)
        Object.defineProperty(value, k, { value: v, enumerable: true, writable: true, configurable: true });
      expect(objectJson(value, json)).toBe(JSON.stringify(value));
    }),
    { numRuns: 500 },
  );
});

it("encodes a prebuilt event as Socket.IO's encoder encodes the object, and decodes to it", () => {
  const stock = new Encoder();
  const ours = new PrebuiltEncoder();
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 10 }),
      fc.jsonValue({ maxDepth: 4 }),
      fc.constantFrom("/", "/admin"),
      fc.option(fc.nat({ max: 1000 }), { nil: undefined }),
      (event, payload, nsp, id) => {
        const packet = (data: unknown): Packet => ({ type: PacketType.EVENT, nsp, data: [event, data], id });
        const wire = ours.encode(packet(new Prebuilt(JSON.stringify(payload))));
        expect(wire).toEqual(stock.encode(packet(payload)));
        const decoder = new Decoder();
        let decoded: Packet | undefined;
        decoder.on("decoded", (p: Packet) => {
          decoded = p;
        });
        decoder.add(wire[0] as string);
        expect(decoded?.data).toEqual([event, JSON.parse(JSON.stringify(payload))]);
      },
    ),
    { numRuns: 300 },
  );
});

it("leaves every other packet to Socket.IO's encoder (acks, binary, several arguments)", () => {
  const stock = new Encoder();
  const ours = new PrebuiltEncoder();
  const packets: Packet[] = [
    { type: PacketType.EVENT, nsp: "/", data: ["view", { a: 1 }] },
    { type: PacketType.EVENT, nsp: "/", data: ["view", { a: 1 }, 2] },
    { type: PacketType.ACK, nsp: "/", data: [{ ok: true }], id: 4 },
    { type: PacketType.EVENT, nsp: "/", data: ["bytes", Buffer.from([1, 2, 3])] },
    { type: PacketType.CONNECT, nsp: "/", data: { sid: "x" } },
  ];
  for (const packet of packets) expect(ours.encode(packet)).toEqual(stock.encode(packet));
  // A prebuilt payload among other arguments (an adapter's offset after it) is still its JSON.
  const payload = { view: { a: [1, "x"] }, now: 5, results: null };
  expect(
    ours.encode({
      type: PacketType.EVENT,
      nsp: "/",
      data: ["view", new Prebuilt(JSON.stringify(payload)), "off-1"],
    }),
  ).toEqual(stock.encode({ type: PacketType.EVENT, nsp: "/", data: ["view", payload, "off-1"] }));
});
