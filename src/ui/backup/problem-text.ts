// The words for why a file cannot be restored: one text per problem code (locales: backup.problem), with the record
// and field it names.

import type { Translate } from '../../i18n';
import type { ImportProblem } from '../../report/json';
import type { EnvelopeProblem } from '../../storage/envelope';

function envelopeText(t: Translate, p: EnvelopeProblem): string {
  // The version is not repeated for a bad one: "2" (text) is no version the app could name.
  return t(`records:backup.problem.${p.code}`, { ...p });
}

export function importProblemText(t: Translate, p: ImportProblem): string {
  switch (p.code) {
    case 'file-too-large':
      return t('records:backup.problem.file-too-large', { size: (p.size / 1024 / 1024).toFixed(1) });
    case 'bad-run':
      return t('records:backup.problem.bad-run', { n: p.index + 1, detail: envelopeText(t, p.problem) });
    case 'bad-assessment':
      return t('records:backup.problem.bad-assessment', { n: p.index + 1, detail: envelopeText(t, p.problem) });
    case 'bad-case':
      return t('records:backup.problem.bad-case', { n: p.index + 1, field: p.field });
    case 'duplicate-id':
      return t('records:backup.problem.duplicate-id', { id: p.id });
    default:
      return t(`records:backup.problem.${p.code}`, { ...p });
  }
}
