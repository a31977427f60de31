"use client";
// Where the teacher's plan goes in: pasted, or a .txt file read here in the browser. When the
// importer refuses it, the message names the line and shows the lines around it (above the box, so
// both are on screen), and the line is selected in the text box, scrolled into view, ready to fix.
import { useEffect, useId, useRef } from "react";

export interface PlanProblem {
  message: string;
  line: number | null;
}

/** Selects a 1-based line of a textarea and scrolls it to about a third of the way down. */
function showLine(area: HTMLTextAreaElement, line: number, scrollPage: boolean) {
  const lines = area.value.split("\n");
  const before = lines.slice(0, line - 1).join("\n");
  const start = line > 1 ? before.length + 1 : 0;
  const end = start + (lines[line - 1]?.length ?? 0);
  // Measure where the line starts, wrapping included, with an invisible copy of the box.
  const probe = area.cloneNode() as HTMLTextAreaElement;
  probe.style.position = "absolute";
  probe.style.visibility = "hidden";
  probe.style.height = "0";
  probe.style.width = `${area.clientWidth}px`;
  probe.value = before;
  area.parentElement?.append(probe);
  const top = line > 1 ? probe.scrollHeight : 0;
  probe.remove();
  area.focus({ preventScroll: true });
  area.setSelectionRange(start, end);
  area.scrollTop = Math.max(0, top - area.clientHeight / 3);
  if (scrollPage) area.scrollIntoView({ block: "center" });
}

export function PlanInput({
  plan,
  onPlan,
  onFile,
  problem,
  busy,
  onSubmit,
}: {
  plan: string;
  onPlan: (plan: string) => void;
  /** A file was read: preview it at once. */
  onFile: (plan: string, name: string) => void;
  problem: PlanProblem | null;
  busy: boolean;
  onSubmit: () => void;
}) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const box = useRef<HTMLDivElement>(null);

  // A new refusal: its message at the top of the screen, the bad line selected in the box below.
  useEffect(() => {
    if (problem?.line && area.current) showLine(area.current, problem.line, false);
    if (problem) box.current?.scrollIntoView({ block: "start" });
  }, [problem]);

  const lines = plan.split("\n");
  const at = problem?.line ?? null;
  const from = at ? Math.max(1, at - 2) : 0;
  const excerpt = at ? lines.slice(from - 1, Math.min(lines.length, at + 2)) : [];

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <label htmlFor={`${id}-plan`} className="text-lg font-bold">
        Your essay plan
      </label>
      <p id={`${id}-plan-hint`} className="-mt-2 text-muted">
        Paste it here, or upload it as a .txt file. It needs a QUESTION: line, then INTRODUCTION, PARAGRAPH 1,
        PARAGRAPH 2… (Point, Evidence, Explanation, However, Link: labelled or not) and CONCLUSION.
      </p>
      {problem && (
        <div
          ref={box}
          id={`${id}-problem`}
          role="alert"
          className="flex flex-col gap-2 rounded-xl border-2 border-failure bg-failure-soft p-4"
        >
          <p className="text-lg font-bold text-failure">This plan cannot be made into a deck yet.</p>
          <p className="text-lg">
            {at ? (
              <>
                <strong>Line {at}:</strong> {problem.message.replace(/^line \d+:\s*/, "")}
              </>
            ) : (
              problem.message
            )}
          </p>
          {at && excerpt.length > 0 && (
            <ol
              aria-label={`The plan around line ${at}`}
              className="overflow-x-auto rounded-lg bg-paper py-1 font-mono text-sm"
            >
              {excerpt.map((text, i) => {
                const n = from + i;
                return (
                  <li
                    key={n}
                    className={`flex gap-3 px-2 ${n === at ? "bg-failure font-bold text-white" : ""}`}
                    aria-current={n === at ? "true" : undefined}
                  >
                    <span className="w-8 shrink-0 text-right tabular-nums">{n}</span>
                    <span className="whitespace-pre">{text || " "}</span>
                  </li>
                );
              })}
            </ol>
          )}
          {at && (
            <button
              type="button"
              className="btn btn-quiet btn-sm self-start"
              onClick={() => area.current && showLine(area.current, at, true)}
            >
              Show line {at} in the plan
            </button>
          )}
        </div>
      )}
      <textarea
        id={`${id}-plan`}
        ref={area}
        className="field min-h-72 font-mono text-base leading-relaxed"
        rows={14}
        value={plan}
        spellCheck={false}
        onChange={(e) => onPlan(e.target.value)}
        aria-describedby={`${id}-plan-hint${problem ? ` ${id}-problem` : ""}`}
        aria-invalid={problem ? true : undefined}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn btn-primary" disabled={busy || plan.trim() === ""}>
          {busy ? "Reading the plan…" : "Make the deck"}
        </button>
        <label htmlFor={`${id}-file`} className="font-semibold">
          or upload a .txt file:
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".txt,text/plain"
          className="min-w-0 text-base file:mr-3 file:cursor-pointer file:rounded-xl file:border-2 file:border-edge file:bg-paper file:px-4 file:py-2 file:font-semibold file:text-ink hover:file:bg-wash"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            onFile(await file.text(), file.name);
            e.target.value = "";
          }}
        />
      </div>
    </form>
  );
}
