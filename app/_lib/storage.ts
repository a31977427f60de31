// What the browser remembers: per join code the student's seat token and the teacher's host secret,
// per deck and homework the teacher's secret,
// plus one random device id. localStorage can be missing or full (private windows, locked-down
// school laptops): then it falls back to memory for this tab, and the game still works until reload.
const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | null): void {
  if (value === null) memory.delete(key);
  else memory.set(key, value);
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // memory holds it
  }
}

/** A random id from crypto.getRandomValues: it works on http://192.168.x.y, where the school
 *  network serves the game and crypto.randomUUID (secure contexts only) does not exist. */
export function randomId(bytes = 12): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function deviceId(): string {
  let id = read("dd:device");
  if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
    id = randomId(16);
    write("dd:device", id);
  }
  return id;
}

export const seatToken = {
  get: (code: string) => read(`dd:seat:${code}`),
  set: (code: string, token: string | null) => write(`dd:seat:${code}`, token),
};

export const hostSecret = {
  get: (code: string) => read(`dd:host:${code}`),
  set: (code: string, secret: string | null) => write(`dd:host:${code}`, secret),
};

/** The name a student typed on /join, handed to /play/CODE which does the joining. */
export const pendingName = {
  take(code: string): string | null {
    const key = `dd:name:${code}`;
    let name: string | null = null;
    try {
      name = window.sessionStorage.getItem(key);
      window.sessionStorage.removeItem(key);
    } catch {
      name = memory.get(key) ?? null;
    }
    memory.delete(key);
    return name;
  },
  set(code: string, name: string): void {
    const key = `dd:name:${code}`;
    memory.set(key, name);
    try {
      window.sessionStorage.setItem(key, name);
    } catch {
      // memory holds it
    }
  },
};

/** A deck this browser saved: its owner secret lets this teacher change or delete it. */
export const deckSecret = {
  get: (deckId: string) => read(`dd:deck:${deckId}`),
  set: (deckId: string, secret: string | null) => write(`dd:deck:${deckId}`, secret),
};

/** Homework this browser set: its teacher secret opens the results. */
export const homeworkSecret = {
  get: (id: string) => read(`dd:homework:${id}`),
  set: (id: string, secret: string | null) => write(`dd:homework:${id}`, secret),
};
