"use client";
// "Open on your phone": the host link with the secret in its #hash, as a QR code and a link, behind a
// click (anyone who sees it can run the game).
import { useState } from "react";
import { Qr } from "../../_components/qr";
import { useJoinBase } from "../../_lib/join-url";

export function PhoneLink({ code, secret }: { code: string; secret: string }) {
  const [open, setOpen] = useState(false);
  const join = useJoinBase();
  const link = `${join?.base ?? ""}/host/${code}#k=${secret}`;
  return (
    <div className="relative">
      <button
        type="button"
        className="btn btn-quiet btn-sm"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Open on your phone
      </button>
      {open && join && (
        <div className="absolute right-0 z-20 mt-2 flex w-80 flex-col gap-2 rounded-2xl border border-line bg-paper p-4 shadow-xl">
          <p className="font-semibold">Scan to control the game from your phone.</p>
          <Qr text={link} label="QR code of the host link" className="size-56 self-center" />
          <p className="text-sm text-muted">
            Keep it off the projector: anyone with this link can run the game.
          </p>
          <a href={link} className="break-all text-sm underline">
            {link.replace(/#k=.*/, "#k=…")}
          </a>
          <button type="button" className="btn btn-quiet btn-sm" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
