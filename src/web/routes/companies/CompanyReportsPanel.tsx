/** The reports tab of a company page (periodic reporting). Placeholder until its owner lands it. */
export function CompanyReportsPanel(_props: { companyId: string; canFile: boolean }) {
  return null;
}
