// Views cut into frames of a bounded size, for `views: "patch"` connections (ViewPayload.more).
// A whole view of a big class (the first one a connection gets, 35 seats with long names) is about
// 8 KB; it goes out as a few frames of whole fields instead, each within the budget.

/**
 * The most a view frame to a `views: "patch"` connection should carry (the JSON of its view part;
 * the envelope adds about 80 bytes): a bigger view goes out in several frames of whole fields
 * (ViewPayload.more). Only a single field bigger than this (never seen: the largest, 35 seats with
 * 24-character names, is 3.6 KB) makes a bigger frame.
 */
export const MAX_VIEW_FRAME_BYTES = 3_900;

/**
 * Cuts a view (or a patch) into parts of whole top-level fields, each part's JSON within
 * MAX_VIEW_FRAME_BYTES, in the view's field order. `json` gives a field's JSON (cached by the caller).
 */
export function viewParts(
  view: Record<string, unknown>,
  json: (value: unknown) => string,
): Record<string, unknown>[] {
  const parts: Record<string, unknown>[] = [];
  let part: Record<string, unknown> = {};
  let bytes = 2; // {}
  for (const [field, value] of Object.entries(view)) {
    const size = Buffer.byteLength(JSON.stringify(field)) + 2 + Buffer.byteLength(json(value)); // "field":value,
    if (bytes + size > MAX_VIEW_FRAME_BYTES && bytes > 2) {
      parts.push(part);
      part = {};
      bytes = 2;
    }
    // As data, whatever its name (assigned, a "__proto__" field would set the part's prototype).
    if (field === "__proto__")
      Object.defineProperty(part, field, { value, enumerable: true, writable: true, configurable: true });
    else part[field] = value;
    bytes += size;
  }
  parts.push(part);
  return parts;
}
