"use client";
// How to join: the address, the code and the QR code of the join link. Big on the projector.
import type { JoinBase } from "../_lib/join-url";
import { joinLink, spacedCode } from "../_lib/join-url";
import { Qr } from "./qr";

export function JoinInfo({
  code,
  join,
  big = false,
}: {
  code: string;
  join: JoinBase | null;
  big?: boolean;
}) {
  const address = join?.base.replace(/^https?:\/\//, "") ?? "…";
  return (
    <div className={`flex min-w-0 items-center ${big ? "gap-10" : "flex-wrap gap-6"}`}>
      <div className="flex min-w-0 flex-col gap-1">
        <p className={`font-semibold text-muted ${big ? "text-3xl" : "text-lg"}`}>Go to</p>
        <p className={`break-all font-bold ${big ? "text-5xl" : "text-2xl"}`}>{address}</p>
        <p className={`mt-3 font-semibold text-muted ${big ? "text-3xl" : "text-lg"}`}>and enter the code</p>
        <p
          className={`font-bold tracking-[0.15em] tabular-nums ${big ? "text-[8rem] leading-none" : "text-6xl"}`}
        >
          <span aria-hidden="true">{spacedCode(code)}</span>
          <span className="sr-only">Join code {code.split("").join(" ")}</span>
        </p>
        {join?.guessed && (
          <p className={`mt-2 max-w-xl rounded-lg bg-wash p-2 ${big ? "text-xl" : "text-sm"}`}>
            {join.localOnly
              ? "The game is running for this computer only (HOST is set to a local address): students' laptops cannot reach it. Restart it without HOST to let the class join."
              : "This computer did not report a network address. Students' laptops must be on the same network; if this address starts with localhost, find the computer's network address and use that instead."}
          </p>
        )}
        {join && join.others.length > 0 && (
          <p className={`text-muted ${big ? "text-xl" : "text-sm"}`}>
            If that does not work: {join.others.map((o) => o.replace(/^https?:\/\//, "")).join(" or ")}
          </p>
        )}
      </div>
      {join && (
        <Qr
          text={joinLink(join.base, code)}
          label={`QR code to join game ${code}`}
          className={big ? "size-[22rem] shrink-0 rounded-xl" : "size-40 shrink-0 rounded-lg"}
        />
      )}
    </div>
  );
}
