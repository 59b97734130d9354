// The locked library's cryptography: a key derived slowly from a passphrase (PBKDF2-SHA-256), rows sealed with
// AES-GCM, and a check value that tells a wrong passphrase from a right one without reading any record.

/** What is kept in clear beside a sealed row: only what IndexedDB needs to index and compare revisions. */
export interface SealedBox {
  /** 12 random bytes, base64. */
  iv: string;
  /** AES-GCM ciphertext with its tag, base64. */
  data: string;
}

export interface LockMeta {
  v: 1;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  /** 16 random bytes, base64. */
  salt: string;
  /** A known text sealed with the key: opening it proves the passphrase before any record is touched. */
  check: SealedBox;
  lockedAt: string;
}

/**
 * OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. About half a second on a laptop: slow for someone trying
 * passphrases, once per unlock for the person who knows it. Stored in the meta, so a later change reads old locks.
 */
export const DEFAULT_ITERATIONS = 600_000;
/** Short passphrases fall to guessing whatever the derivation costs. */
export const MIN_PASSPHRASE = 10;
const CHECK_TEXT = 'shirube-lock-check-v1';

export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase');
    this.name = 'WrongPassphraseError';
  }
}

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  // Web Crypto exists only in secure contexts (https or localhost); the lock is not offered elsewhere.
  if (!s) throw new Error('Web Crypto is not available in this context');
  return s;
};

export const cryptoAvailable = (): boolean => Boolean(globalThis.crypto?.subtle);

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const random = (n: number): Uint8Array<ArrayBuffer> => globalThis.crypto.getRandomValues(new Uint8Array(n));

/** Derive the AES-GCM key; not extractable, so it exists only inside this tab's Web Crypto for the session. */
export async function deriveKey(passphrase: string, salt: string, iterations: number): Promise<CryptoKey> {
  // NFC so the same passphrase typed with another input method (composed or decomposed kana) gives the same key.
  const material = await subtle().importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function sealText(key: CryptoKey, text: string): Promise<SealedBox> {
  const iv = random(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Throws when the key is not the one the box was sealed with, or the box was altered (GCM's tag fails). */
export async function openText(key: CryptoKey, box: SealedBox): Promise<string> {
  const plain = await subtle().decrypt({ name: 'AES-GCM', iv: fromBase64(box.iv) }, key, fromBase64(box.data));
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}

export const seal = (key: CryptoKey, value: unknown): Promise<SealedBox> => sealText(key, JSON.stringify(value));
export const open = async (key: CryptoKey, box: SealedBox): Promise<unknown> => JSON.parse(await openText(key, box));

/** A new lock for a passphrase: fresh salt, the key, and the meta to store. */
export async function createLock(
  passphrase: string,
  now: Date,
  iterations = DEFAULT_ITERATIONS,
): Promise<{ key: CryptoKey; meta: LockMeta }> {
  const salt = toBase64(random(16));
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await sealText(key, CHECK_TEXT);
  return { key, meta: { v: 1, kdf: 'PBKDF2-SHA-256', iterations, salt, check, lockedAt: now.toISOString() } };
}

/** The key for a stored lock, or WrongPassphraseError. */
export async function unlock(meta: LockMeta, passphrase: string): Promise<CryptoKey> {
  const key = await deriveKey(passphrase, meta.salt, meta.iterations);
  try {
    if ((await openText(key, meta.check)) === CHECK_TEXT) return key;
  } catch {
    // AES-GCM refuses to open the check with any other key: that is how a wrong passphrase shows.
  }
  throw new WrongPassphraseError();
}

const isBox = (v: unknown): v is SealedBox =>
  typeof v === 'object' && v !== null && typeof (v as SealedBox).iv === 'string' && typeof (v as SealedBox).data === 'string';

/** A stored lock meta, checked (a damaged one is reported, never treated as "no lock"). */
export function isLockMeta(v: unknown): v is LockMeta {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Partial<LockMeta>;
  return (
    m.v === 1 &&
    m.kdf === 'PBKDF2-SHA-256' &&
    Number.isSafeInteger(m.iterations) &&
    (m.iterations ?? 0) >= 1 &&
    typeof m.salt === 'string' &&
    isBox(m.check) &&
    typeof m.lockedAt === 'string'
  );
}

export { isBox as isSealedBox };
