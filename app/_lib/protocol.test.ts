// The app's copies of protocol constants and rules must match their sources in server/ and game/.
import { describe, expect, it } from "vitest";
import { SLOT_KINDS as ENGINE_SLOT_KINDS } from "../../game/cards";
import { MAX_OWN_TEXT as ENGINE_MAX_OWN_TEXT } from "../../game/events";
import {
  MAX_ROUNDS as ENGINE_MAX_ROUNDS,
  MIN_ROUNDS as ENGINE_MIN_ROUNDS,
  SettingsPatchSchema,
} from "../../game/settings";
import {
  JOIN_CODE_ALPHABET as SERVER_ALPHABET,
  JoinCodeSchema,
  PROTOCOL_VERSION as SERVER_VERSION,
  RECONNECT_OPTIONS as SERVER_RECONNECT,
} from "../../server/protocol";
import {
  isJoinCode,
  JOIN_CODE_ALPHABET,
  MAX_OWN_TEXT,
  MAX_ROUNDS,
  MIN_ROUNDS,
  normaliseCode,
  PHASE_LIMITS,
  PROTOCOL_VERSION,
  RECONNECT_OPTIONS,
  SLOT_KINDS,
} from "./protocol";

describe("the app's protocol copies", () => {
  it("match the server and the engine", () => {
    expect(PROTOCOL_VERSION).toBe(SERVER_VERSION);
    expect(RECONNECT_OPTIONS).toEqual(SERVER_RECONNECT);
    expect(JOIN_CODE_ALPHABET).toBe(SERVER_ALPHABET);
    expect(SLOT_KINDS).toEqual(ENGINE_SLOT_KINDS);
    expect(MAX_OWN_TEXT).toBe(ENGINE_MAX_OWN_TEXT);
    expect([MIN_ROUNDS, MAX_ROUNDS]).toEqual([ENGINE_MIN_ROUNDS, ENGINE_MAX_ROUNDS]);
  });

  it("phase limits are the ones the settings schema enforces", () => {
    for (const [key, [min, max]] of Object.entries(PHASE_LIMITS)) {
      const at = (s: number) => SettingsPatchSchema.safeParse({ [key]: s * 1000 }).success;
      expect([at(min), at(max), at(min - 1), at(max + 1)], key).toEqual([true, true, false, false]);
    }
  });

  it("normalises codes as the server does", () => {
    for (const raw of ["cdf 479", " CDF-479 ", "cdf479", "hello!", "CDF47", "OOOOOO"]) {
      const server = JoinCodeSchema.safeParse(raw);
      const code = normaliseCode(raw);
      expect(isJoinCode(code), raw).toBe(server.success);
      if (server.success) expect(code).toBe(server.data);
    }
  });
});
