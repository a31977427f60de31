// Shapes that tell card kinds and sides apart without colour: every card shows its kind and its side
// by shape AND by word. Decorative (aria-hidden): the word next to each icon is what is read out.
import type { CardKind, Side } from "../../content/schema";

const KIND_PATHS: Record<CardKind, string> = {
  point: "M12 3 L21 20 L3 20 Z", // triangle: the claim
  evidence: "M4 4 H20 V20 H4 Z", // square: a solid fact
  explanation: "M12 3 A9 9 0 1 1 11.99 3 Z", // circle: reasoning round it
  counter: "M12 2 L22 12 L12 22 L2 12 Z", // diamond: the other angle
  link: "M7 3 H17 L22 12 L17 21 H7 L2 12 Z", // hexagon: ties back
  context: "M12 2 L14.6 9.2 L22 9.3 L16 14 L18.2 21.5 L12 17 L5.8 21.5 L8 14 L2 9.3 L9.4 9.2 Z", // star
};

export function KindIcon({ kind, className = "size-[1em]" }: { kind: CardKind; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className={className} focusable="false">
      <path d={KIND_PATHS[kind]} fill="currentColor" />
    </svg>
  );
}

export function SideIcon({ side, className = "size-[1em]" }: { side: Side; className?: string }) {
  if (side === "failure")
    return (
      <svg viewBox="0 0 24 24" aria-hidden="true" className={className} focusable="false">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path
          d="M8.5 8.5 L15.5 15.5 M15.5 8.5 L8.5 15.5"
          stroke="currentColor"
          strokeWidth="2.5"
          strokeLinecap="round"
        />
      </svg>
    );
  if (side === "success")
    return (
      <svg viewBox="0 0 24 24" aria-hidden="true" className={className} focusable="false">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M12 3 A9 9 0 0 1 12 21 Z" fill="currentColor" />
      </svg>
    );
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className={className} focusable="false">
      <path
        d="M4 8 H18 M14 4 L18 8 L14 12 M20 16 H6 M10 12 L6 16 L10 20"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
