// Putting views back together on the client. A connection that asked for `views: "patch"` gets a
// whole view first, then only the fields that changed, merged over the view it holds; a big view
// comes in several frames (`more` on all but the last) and is complete with its last one
// (server/broadcast.ts, server/view-frames.ts). The app, the test harness and the load test's
// clients all take frames through this one class.

/** What a `view` frame carries that matters here (server/protocol.ts ViewPayload). */
export interface ViewFrame<V> {
  view: V | Partial<V>;
  patch?: true;
  more?: true;
}

export class ViewAssembly<V extends object> {
  private held: V | null = null;
  private building: V | null = null;

  /** The last complete view. */
  get view(): V | null {
    return this.held;
  }

  /**
   * Takes one frame: the view as far as it has arrived (`complete` once its last frame is in, when
   * it also becomes `view`), or null for a patch with nothing to lay it over (the connection has to
   * start again from a whole view).
   */
  take(frame: ViewFrame<V>): { view: V; complete: boolean } | null {
    const base = this.building ?? this.held;
    if (frame.patch && !base) return null;
    const view = (frame.patch ? { ...base, ...frame.view } : frame.view) as V;
    if (frame.more) {
      this.building = view;
      return { view, complete: false };
    }
    this.building = null;
    this.held = view;
    return { view, complete: true };
  }

  /** Forgets what it holds (a new connection starts from a whole view). */
  reset(): void {
    this.held = null;
    this.building = null;
  }
}
