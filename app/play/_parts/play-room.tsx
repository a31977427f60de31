"use client";
// A student's page: join (or rejoin with the stored seat token), then the game as their seat sees it.
// Reload or a dropped connection lands back in the same seat: the token is sent on every reconnect.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { TeamView } from "../../../game/views";
import { ConnectionBanner, Loading, ProblemPage } from "../../_components/connection";
import { Toasts } from "../../_components/toasts";
import { pendingName, seatToken } from "../../_lib/storage";
import { useRoom } from "../../_lib/use-room";
import { NameForm } from "./name-form";
import { PlayScreen } from "./play-screen";

export function PlayRoom({ code }: { code: string }) {
  const room = useRoom({ role: "player", code });
  // Read browser storage after mount only (the server render knows nothing of it).
  const [seated, setSeated] = useState<boolean | null>(null);
  const [autoName, setAutoName] = useState<string | null>(null);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const tried = useRef(false);

  useEffect(() => {
    setSeated(seatToken.get(code) !== null);
    const name = pendingName.take(code);
    if (name) setAutoName(name);
  }, [code]);

  const { connection, me, join } = room;
  const doJoin = async (name: string) => {
    setJoining(true);
    setJoinError(null);
    const ack = await join(name);
    setJoining(false);
    if (ack.ok) setSeated(true);
    else {
      setAutoName(name);
      setJoinError(ack.message);
    }
  };

  // The name typed on /join: join as soon as the connection is up.
  useEffect(() => {
    if (connection !== "open" || me || !autoName || tried.current || seated) return;
    tried.current = true;
    void doJoin(autoName);
  });

  useEffect(() => {
    if (room.seatLost) setSeated(false);
  }, [room.seatLost]);

  if (room.problem) {
    const again =
      room.problem.code === "removed" ? (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            // A fresh start: no seat, no automatic join with the old name.
            tried.current = true;
            setSeated(false);
            setJoinError(null);
            room.restart();
          }}
        >
          Join again
        </button>
      ) : room.problem.code === "no_room" ? (
        <Link href="/join" className="btn btn-primary">
          Try another code
        </Link>
      ) : undefined;
    return <ProblemPage problem={room.problem} action={again} />;
  }

  if (me && room.view && room.view.audience === "team") {
    return (
      <>
        <ConnectionBanner connection={connection} />
        <PlayScreen room={room} view={room.view as TeamView} me={me} />
        <Toasts />
      </>
    );
  }

  if (
    seated === null ||
    (seated && !room.seatLost) ||
    (autoName && !joinError && !tried.current) ||
    joining
  ) {
    return (
      <>
        <ConnectionBanner connection={connection} />
        <Loading what={joining ? "Joining…" : "Connecting to the game…"} />
      </>
    );
  }

  return (
    <>
      <ConnectionBanner connection={connection} />
      <NameForm
        code={code}
        initialName={autoName ?? ""}
        note={room.seatLost}
        error={joinError}
        busy={joining || connection !== "open"}
        onJoin={(name) => void doJoin(name)}
      />
    </>
  );
}
