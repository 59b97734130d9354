// What re-assessing a record under the current rules shows before the person accepts it: the saved result and the
// current rules' result side by side — verdict, grounds, duties, dates — with what changed, in the screen's language.

import type { VerdictPart } from '../../domain/compare';
import { RULES_REVISION } from '../../domain/ruleset';
import type { Deadline, FlowId, Outcome } from '../../domain/types';
import type { Translate } from '../../i18n';
import { formatDate, formatRevision } from '../../i18n/format';
import type { Reassessment } from '../../app/library-actions';
import { presentChange, verdictLine } from '../../view/outcome';

export interface PreviewRow {
  part: 'outcome' | 'grounds' | 'duties' | 'deadlines';
  label: string;
  before: string[];
  after: string[];
  changed: boolean;
}

export interface RulesPreview {
  id: string;
  flow: FlowId;
  kind: Reassessment['kind'];
  /** "What changed" in one sentence (presentChange), for a record that can be assessed again here. */
  change: string;
  beforeHeading: string;
  afterHeading: string;
  rows: PreviewRow[];
}

function deadlineText(flow: FlowId, d: Deadline, t: Translate): string {
  const when =
    d.dueFrom && d.dueTo
      ? t('screens:deadline.window', { from: formatDate(d.dueFrom, t), to: formatDate(d.dueTo, t) })
      : d.minDays !== undefined && d.maxDays !== undefined
        ? t('screens:deadline.windowNoDate', { min: d.minDays, max: d.maxDays })
        : d.due
          ? t('screens:deadline.due', { date: formatDate(d.due, t) })
          : t('screens:deadline.days', { days: d.days ?? 0 });
  return t('records:library.rulesUpdate.deadline', { duty: t(`${flow}:duties.${d.duty}.title`), when });
}

function partsOf(flow: FlowId, o: Outcome | null, t: Translate): Record<PreviewRow['part'], string[]> {
  if (!o) return { outcome: [], grounds: [], duties: [], deadlines: [] };
  return {
    outcome: [verdictLine(flow, o, t)],
    grounds: o.grounds.map((g) => t(`${flow}:grounds.${g}.title`)),
    duties: o.duties.map((d) => t(`${flow}:duties.${d}.title`)),
    deadlines: o.deadlines.map((d) => deadlineText(flow, d, t)),
  };
}

const ROWS: readonly { part: PreviewRow['part']; label: 'verdict' | 'grounds' | 'duties' | 'deadlines'; compared: VerdictPart }[] = [
  { part: 'outcome', label: 'verdict', compared: 'outcome' },
  { part: 'grounds', label: 'grounds', compared: 'grounds' },
  { part: 'duties', label: 'duties', compared: 'duties' },
  { part: 'deadlines', label: 'deadlines', compared: 'deadlines' },
];

export function rulesPreview(r: Reassessment, t: Translate): RulesPreview {
  const env = r.envelope;
  const head = {
    id: env.id,
    flow: env.flow,
    kind: r.kind,
    beforeHeading: t('records:library.rulesUpdate.before', { revision: formatRevision(env.rulesRevision, t) }),
    afterHeading: t('records:library.rulesUpdate.after', { revision: formatRevision(RULES_REVISION, t) }),
  };
  if (r.kind !== 'ready') return { ...head, change: '', rows: [] };
  const before = partsOf(env.flow, r.before, t);
  const after = partsOf(env.flow, r.after, t);
  const changed = new Set<VerdictPart>(r.change?.kind === 'changed' ? r.change.parts : []);
  return {
    ...head,
    change: r.before ? presentChange(env.flow, r.before, r.after, t) : '',
    rows: ROWS.map((row) => ({
      part: row.part,
      label: t(`records:library.rulesUpdate.${row.label}`),
      before: before[row.part],
      after: after[row.part],
      changed: changed.has(row.compared),
    })),
  };
}
