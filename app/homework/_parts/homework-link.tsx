"use client";
// The link for the class (network address, copy, QR) and the teacher's own private results link.
import { CopyButton } from "../../_components/copy-button";
import { Qr } from "../../_components/qr";
import { useJoinBase } from "../../_lib/join-url";

export function HomeworkLink({ id, secret }: { id: string; secret: string | null }) {
  const join = useJoinBase();
  const base = join?.base ?? "";
  const link = `${base}/homework/${id}`;
  return (
    <section aria-labelledby="link-title" className="panel flex flex-wrap items-center gap-6 p-5">
      <div className="flex min-w-0 flex-1 basis-96 flex-col gap-3">
        <h2 id="link-title" className="text-2xl font-bold">
          The link for your class
        </h2>
        <p className="break-all rounded-xl bg-wash px-4 py-3 text-2xl font-bold">{join ? link : "…"}</p>
        <div className="flex flex-wrap gap-3">
          <CopyButton text={link} label="Copy the class link" className="btn btn-primary" />
        </div>
        {join?.guessed && (
          <p className="text-sm text-muted">
            This computer did not report a network address: if students play from home, share the address your
            school uses for Debate Deck.
          </p>
        )}
        {secret && (
          <div className="mt-2 flex flex-col gap-2 border-t border-line pt-3">
            <p>
              <span className="font-semibold">Your private results link.</span> Bookmark it to see these
              results from another computer. Keep it to yourself: anyone with it sees the results.
            </p>
            <CopyButton
              text={`${base}/homework/${id}/results#k=${secret}`}
              label="Copy my results link"
              className="btn btn-quiet btn-sm self-start"
            />
          </div>
        )}
      </div>
      {join && (
        <Qr text={link} label={`QR code of the homework link`} className="size-44 shrink-0 rounded-lg" />
      )}
    </section>
  );
}
