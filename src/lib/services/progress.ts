/** How a slow flow reports where it is: the step's name, steps done, steps in all. */
export type Progress = (step: string, done: number, total: number) => void;
