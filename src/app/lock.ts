// The library lock as the screens use it: unlocking a tab, locking, unlocking for good and changing the passphrase,
// each switching this tab's repositories to the new codec and telling the other tabs.

import type { AssessmentRepository } from '../storage/assessments';
import type { CaseRepository } from '../storage/cases';
import type { LockChannel } from '../storage/channel';
import { LOCKED, type RowCodec } from '../storage/codec';
import type { ShirubeDb } from '../storage/db';
import { changePassphrase, codecFor, disableLock, enableLock, lockState, type LockState } from '../storage/lock';
import { DEFAULT_ITERATIONS, MIN_PASSPHRASE } from '../storage/vault';

export interface LockRepos {
  assessments: AssessmentRepository;
  cases: CaseRepository;
}

/** Why a new passphrase is refused, checked before anything slow or stored happens. */
export type PassphraseProblem = 'empty' | 'too-short' | 'mismatch';

/** A new passphrase and its confirmation: the first problem, or null. Counted in characters as the person sees them. */
export function newPassphraseProblem(passphrase: string, confirm: string): PassphraseProblem | null {
  const length = [...passphrase.normalize('NFC')].length;
  if (length === 0) return 'empty';
  if (length < MIN_PASSPHRASE) return 'too-short';
  if (passphrase.normalize('NFC') !== confirm.normalize('NFC')) return 'mismatch';
  return null;
}

export class LibraryLock {
  constructor(
    private readonly db: ShirubeDb,
    private readonly repos: LockRepos,
    private readonly channel: LockChannel = { post: () => undefined, listen: () => () => undefined },
    /** The derivation cost of new locks; only tests pass a smaller one. */
    private readonly iterations = DEFAULT_ITERATIONS,
  ) {}

  /** The codec this tab reads and writes with. */
  get codec(): RowCodec {
    return this.repos.assessments.codec;
  }

  state(): Promise<LockState> {
    return lockState(this.db);
  }

  /** Another tab changed the lock: calls `listener` (the tab then goes back to the unlock screen). */
  listen(listener: () => void): () => void {
    return this.channel.listen(listener);
  }

  private use(codec: RowCodec): void {
    this.repos.assessments.codec = codec;
    this.repos.cases.codec = codec;
  }

  /** Open the library in this tab; WrongPassphraseError (and nothing changed) when the passphrase is not the one. */
  async unlock(passphrase: string): Promise<void> {
    this.use(await codecFor(await this.state(), passphrase));
  }

  /** Lock the library. Saves already queued finish first, with the codec they started with. */
  async enable(passphrase: string, now: Date): Promise<void> {
    await this.repos.assessments.flush();
    this.use(await enableLock(this.db, passphrase, now, this.iterations));
    this.channel.post();
  }

  /** Remove the lock; asks for the passphrase again (WrongPassphraseError when it is not the one). */
  async disable(passphrase: string): Promise<void> {
    await this.repos.assessments.flush();
    this.use(await disableLock(this.db, passphrase));
    this.channel.post();
  }

  async change(current: string, next: string, now: Date): Promise<void> {
    await this.repos.assessments.flush();
    this.use(await changePassphrase(this.db, current, next, now, this.iterations));
    this.channel.post();
  }

  /** Forget this tab's key (and tell the other tabs to forget theirs); the caller shows the unlock screen. */
  async lockNow(): Promise<void> {
    await this.repos.assessments.flush();
    this.use(LOCKED);
    this.channel.post();
  }
}
