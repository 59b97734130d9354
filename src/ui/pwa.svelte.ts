// Service-worker state for the UI: an update waiting for the user's go-ahead, and "ready offline".

import type { AssessmentRepository } from '../storage/assessments';

export class PwaState {
  needRefresh = $state(false);
  offlineReady = $state(false);
  /** Another tab accepted the update: the new version is in control, and this tab reloads when its user chooses. */
  updatedElsewhere = $state(false);
  private updateSW: ((reload?: boolean) => Promise<void>) | null = null;
  /** This tab asked for the update (only then does it reload by itself). */
  private requested = false;

  constructor(private readonly repo: AssessmentRepository) {}

  attach(updateSW: (reload?: boolean) => Promise<void>): void {
    this.updateSW = updateSW;
  }

  update = async (): Promise<void> => {
    // Let any autosave still in flight finish before the page reloads into the new version.
    await this.repo.flush();
    this.requested = true;
    await this.updateSW?.(true);
  };

  /**
   * The new version took control of every tab (registerSW's onNeedReload). Only the tab that asked reloads; another
   * — perhaps with an answer not saved yet, whose user chose "later" — is told, and reloads when its user says so.
   */
  controlling = (reload: () => void = () => location.reload()): void => {
    if (this.requested) reload();
    else {
      this.needRefresh = false;
      this.updatedElsewhere = true;
    }
  };

  dismiss = (): void => {
    this.needRefresh = false;
    this.offlineReady = false;
  };
}
