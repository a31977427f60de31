// Player names: trimmed, 1–24 characters, no markup. (Word filter lands with server/limits/names.ts.)
export type NameCheck =
  | { ok: true; name: string }
  | { ok: false; code: "name_empty" | "name_too_long" | "name_bad_chars" | "name_filtered"; message: string };

export function checkName(raw: string): NameCheck {
  const name = raw.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "").replace(/\s+/g, " ").trim();
  if (name.length === 0) return { ok: false, code: "name_empty", message: "Type a name." };
  if ([...name].length > 24) return { ok: false, code: "name_too_long", message: "Names are at most 24 characters." };
  if (/[<>]/.test(name)) return { ok: false, code: "name_bad_chars", message: "Names cannot contain < or >." };
  return { ok: true, name };
}

/** Checks a sentence a student writes for a slot; returns a message when it cannot be shown. */
export function checkText(text: string): string | null {
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return "That text has characters that cannot be shown.";
  return null;
}
