// Building blocks for a flow's question list (typed data with stable fact ids).

import type { Question } from '../types';

/** A yes / no / not-sure question whose "not sure" is read as `unsureMeans` (flows.md: unsure→X). */
export const tri = (id: string, unsureMeans: 'yes' | 'no', citations: string[], checklist?: boolean): Question => ({
  id,
  type: 'tri',
  unsureMeans,
  citations,
  ...(checklist ? { checklist } : {}),
});
