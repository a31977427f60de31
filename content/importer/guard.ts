// The importer's front door: refuses, before any parsing, what cannot be a plan — empty text,
// text too big to be an essay plan, binary files and garbage. The size check looks only at the
// string's length, so a 5 MB upload is refused at once without being scanned.
import { PlanRefusal } from "./refusal";

/** A plan is a few kilobytes; 1 MB is generous and keeps a server from chewing on junk. */
export const DEFAULT_MAX_CHARS = 1_000_000;

// Files that are not text at all, recognised by their first bytes as decoded text.
const SIGNATURES: ReadonlyArray<readonly [string, string]> = [
  ["PK\u0003\u0004", "a Word (.docx) or other zip file"],
  ["%PDF-", "a PDF file"],
  ["{\\rtf", "an RTF file"],
  ["\u00d0\u00cf\u0011\u00e0", "an old Word (.doc) file"],
  ["\u0089PNG", "a PNG image"],
  ["\u00ff\u00d8\u00ff", "a JPEG image"],
];

const SAVE_AS_TEXT = "save or paste the plan as plain text";

/**
 * Characters that never appear in a real plan: C0/C1 controls other than tab, LF, VT, FF, CR,
 * and U+FFFD, which is what a decoder leaves where it met bytes that were not text.
 */
function isJunk(code: number): boolean {
  return code <= 0x08 || (code >= 0x0e && code <= 0x1f) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd;
}

/** Throws a PlanRefusal if the text is empty, too big, binary or garbage. */
export function guardText(text: string, maxChars: number): void {
  if (text.length > maxChars) {
    throw new PlanRefusal(
      1,
      `the text is ${formatSize(text.length)} long; a plan must be under ${formatSize(maxChars)} (an essay plan is usually a few KB)`,
    );
  }
  if (text.trim() === "") {
    throw new PlanRefusal(
      1,
      "the plan is empty: expected a QUESTION line, then INTRODUCTION, PARAGRAPH 1, PARAGRAPH 2 … and CONCLUSION",
    );
  }
  for (const [signature, what] of SIGNATURES) {
    if (text.startsWith(signature) || text.startsWith(`\ufeff${signature}`))
      throw new PlanRefusal(1, `this looks like ${what}, not a plain-text plan: ${SAVE_AS_TEXT}`);
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    throw new PlanRefusal(
      lineAt(text, nul),
      `this looks like a binary file, not a plain-text plan: ${SAVE_AS_TEXT}`,
    );
  }
  // A stray odd character (one badly decoded quote) is tolerated and dropped later; a text where
  // more than 1 character in 50 is junk is not a plan.
  let junk = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    if (isJunk(text.charCodeAt(i))) {
      junk++;
      if (first < 0) first = i;
    }
  }
  if (junk > 8 && junk * 50 > text.length) {
    throw new PlanRefusal(
      lineAt(text, first),
      `this is not readable text (${junk} control or undecodable characters): ${SAVE_AS_TEXT} in UTF-8`,
    );
  }
}

/** The 1-based line number of a character offset, counting LF, CRLF and lone CR as an editor does. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    else if (c === "\r" && text[i + 1] !== "\n") line++;
  }
  return line;
}

function formatSize(chars: number): string {
  if (chars >= 1_000_000) return `${(chars / 1_000_000).toFixed(1)} MB`;
  if (chars >= 1_000) return `${Math.round(chars / 1_000)} KB`;
  return `${chars} characters`;
}
