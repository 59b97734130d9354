// Assessment ids: random, URL-safe, generated on the device (no server ever assigns them).

export function newId(): string {
  return globalThis.crypto.randomUUID();
}
