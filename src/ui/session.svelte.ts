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

  async persist(): Promise<void> {
    this.saveStatus = 'saving';
    try {
      await this.store.save($state.snapshot(this.envelope));
      this.saveStatus = 'saved';
      this.saveError = null;
    } catch (e) {
      this.saveStatus = 'failed';
      this.saveError = classify(e);
    }
  }

  send(event: WizardEvent): void {
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
