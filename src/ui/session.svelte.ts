// One open assessment: the wizard actor, its reactive snapshot, and saving of the envelope on every change to the
// store it is given (IndexedDB, or memory for a quiz or preview). Saving subscribes from outside the machine; a
// failed save is shown, and the answer stays on screen.

import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import { prefilledAfterAnswer, prefilledStillAnswered } from '../app/answering';
import type { RunStore } from '../app/run-store';
import { todayInJapan } from '../domain/dates';
import type { FlowDefinition } from '../domain/engine';
import { createFlowMachine, questionsOf, type FlowMachine, type WizardEvent } from '../domain/machine';
import type { Facts, FlowId } from '../domain/types';
import { RULES_REVISION } from '../domain/ruleset';
import { advanceRun, type Envelope, type Position, type PriorOutcome } from '../storage/envelope';
import { classify, ConflictError, type StorageError } from '../storage/errors';
import { duplicate, setAnswerNote, setRecordText, signOff, type RecordRefusal, type RecordStep } from '../storage/record';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed' | 'conflict';

export class AssessmentSession {
  envelope = $state<Envelope>() as Envelope;
  snapshot = $state<SnapshotFrom<FlowMachine>>() as SnapshotFrom<FlowMachine>;
  saveStatus = $state<SaveStatus>('idle');
  saveError = $state<StorageError | null>(null);
  /**
   * Set when this record's verdict was made under an earlier revision of the rules: that verdict, as kept in the
   * record when the current rules replaced it (or as saved, when they give the very same outcome).
   */
  revisedFrom = $state<PriorOutcome | null>(null);
  /** A save was refused because another tab saved this record first: what is stored now (undefined: deleted). */
  conflict = $state<{ current: Envelope | undefined } | null>(null);
  /** Another tab saved or deleted this record since it was opened here. */
  changedElsewhere = $state(false);

  private actor!: Actor<FlowMachine>;
  private readonly machine: FlowMachine;
  /** While the constructor routes the wizard back to where the record was, snapshots are not saves. */
  private opening = true;

  constructor(
    readonly def: FlowDefinition,
    envelope: Envelope,
    private readonly store: RunStore,
    // A clock, not state: each call reads the current time for timestamps.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    private readonly now: () => Date = () => new Date(),
  ) {
    this.machine = createFlowMachine(def);
    this.envelope = envelope;
    const saved = envelope.outcome;
    const revisionAtOpen = envelope.rulesRevision;
    const pos = envelope.position;
    // A record left on its review or result page was complete: if the rules now ask more, answering the new
    // questions leads back to the review rather than through every earlier answer again.
    this.start(envelope.facts, pos.screen === 'question' && pos.question ? pos.question : undefined, pos.screen !== 'question');
    if (pos.screen === 'outcome' && this.snapshot.value === 'review') this.send({ type: 'CONFIRM' });
    // Opening a record is not an edit: it is written only if where it lands differs from what was saved.
    this.opening = false;
    this.onSnapshot(this.snapshot);
    if (saved && revisionAtOpen !== RULES_REVISION) {
      const kept = this.envelope.priorOutcomes.at(-1);
      // Either the rules replaced it just now (kept as evidence), or they give the very same outcome.
      this.revisedFrom =
        kept && JSON.stringify(kept.outcome) === JSON.stringify(saved)
          ? kept
          : { outcome: saved, rulesRevision: revisionAtOpen, savedAt: envelope.updatedAt, replacedAt: envelope.updatedAt };
    }
  }

  private start(facts: Facts, at?: string, reviewWhenAnswered = false): void {
    this.actor?.stop();
    this.actor = createActor(this.machine, {
      input: { facts, ...(at ? { at } : {}), ...(reviewWhenAnswered ? { reviewWhenAnswered } : {}), today: todayInJapan(this.now()) },
    });
    this.actor.subscribe((s) => this.onSnapshot(s));
    this.actor.start();
    this.snapshot = this.actor.getSnapshot();
  }

  private onSnapshot(s: SnapshotFrom<FlowMachine>): void {
    this.snapshot = s;
    if (this.opening) return;
    const position = this.positionOf(s);
    const facts = s.context.facts;
    // The machine's output is the outcome of the walk that routed it to its final state.
    const outcome = s.status === 'done' ? (s.output ?? null) : null;
    const prev = this.envelope;
    if (
      JSON.stringify(prev.facts) === JSON.stringify(facts) &&
      JSON.stringify(prev.position) === JSON.stringify(position) &&
      JSON.stringify(prev.outcome) === JSON.stringify(outcome)
    )
      return;
    const prefilled = prefilledStillAnswered(prev.prefilled, facts);
    this.envelope = advanceRun(prev, { facts: { ...facts }, position, outcome, prefilled }, this.now());
    void this.persist();
  }

