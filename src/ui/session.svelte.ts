// One open assessment: the wizard actor, its reactive snapshot, and autosave of the envelope on every change.
// Saving subscribes from outside the machine; a failed save is shown, and the answer stays on screen.

import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import { todayInJapan } from '../domain/dates';
import { walk, type FlowDefinition } from '../domain/interrogate';
import { createFlowMachine, visibleQuestions, type FlowMachine, type WizardEvent } from '../domain/machine';
import type { Facts, FlowId, Outcome } from '../domain/types';
import type { AssessmentRepository } from '../storage/assessments';
import { RULES_REVISION } from '../domain/ruleset';
import { advanceRun, type Envelope, type Position, type PriorOutcome } from '../storage/envelope';
import { classify, type StorageError } from '../storage/errors';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

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

  private actor!: Actor<FlowMachine>;
  private readonly machine: FlowMachine;
  /** While the constructor routes the wizard back to where the record was, snapshots are not saves. */
  private opening = true;

  constructor(
    readonly def: FlowDefinition,
    envelope: Envelope,
    private readonly repo: AssessmentRepository,
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
    const outcome = s.status === 'done' ? this.evaluate(facts) : null;
    const prev = this.envelope;
    if (
      JSON.stringify(prev.facts) === JSON.stringify(facts) &&
      JSON.stringify(prev.position) === JSON.stringify(position) &&
      JSON.stringify(prev.outcome) === JSON.stringify(outcome)
    )
      return;
    // A carried-over fact that is no longer on the path (pruned) is no longer "prefilled" either.
    const prefilled = prev.prefilled.filter((id) => id in facts);
    this.envelope = advanceRun(prev, { facts: { ...facts }, position, outcome, prefilled }, this.now());
    void this.persist();
  }

  private positionOf(s: SnapshotFrom<FlowMachine>): Position {
    if (s.status === 'done') return { screen: 'outcome' };
    if (s.value === 'review') return { screen: 'review' };
    return { screen: 'question', question: s.context.current ?? '' };
  }

  private evaluate(facts: Facts): Outcome | null {
    const w = walk(this.def, facts, { mode: 'evaluate' });
    return w.kind === 'complete' ? w.outcome : null;
  }

  async persist(): Promise<void> {
    this.saveStatus = 'saving';
    try {
      await this.repo.save($state.snapshot(this.envelope));
      this.saveStatus = 'saved';
      this.saveError = null;
    } catch (e) {
      this.saveStatus = 'failed';
      this.saveError = classify(e);
    }
  }

  send(event: WizardEvent): void {
    // A carried-over answer stays marked as carried over while it is kept; changing it makes it the user's own.
    const current = this.snapshot.context.current;
    if (
      event.type === 'ANSWER' &&
      current &&
      this.envelope.prefilled.includes(current) &&
      JSON.stringify(event.value) !== JSON.stringify(this.envelope.facts[current])
    )
      this.envelope = { ...this.envelope, prefilled: this.envelope.prefilled.filter((id) => id !== current) };
    this.actor.send(event);
  }

  /** The flow of the run the carried-over facts came from (set by the screen that opens the session). */
  chainedFromFlow = $state<FlowId | null>(null);

  /** From the outcome page (a final state): reopen the wizard on one question, or on the review page. */
  reopen(at?: string): void {
    this.start(this.envelope.facts, at);
  }

  get questionIds(): string[] {
    return visibleQuestions(this.def, this.snapshot.context.facts).path;
  }

  stop(): void {
    this.actor.stop();
  }
}
