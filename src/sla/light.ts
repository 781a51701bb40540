// Traffic lights for a deadline: green while more than a quarter of the allowed time is left,
// yellow in the last quarter (and at the deadline itself), red once it has passed; null when the
// stage is done or has no deadline.
import type { Light } from '../contract/sla.ts';

export const YELLOW_FRACTION = 0.25;

export function lightFor(input: { start: Date | null; deadline: Date | null; now: Date; done?: boolean }): Light | null {
  const { start, deadline, now } = input;
  if (input.done || !deadline) return null;
  const left = deadline.getTime() - now.getTime();
  if (left < 0) return 'red';
  const total = start ? deadline.getTime() - start.getTime() : 0;
  if (total <= 0) return 'yellow';
  return left <= total * YELLOW_FRACTION ? 'yellow' : 'green';
}

/** The instant a stage turns yellow (when reminders 催办 go out). */
export function yellowAt(start: Date, deadline: Date): Date {
  return new Date(deadline.getTime() - (deadline.getTime() - start.getTime()) * YELLOW_FRACTION);
}
