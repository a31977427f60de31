"use client";
// Copies a link. navigator.clipboard exists only on secure pages (https, localhost); on a school
// network's http://192.168.x.y address the old select-and-copy route does the job.
import { useState } from "react";

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function CopyButton({
  text,
  label,
  className = "btn btn-quiet",
}: {
  text: string;
  label: string;
  className?: string;
}) {
  const [said, setSaid] = useState<{ ok: boolean } | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={className}
        onClick={async () => {
          const ok = await copyText(text);
          setSaid({ ok });
          setTimeout(() => setSaid(null), 3000);
        }}
      >
        {label}
      </button>
      <span role="status" className={`text-sm font-semibold ${said?.ok ? "text-ok" : "text-failure"}`}>
        {said && (said.ok ? "Copied" : "Could not copy: select the link and copy it")}
      </span>
    </span>
  );
}
