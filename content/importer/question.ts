// Reads the essay question: what claim it asks about and what to call the two teams.
//
// The deck's side ids are fixed: "failure" is the team that AGREES with the question's claim and
// "success" the team that challenges it (the names come from the first plan, "… was a failure?").
// The labels students see are derived from the claim so they read right:
//   claim "X was a failure"            → Failure / Partial success
//   claim "X was a success/successful" → Success / Limited success   ("How successful was X?" too)
//   a short claim "X was too harsh"    → Too harsh / Not too harsh    (predicate of 1–3 words)
//   any other "How far do you agree…"  → Agree / Disagree
//   anything else                      → For / Against

export type ClaimKind = "failure" | "success" | "predicate" | "unknown";

export interface Claim {
  kind: ClaimKind;
  /** What the question says the subject was ("a failure", "too harsh"), or null if unreadable. */
  predicate: string | null;
  /** Content words of the predicate, matched by the stance reader for "predicate" claims. */
  keywords: string[];
}

export interface SideLabels {
  failure: string;
  success: string;
}

export interface QuestionReading {
  claim: Claim;
  sides: SideLabels;
}

// Stems that ask the reader to agree or disagree with a claim that follows them.
const AGREE_PREFIX =
  /^(?:how (?:accurate|far|valid|fair|true|convincing) is (?:it to say|the (?:view|claim|statement|argument|suggestion))|how far (?:do|would) you agree(?: with (?:the|this) (?:view|statement|claim|interpretation))?|to what extent do you agree(?: with (?:the|this) (?:view|statement|claim|interpretation))?|do you agree(?: with (?:the|this) (?:view|statement|claim))?|is it (?:accurate|fair|true|valid) to say|assess the (?:view|claim|validity of the view|statement)|evaluate the (?:view|claim)|how far is it (?:accurate|fair|true|valid) to say|how convincing is the (?:view|argument))\s*(?:that\s+)?/i;
// Stems that put the copula first: "To what extent was the NEP a success?"
const DEGREE_PREFIX = /^(?:to what extent|how far|how much)\s+(?:was|were|is|are|did|had)\s+/i;
// "How successful was X?": the adjective is the predicate.
const HOW_ADJECTIVE =
  /^how (successful|effective|significant|important|far-reaching|harsh|popular|damaging|serious)\s+(?:was|were|is|are)\b/i;
// Claims quoted before the prompt: "'X was too harsh.' How far do you agree?"
const TRAILING_PROMPT =
  /^(.+?)[.!]?["']?\s*(?:how far do you agree|to what extent do you agree|do you agree|how far would you agree|assess (?:this|the) (?:view|claim)|discuss)\b.*$/i;
const COPULA = /\b(?:was|were|is|are|had been|has been|proved to be|proved|became)\s+(.+)$/i;
const HEDGES =
  /^(?:largely|mainly|primarily|essentially|simply|entirely|completely|ultimately|overall|really|just)\s+/i;

// Degree words say how much, not what: "too harsh" is about harshness.
const DEGREE = new Set(["too", "very", "more", "less", "most", "least", "main", "largely", "mainly"]);
const STOP = new Set(
  "a an the of in to for and or by on at with its their his her was were is are be been".split(" "),
);

/** Reads the claim of an essay question and chooses the team labels for it. */
export function readQuestion(question: string): QuestionReading {
  // Dates in brackets ("(1958–62)") and the closing "?" are not part of the claim's wording.
  const q = question
    .replace(/\([^)]*\d[^)]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[?.!]+$/, "")
    .trim();
  let claimText: string | null = null;
  let predicate: string | null = null;
  let agreeType = false;

  const trailing = TRAILING_PROMPT.exec(q);
  const prefix = AGREE_PREFIX.exec(q);
  const how = HOW_ADJECTIVE.exec(q);
  const degree = DEGREE_PREFIX.exec(q);
  if (prefix) {
    agreeType = true;
    claimText = q.slice(prefix[0].length);
  } else if (trailing && trailing[1]!.length < q.length) {
    agreeType = true;
    claimText = trailing[1]!.replace(/^["']/, "");
  } else if (how) {
    predicate = how[1]!.toLowerCase();
  } else if (degree) {
    agreeType = true;
    predicate = predicateAfterSubject(q.slice(degree[0].length));
  }
  if (claimText !== null && predicate === null) predicate = COPULA.exec(claimText)?.[1] ?? null;
  if (predicate)
    predicate =
      headOf(
        predicate
          .replace(HEDGES, "")
          .replace(/[.,;:]+$/, "")
          .trim(),
      ) || null;

  const claim = claimOf(predicate);
  return { claim, sides: labelsFor(claim, agreeType) };
}

/** "the NEP a success" → "a success"; "the Treaty of Versailles too harsh" → "too harsh". */
function predicateAfterSubject(rest: string): string | null {
  const m = /^.+?\s+((?:a|an|too|very|so|more|less|largely|mainly|entirely|the main|the most)\s+.+)$/i.exec(
    rest,
  );
  // Without an article or degree word the subject's end cannot be told from the predicate's start
  // ("How far was Hitler responsible for the fire"), so the claim stays unread.
  return m ? m[1]! : null;
}

/**
 * The predicate up to its first preposition or conjunction: "too harsh on Germany" → "too harsh",
 * "a failure for Mao" → "a failure". What follows names the subject again, not the claim.
 */
function headOf(predicate: string): string {
  const cut = /\s+(?:on|for|to|in|of|towards|by|with|because|as|since|when|during|and|but|than)\b/i.exec(
    predicate,
  );
  return (cut && cut.index > 0 ? predicate.slice(0, cut.index) : predicate).trim();
}

function claimOf(predicate: string | null): Claim {
  if (!predicate) return { kind: "unknown", predicate: null, keywords: [] };
  const keywords = predicate
    .toLowerCase()
    .split(/[^a-z'-]+/)
    .filter((w) => w.length > 2 && !STOP.has(w) && !DEGREE.has(w));
  if (/\b(?:fail\w*|unsuccessful|disast\w*)\b/i.test(predicate))
    return { kind: "failure", predicate, keywords };
  if (/\b(?:success\w*|effective)\b/i.test(predicate)) return { kind: "success", predicate, keywords };
  return { kind: "predicate", predicate, keywords };
}

function labelsFor(claim: Claim, agreeType: boolean): SideLabels {
  switch (claim.kind) {
    case "failure":
      return { failure: "Failure", success: "Partial success" };
    case "success":
      return { failure: "Success", success: "Limited success" };
    case "predicate": {
      const p = claim.predicate!;
      if (p.split(" ").length <= 3 && p.length <= 30) return { failure: capitalise(p), success: `Not ${p}` };
      return agreeType ? { failure: "Agree", success: "Disagree" } : { failure: "For", success: "Against" };
    }
    case "unknown":
      return agreeType ? { failure: "Agree", success: "Disagree" } : { failure: "For", success: "Against" };
    default: {
      const never: never = claim.kind;
      throw new Error(`unknown claim kind ${never}`);
    }
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
