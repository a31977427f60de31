// Calls to the server's HTTP API from the browser: one shape for every answer, so a page shows the
// server's own message when it says no (and the line, when a plan does not parse).

export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; code: string; message: string; line?: number };

const UNREACHABLE = "Could not reach the game server. Is it still running?";

export async function api<T>(
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
  secret?: string | null,
): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: "unreachable", message: UNREACHABLE };
  }
  const json = (await res.json().catch(() => null)) as
    | (T & { code?: string; message?: string; line?: number })
    | null;
  if (res.ok && json !== null) return { ok: true, status: res.status, data: json };
  return {
    ok: false,
    status: res.status,
    code: json?.code ?? "server_error",
    message: json?.message ?? "Something went wrong on the server. Try again.",
    line: typeof json?.line === "number" ? json.line : undefined,
  };
}

/** Fetches a file that needs the teacher's secret and saves it under `filename`. Returns an error
 *  message, or null when the download started. */
export async function downloadWithSecret(
  path: string,
  secret: string,
  filename: string,
): Promise<string | null> {
  try {
    const res = await fetch(path, { headers: { authorization: `Bearer ${secret}` } });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      return body.message ?? "Could not download the file.";
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return null;
  } catch {
    return UNREACHABLE;
  }
}
