// Payloads the game serialises itself. A view's fields are turned into JSON once each (broadcast.ts
// caches them by identity, and most are shared by every audience and by step after step), so a
// frame can be put together from those pieces. Handed to Socket.IO as a plain object, the same
// frame was serialised again from scratch at every emit, after a walk of the whole object looking
// for binary data (about 2 % of the server's main thread at 300 busy rooms, CPU profile).
//
// `Prebuilt` carries a payload's JSON; the server's encoder (Socket.IO's own, otherwise) writes it
// into the packet as it is. The wire format is Socket.IO's: clients parse it with the stock decoder.
import { Decoder, Encoder, type Packet, PacketType } from "socket.io-parser";

/** An event's payload as JSON, made by the caller (it must be valid JSON: the encoder trusts it). */
export class Prebuilt {
  constructor(readonly json: string) {}
}

/** Socket.IO's encoder, except that an event whose one argument is `Prebuilt` uses its JSON. */
export class PrebuiltEncoder extends Encoder {
  override encode(packet: Packet): ReturnType<Encoder["encode"]> {
    const data = packet.data as unknown;
    if (
      packet.type === PacketType.EVENT &&
      Array.isArray(data) &&
      data.length === 2 &&
      typeof data[0] === "string" &&
      data[1] instanceof Prebuilt
    ) {
      // As Encoder.encodeAsString writes an event: type, namespace, ack id, then the JSON array.
      let head = `${PacketType.EVENT}`;
      if (packet.nsp && packet.nsp !== "/") head += `${packet.nsp},`;
      if (packet.id != null) head += packet.id;
      return [`${head}[${JSON.stringify(data[0])},${data[1].json}]`];
    }
    // Any other shape holding one (an adapter that adds to the arguments, as connection-state
    // recovery's does): parsed back, so Socket.IO's encoder writes the payload, not the wrapper.
    if (Array.isArray(data) && data.some((item) => item instanceof Prebuilt))
      return super.encode({
        ...packet,
        data: data.map((item) => (item instanceof Prebuilt ? JSON.parse(item.json) : item)),
      });
    return super.encode(packet);
  }
}

/** The `parser` option for the game's Socket.IO server. */
export const prebuiltParser = { Encoder: PrebuiltEncoder, Decoder };

const names = new Map<string, string>();
/** A field name as JSON (the few names views have, each escaped once). */
function nameJson(name: string): string {
  let json = names.get(name);
  if (json === undefined) {
    json = JSON.stringify(name);
    if (names.size < 1_000) names.set(name, json);
  }
  return json;
}

/**
 * An object's JSON from its fields' JSON (`json` gives a value's JSON, "" for what JSON leaves out:
 * undefined, functions, symbols), exactly as JSON.stringify would write the object, key order
 * included.
 */
export function objectJson(value: Record<string, unknown>, json: (value: unknown) => string): string {
  let body = "";
  for (const key of Object.keys(value)) {
    const field = json(value[key]);
    if (field === "") continue;
    body += body === "" ? `${nameJson(key)}:${field}` : `,${nameJson(key)}:${field}`;
  }
  return `{${body}}`;
}
