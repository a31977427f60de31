"use client";
// Fits a block of projector text to the height it is given: starts at `max` rem and steps the
// font size down until nothing overflows (or `min` is reached). Content inside sizes itself in em.
import { useLayoutEffect, useRef } from "react";

export function useFitToHeight<T extends HTMLElement>(key: unknown, max = 1.2, min = 0.7) {
  const ref = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` says the content changed: fit again
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const shrink = () => {
      let size = max;
      el.style.fontSize = `${size}rem`;
      while (el.scrollHeight > el.clientHeight + 1 && size > min) {
        size = Math.round((size - 0.05) * 100) / 100;
        el.style.fontSize = `${size}rem`;
      }
    };
    shrink();
    const observer = new ResizeObserver(shrink);
    observer.observe(el);
    return () => observer.disconnect();
  }, [key, max, min]);
  return ref;
}
