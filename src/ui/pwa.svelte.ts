// Service-worker state for the UI: an update waiting for the user's go-ahead, and "ready offline".

import type { AssessmentRepository } from '../storage/assessments';

export class PwaState {
  needRefresh = $state(false);
  offlineReady = $state(false);
  private updateSW: ((reload?: boolean) => Promise<void>) | null = null;

  constructor(private readonly repo: AssessmentRepository) {}

  attach(updateSW: (reload?: boolean) => Promise<void>): void {
    this.updateSW = updateSW;
  }

  update = async (): Promise<void> => {
    // Let any autosave still in flight finish before the page reloads into the new version.
    await this.repo.flush();
    await this.updateSW?.(true);
  };

  dismiss = (): void => {
    this.needRefresh = false;
    this.offlineReady = false;
  };
}
