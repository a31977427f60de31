// /api/info (where students join) and POST /api/rooms (a teacher hosts a game).
import { takeCreation, type RouteModule } from "./api";
import { HttpError, readJson, send } from "./http-json";
import { isLoopback, joinAddresses } from "./network";
import { CreateRoomSchema, PROTOCOL_VERSION } from "./protocol";

export const roomsRoutes: RouteModule = async ({ req, res, path, method, deps, ...route }) => {
  if (path === "/api/info" && method === "GET") {
    // Where students should go: this machine's network addresses, never "localhost", and only
    // addresses the server listens on (none when HOST keeps it to this computer).
    const port = req.socket.localPort ?? 3000;
    const joinUrls = joinAddresses(deps.listenHost).map((ip) => `http://${ip}:${port}`);
    send(res, 200, { joinUrls, localOnly: isLoopback(deps.listenHost), protocol: PROTOCOL_VERSION });
    return true;
  }
  if (path === "/api/rooms" && method === "POST") {
    takeCreation({ req, res, path, method, deps, ...route });
    const body = await readJson(req, CreateRoomSchema);
    const found = deps.decks.get(body.deckId ?? null);
    if (!found) throw new HttpError(404, "no_deck", "That deck no longer exists.");
    const { live, hostSecret } = deps.registry.create({
      deck: found.deck,
      deckId: found.id,
      mode: body.mode ?? "class",
    });
    send(res, 201, { code: live.code, hostSecret });
    return true;
  }
  return false;
};
