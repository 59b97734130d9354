// The locked library's cryptography: right and wrong passphrases, sealed rows that cannot be read or altered unseen.

import { describe, expect, it } from 'vitest';
import { createLock, isLockMeta, open, seal, unlock, WrongPassphraseError } from '../../src/storage/vault';

// The derivation cost is stored in the lock; tests use a small one so they stay quick (the app uses 600,000).
const FAST = 1000;
const now = new Date('2026-12-02T03:00:00Z');

describe('vault', () => {
  it('unlocks with the passphrase it was locked with and opens what was sealed', async () => {
    const { key, meta } = await createLock('正しいパスフレーズ 2026', now, FAST);
    expect(isLockMeta(meta)).toBe(true);
    const box = await seal(key, { title: '顧客名簿の誤送信', facts: { n: 3 } });
    // The stored text shows nothing of the record.
    expect(JSON.stringify(box)).not.toContain('顧客');
    const again = await unlock(meta, '正しいパスフレーズ 2026');
    expect(await open(again, box)).toEqual({ title: '顧客名簿の誤送信', facts: { n: 3 } });
  });

  it('refuses a wrong passphrase with WrongPassphraseError, and a key from it opens nothing', async () => {
    const { key, meta } = await createLock('correct horse battery', now, FAST);
    const box = await seal(key, { secret: 1 });
    await expect(unlock(meta, 'correct horse batterY')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(unlock(meta, '')).rejects.toBeInstanceOf(WrongPassphraseError);
    const other = await createLock('correct horse batterY', now, FAST);
    await expect(open(other.key, box)).rejects.toThrow();
  });

  it('treats composed and decomposed kana as the same passphrase (NFC)', async () => {
    const composed = 'パスフレーズです。ガギグ';
    const { meta } = await createLock(composed, now, FAST);
    await expect(unlock(meta, composed.normalize('NFD'))).resolves.toBeDefined();
  });

  it('notices a sealed row altered on disk (AES-GCM tag) instead of reading altered data', async () => {
    const { key } = await createLock('correct horse battery', now, FAST);
    const box = await seal(key, { verdict: 'reportable' });
    const bytes = Uint8Array.from(atob(box.data), (c) => c.charCodeAt(0));
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const altered = { ...box, data: btoa(String.fromCharCode(...bytes)) };
    await expect(open(key, altered)).rejects.toThrow();
  });

  it('uses a fresh salt and IV each time, so equal records do not look equal when stored', async () => {
    const a = await createLock('correct horse battery', now, FAST);
    const b = await createLock('correct horse battery', now, FAST);
    expect(a.meta.salt).not.toBe(b.meta.salt);
    const s1 = await seal(a.key, { x: 1 });
    const s2 = await seal(a.key, { x: 1 });
    expect(s1.iv).not.toBe(s2.iv);
    expect(s1.data).not.toBe(s2.data);
  });

  it('recognises only a complete lock record', () => {
    expect(isLockMeta(null)).toBe(false);
    expect(isLockMeta({ v: 1, kdf: 'PBKDF2-SHA-256', iterations: 0, salt: 'x', check: { iv: 'a', data: 'b' }, lockedAt: '' })).toBe(false);
    expect(isLockMeta({ v: 2, kdf: 'PBKDF2-SHA-256', iterations: 10, salt: 'x', check: { iv: 'a', data: 'b' }, lockedAt: '' })).toBe(false);
  });
});
