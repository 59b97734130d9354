// When to remind about backing up: on its own, so the home page does not load the backup writer to ask.

/** How long after a backup of everything the home page starts reminding to make another. */
export const BACKUP_REMINDER_DAYS = 30;

/** Whether to remind: there are records on this device, and no backup of everything, or only one older than 30 days. */
export function backupDue(lastBackupAt: string | undefined, hasRecords: boolean, now: Date): boolean {
  if (!hasRecords) return false;
  if (lastBackupAt === undefined) return true;
  return now.getTime() - Date.parse(lastBackupAt) > BACKUP_REMINDER_DAYS * 24 * 60 * 60 * 1000;
}