  private positionOf(s: SnapshotFrom<FlowMachine>): Position {
    if (s.status === 'done') return { screen: 'outcome' };
    if (s.value === 'review') return { screen: 'review' };
    return { screen: 'question', question: s.context.current ?? '' };
  }

  async persist(opts: { force?: boolean } = {}): Promise<void> {
    this.saveStatus = 'saving';
    try {
      await this.store.save($state.snapshot(this.envelope) as Envelope, opts);
      this.saveStatus = 'saved';
      this.saveError = null;
      this.conflict = null;
    } catch (e) {
      if (e instanceof ConflictError) {
        this.saveStatus = 'conflict';
        this.conflict = { current: e.current };
        return;
      }
      this.saveStatus = 'failed';
      this.saveError = classify(e);
    }
  }

  /** Answers not (yet) on the device: leaving the page now would lose them. */
  get unsaved(): boolean {
    return this.saveStatus === 'saving' || this.saveStatus === 'failed' || this.saveStatus === 'conflict';
  }

  /** A signed-off record is read-only: a change starts a new version instead. */
  get readOnly(): boolean {
    return this.envelope.signedOffAt !== null;
  }

  /** Apply a step to the record (a reason, a name, sign-off) and save it; a refusal changes nothing. */
  private step(r: RecordStep): RecordRefusal | null {
    if (!r.ok) return r.refusal;
    if (r.envelope === this.envelope) return null;
    this.envelope = r.envelope;
    void this.persist();
    return null;
  }

  /** The reason beside an answer (empty: none). */
  setNote(factId: string, note: string): RecordRefusal | null {
    return this.step(setAnswerNote(this.envelope, factId, note, this.now()));
  }

  setText(field: 'title' | 'assessor' | 'reviewer', value: string): RecordRefusal | null {
    return this.step(setRecordText(this.envelope, field, value, this.now()));
  }

  signOff(): RecordRefusal | null {
    return this.step(signOff(this.envelope, this.now()));
  }

  /**
   * After a conflict, keep this tab's version over the stored one ('mine'), take the stored one ('theirs': this
   * tab's unsaved change is dropped), or keep both by saving this tab's version as a new record ('copy': its id).
   */
  async resolveConflict(choice: 'mine' | 'theirs' | 'copy', copy?: { id: string; title: string }): Promise<void> {
    const stored = this.conflict?.current;
    if (choice === 'mine') return this.persist({ force: true });
    if (choice === 'theirs') {
      if (!stored) return;
      this.store.adopt?.(stored);
      this.envelope = stored;
      this.conflict = null;
      this.saveStatus = 'saved';
      this.opening = true;
      this.start(stored.facts, stored.position.screen === 'question' ? stored.position.question : undefined);
      if (stored.position.screen === 'outcome' && this.snapshot.value === 'review') this.send({ type: 'CONFIRM' });
      this.opening = false;
      return;
    }
    if (!copy) return;
    const env = duplicate($state.snapshot(this.envelope) as Envelope, copy.id, copy.title, this.now());
    this.saveStatus = 'saving';
    try {
      await this.store.save(env);
      this.conflict = null;
      this.saveStatus = 'saved';
    } catch (e) {
      this.saveStatus = 'failed';
      this.saveError = classify(e);
    }
  }

  send(event: WizardEvent): void {
    // Read-only: no answer may change (reviewing and the result stay open).
    if (this.readOnly && (event.type === 'ANSWER' || event.type === 'CHANGE')) return;
    const current = this.snapshot.context.current;
    if (event.type === 'ANSWER' && current && this.envelope.prefilled.includes(current))
      this.envelope = {
        ...this.envelope,
        prefilled: prefilledAfterAnswer(this.envelope.prefilled, this.envelope.facts, current, event.value),
      };
    this.actor.send(event);
  }

  /** Whether the wizard would take this event now (e.g. BACK on the first question: it would not). */
  can(event: WizardEvent): boolean {
    return this.snapshot.can(event);
  }

  /** The flow of the run the carried-over facts came from (set by the screen that opens the session). */
  chainedFromFlow = $state<FlowId | null>(null);

  /** From the outcome page (a final state): reopen the wizard on one question, or on the review page. */
  reopen(at?: string): void {
    this.start(this.envelope.facts, at);
  }

  get questionIds(): string[] {
    return questionsOf(this.snapshot.context.walk).path;
  }

  stop(): void {
    this.actor.stop();
  }
}
