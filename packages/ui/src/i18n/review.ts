/**
 * How far a translation can be trusted, recorded as data next to it and shown in Storybook:
 * - `source`: the reference text (English) that translators work from;
 * - `reviewed`: checked by the City's language access team (say who and when);
 * - `machine-drafted`: drafted by a machine or a non-native writer; needs review by the City's
 *   language access team before residents rely on it.
 * Never mark a draft `reviewed`: the status is what a resident-facing team reads before launch.
 */
export type ReviewState = 'source' | 'reviewed' | 'machine-drafted';

/** The review status of a catalogue or of one of its strings. */
export interface ReviewStatus {
  state: ReviewState;
  /** Who reviewed it (a team, not a person's private details), for `reviewed`. */
  reviewedBy?: string;
  /** ISO 8601 date of the review or the draft. */
  date?: string;
  /** What a reviewer should know, e.g. the terminology source followed. */
  note?: string;
}

/** The status every machine-drafted catalogue carries until the language access team signs off. */
export const MACHINE_DRAFTED: ReviewStatus = {
  state: 'machine-drafted',
  date: '2026-12-05',
  note: "Machine-drafted, needs review by the City's language access team.",
};

/** A short label for a status, as Storybook shows it. */
export function describeReview(status: ReviewStatus): string {
  switch (status.state) {
    case 'source':
      return 'source text';
    case 'reviewed':
      return `reviewed${status.reviewedBy ? ` by ${status.reviewedBy}` : ''}${status.date ? ` (${status.date})` : ''}`;
    case 'machine-drafted':
      return "machine-drafted, needs review by the City's language access team";
  }
}
