// The screens behind a flow (start, questions, review, outcome), split from the first load: they bring
// the wizard machine (XState) and the presentation code, which the home page does not need.

export { default as AssessmentScreen } from './AssessmentScreen.svelte';
export { default as CaseScreen } from './case/CaseScreen.svelte';
