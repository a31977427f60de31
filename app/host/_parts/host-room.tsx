"use client";
// The teacher's page: finds the host secret, connects as host, and shows the lobby or the running game.
import Link from "next/link";
import { useEffect, useState } from "react";
import type { HostView } from "../../../game/views";
import { ConnectionBanner, Loading, ProblemPage } from "../../_components/connection";
import { Toasts } from "../../_components/toasts";
import { spacedCode } from "../../_lib/join-url";
import { hostSecret } from "../../_lib/storage";
import { useRoom } from "../../_lib/use-room";
import { PHASE_LABEL } from "../../_lib/words";
import { HostGame } from "./game";
import { HostLobby } from "./lobby";
import { PhoneLink } from "./phone-link";

export function HostRoom({ code }: { code: string }) {
  const [secret, setSecret] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const match = /^#k=([A-Za-z0-9_-]{10,100})$/.exec(window.location.hash);
    if (match?.[1]) {
      hostSecret.set(code, match[1]);
      // Keep the secret out of the address bar, history and anything shared from it.
      window.history.replaceState(null, "", window.location.pathname);
    }
    setSecret(hostSecret.get(code));
  }, [code]);

  const room = useRoom({ role: "host", code, secret, enabled: typeof secret === "string" });

  if (secret === undefined) return <Loading what="Opening the host controls…" />;
  if (secret === null)
    return (
      <ProblemPage
        problem={{
          code: "bad_secret",
          message: `This browser does not hold the host key for game ${spacedCode(code)}. Open the host link from the computer that created the game, or open the projector screen, which needs no key.`,
        }}
        action={
          <Link href={`/screen/${code}`} className="btn btn-primary">
            Open the projector screen
          </Link>
        }
      />
    );
  if (room.problem) return <ProblemPage problem={room.problem} />;
  const view = room.view as HostView | null;
  if (view?.audience !== "host") return <Loading what="Connecting to the game…" />;

  return (
    <div className="flex min-h-dvh flex-col">
      <ConnectionBanner connection={room.connection} />
      <header className="border-b border-line">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <p className="text-lg font-bold">Debate Deck · Host</p>
          <p className="text-lg">
            Code <strong className="tracking-widest">{spacedCode(code)}</strong> · {PHASE_LABEL[view.phase]}
          </p>
          <span className="flex-1" />
          <a href={`/screen/${code}`} target="_blank" rel="noopener" className="btn btn-quiet btn-sm">
            Open the projector screen ↗
          </a>
          {secret && <PhoneLink code={code} secret={secret} />}
        </div>
      </header>
      <main className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-6 px-4 py-4">
        <h1 className="sr-only">Host controls for game {code}</h1>
        {view.phase === "lobby" ? (
          <HostLobby room={room} view={view} />
        ) : (
          <HostGame room={room} view={view} />
        )}
      </main>
      <Toasts />
    </div>
  );
}
