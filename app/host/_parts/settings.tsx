"use client";
// The game's settings, changed in the lobby: rounds (themes and their order), phase lengths, timers,
// rubric, hand size and bots. Each change is sent at once; the server checks it and a refusal shows.
import { useEffect, useId, useState } from "react";
import { RUBRICS } from "../../../game/rubric";
import type { BotLevel, Settings as GameSettings, TimerMode } from "../../../game/types";
import type { HostView } from "../../../game/views";
import { MAX_ROUNDS, MIN_ROUNDS, PHASE_LIMITS } from "../../_lib/protocol";
import type { Room } from "../../_lib/use-room";
import { themeTitle } from "../../_lib/words";

type Patch = Partial<GameSettings>;

export function Settings({ room, view }: { room: Room; view: HostView }) {
  const configure = (settings: Patch) => room.send({ type: "configure", settings });
  return (
    <section aria-labelledby="settings-title" className="panel flex flex-col gap-6 p-5">
      <h2 id="settings-title" className="text-2xl font-bold">
        Settings
      </h2>
      <div className="grid gap-8 lg:grid-cols-2">
        <Rounds room={room} view={view} configure={configure} />
        <div className="flex flex-col gap-6">
          <Timing view={view} configure={configure} />
          <Rubric view={view} configure={configure} />
          <Bots room={room} view={view} configure={configure} />
        </div>
      </div>
    </section>
  );
}

type Props = { room: Room; view: HostView; configure: (p: Patch) => void };

function Rounds({ room, view, configure }: Props) {
  const all = (room.deck?.themes ?? []).filter((t) => t.paragraph !== null).map((t) => t.id);
  const chosen = view.settings.themes;
  const unused = all.filter((t) => !chosen.includes(t));
  const move = (i: number, by: number) => {
    const next = chosen.slice();
    const [t] = next.splice(i, 1);
    if (t) next.splice(i + by, 0, t);
    configure({ themes: next });
  };
  const title = (t: string) => themeTitle(room.deck, t);
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-xl font-bold">
        Rounds ({chosen.length}){" "}
        <span className="text-base font-normal text-muted">
          one theme each, {MIN_ROUNDS}–{MAX_ROUNDS}
        </span>
      </legend>
      <ol className="flex flex-col gap-2">
        {chosen.map((t, i) => (
          <li key={t} className="flex flex-wrap items-center gap-2 rounded-xl bg-wash px-3 py-1.5">
            <span className="min-w-0 flex-1 font-semibold">
              {i + 1}. {title(t)}
            </span>
            <button
              type="button"
              className="btn btn-quiet btn-sm"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={`Move ${title(t)} earlier`}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-quiet btn-sm"
              disabled={i === chosen.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`Move ${title(t)} later`}
            >
              ↓
            </button>
            <button
              type="button"
              className="btn btn-quiet btn-sm"
              disabled={chosen.length <= Math.min(MIN_ROUNDS, all.length)}
              onClick={() => configure({ themes: chosen.filter((x) => x !== t) })}
              aria-label={`Leave out ${title(t)}`}
            >
              Leave out
            </button>
          </li>
        ))}
      </ol>
      {unused.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {unused.map((t) => (
            <li key={t}>
              <button
                type="button"
                className="btn btn-quiet btn-sm"
                disabled={chosen.length >= MAX_ROUNDS}
                onClick={() => configure({ themes: [...chosen, t] })}
              >
                + Add {title(t)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

const PHASES: { key: keyof typeof PHASE_LIMITS; label: string }[] = [
  { key: "voteMs", label: "Vote" },
  { key: "buildMs", label: "Build" },
  { key: "revealMs", label: "Reveal" },
  { key: "rebutMs", label: "Rebut" },
  { key: "resultMs", label: "Result" },
];

const TIMERS: { value: TimerMode; label: string }[] = [
  { value: "normal", label: "Normal" },
  { value: "relaxed", label: "Relaxed (twice as long)" },
  { value: "off", label: "Off (move on with Next)" },
];

function Timing({ view, configure }: Omit<Props, "room">) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-xl font-bold">Timing</legend>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {PHASES.map(({ key, label }) => (
          <Seconds
            key={key}
            label={label}
            value={view.settings[key] / 1000}
            limits={PHASE_LIMITS[key]}
            onCommit={(s) => configure({ [key]: s * 1000 })}
          />
        ))}
      </div>
      <div role="radiogroup" aria-labelledby={`${id}-timers`} className="flex flex-col gap-1">
        <span id={`${id}-timers`} className="font-semibold">
          Timers
        </span>
        <div className="flex flex-wrap gap-2">
          {TIMERS.map((t) => (
            <label
              key={t.value}
              className="flex items-center gap-2 rounded-lg border-2 border-line px-3 py-1.5 has-[:checked]:border-ink has-[:checked]:font-bold"
            >
              <input
                type="radio"
                name={`${id}-timer`}
                className="size-4 accent-ink"
                checked={view.settings.timers === t.value}
                onChange={() => configure({ timers: t.value })}
              />
              {t.label}
            </label>
          ))}
        </div>
      </div>
    </fieldset>
  );
}

/** A number of seconds, sent when the teacher leaves the field or presses Enter. */
function Seconds({
  label,
  value,
  limits,
  onCommit,
}: {
  label: string;
  value: number;
  limits: readonly [number, number];
  onCommit: (s: number) => void;
}) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const n = Number(text);
    if (Number.isInteger(n) && n !== value) onCommit(n);
    else setText(String(value));
  };
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label} (seconds)
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        className="field"
        min={limits[0]}
        max={limits[1]}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}

function Rubric({ view, configure }: Omit<Props, "room">) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-xl font-bold">Mark scheme</legend>
      {RUBRICS.map((r) => (
        <label
          key={r.id}
          className="flex items-center gap-2 rounded-lg border-2 border-line px-3 py-1.5 has-[:checked]:border-ink has-[:checked]:font-bold"
        >
          <input
            type="radio"
            name={`${id}-rubric`}
            className="size-4 accent-ink"
            checked={view.rubric.id === r.id}
            onChange={() => configure({ rubric: r })}
          />
          {r.title}
        </label>
      ))}
    </fieldset>
  );
}

const LEVELS: BotLevel[] = ["easy", "medium", "hard"];

function Bots({ room, view, configure }: Props) {
  const id = useId();
  const level = view.settings.botLevel;
  const biggest = Math.max(
    2,
    ...(["failure", "success"] as const).map((t) => view.seats.filter((s) => s.team === t).length),
  );
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-xl font-bold">Computer players</legend>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          className="size-5 accent-ink"
          checked={view.settings.bots}
          onChange={(e) => configure({ bots: e.target.checked })}
        />
        Fill an empty or smaller team with bots when the game starts
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-level`} className="font-semibold">
          Bot level
        </label>
        <select
          id={`${id}-level`}
          className="field w-auto"
          value={level}
          onChange={(e) => configure({ botLevel: e.target.value as BotLevel })}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {l[0]?.toUpperCase()}
              {l.slice(1)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-quiet btn-sm"
          onClick={() => room.send({ type: "addBot", team: null, level })}
        >
          Add a bot
        </button>
        <button
          type="button"
          className="btn btn-quiet btn-sm"
          onClick={() => room.send({ type: "fillBots", level, perTeam: Math.min(20, biggest) })}
        >
          Fill with bots
        </button>
      </div>
    </fieldset>
  );
}
