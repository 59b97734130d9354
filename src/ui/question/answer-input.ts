// What the question page asks of each answer input: the value it would submit now.

import type { FactValue } from '../../domain/types';

/**
 * An input keeps its own draft (text as typed, boxes ticked) from the stored answer it was shown with; the page
 * reads it only on submit, so nothing has to be copied back while the person is still typing.
 */
export interface AnswerInput {
  /** The fact value the draft stands for, or undefined when nothing is given (the machine then says what is missing). */
  draft(): FactValue | undefined;
}
