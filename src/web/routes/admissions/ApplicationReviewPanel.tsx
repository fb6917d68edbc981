/** Scores, conflicts and decision of one application, on the officer's application page. Placeholder until its owner lands it. */
export function ApplicationReviewPanel(_props: { applicationId: string }) {
  return null;
}
