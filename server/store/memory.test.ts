import { runStoreContract } from "./contract";
import { openMemoryStore } from "./memory";

runStoreContract("memory", { open: () => openMemoryStore() });
