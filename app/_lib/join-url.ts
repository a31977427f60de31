"use client";
// Where students should go: the server's network address (GET /api/info), never "localhost". When the
// server knows none, this page's own origin, flagged so the teacher sees a hint.
import { useEffect, useState } from "react";

export interface JoinBase {
  /** e.g. http://192.168.1.23:3000 */
  base: string;
  others: string[];
  /** true when the address is this page's own origin and may not work from students' laptops. */
  guessed: boolean;
  /** The server listens on this computer only (HOST=127.0.0.1): no student can reach it. */
  localOnly: boolean;
}

/** What GET /api/info answers (server/api-rooms.ts). */
interface Info {
  joinUrls?: string[];
  localOnly?: boolean;
}

export function useJoinBase(): JoinBase | null {
  const [info, setInfo] = useState<JoinBase | null>(null);
  useEffect(() => {
    let live = true;
    const own = window.location.origin;
    const none: Info = { joinUrls: [] };
    fetch("/api/info")
      .then((r) => (r.ok ? (r.json() as Promise<Info>) : none))
      .catch(() => none)
      .then((body) => {
        if (!live) return;
        const [first, ...rest] = body.joinUrls ?? [];
        const localOnly = body.localOnly === true;
        setInfo(
          first
            ? { base: first, others: rest, guessed: false, localOnly }
            : { base: own, others: [], guessed: true, localOnly },
        );
      });
    return () => {
      live = false;
    };
  }, []);
  return info;
}

/** "KFC479" → "KFC 479": easier to read off a board. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

export function joinLink(base: string, code: string): string {
  return `${base}/join?code=${code}`;
}
