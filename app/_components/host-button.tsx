"use client";
// "Host a game": makes a room (with the chosen deck, or the shipped one), keeps its host secret in
// this browser, and opens the host controls.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { hostSecret } from "../_lib/storage";

export function HostButton({
  deckId = null,
  label = "Host a game",
  className = "btn btn-primary text-xl",
}: {
  deckId?: string | null;
  label?: string;
  className?: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function host() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/rooms", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(deckId ? { deckId } : {}),
      });
      const body = (await res.json()) as { code?: string; hostSecret?: string; message?: string };
      if (res.status !== 201 || !body.code || !body.hostSecret) {
        setError(body.message ?? "Could not create a game. Try again.");
        setBusy(false);
        return;
      }
      hostSecret.set(body.code, body.hostSecret);
      router.push(`/host/${body.code}`);
    } catch {
      setError("Could not reach the game server. Is it still running?");
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      <button type="button" className={className} onClick={host} aria-disabled={busy} disabled={busy}>
        {busy ? "Creating the game…" : label}
      </button>
      {error && (
        <p role="alert" className="font-semibold text-failure">
          {error}
        </p>
      )}
    </div>
  );
}
