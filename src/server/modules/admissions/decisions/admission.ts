import type { z } from 'zod';
import type { decisionBodySchema } from '../../../../contracts/reviews.js';
import { localToday } from '../../../../shared/calendar.js';
import { canFollow } from '../../../../shared/company-lifecycle.js';
import type { ServiceContext } from '../../../platform/context.js';
import { invalidField } from '../../../platform/errors.js';
import { grantRole } from '../../../platform/grants/service.js';
import { addCompany, type CompanyRow, companyWithIce, currentStatusEvent, recordStatusChange } from '../../companies/index.js';
import { findPark } from '../../parks/index.js';
import type { ApplicationRow } from '../applications/applicant-access.js';
import type { CallRow } from '../calls/access.js';

type DecisionInput = z.infer<typeof decisionBodySchema>;

/**
 * An existing company's admission is recorded when its history allows it (the lifecycle's rule of what may
 * follow what): a company already resident or alumni, or with a step after today, stays where it is.
 */
async function recordAdmission(ctx: ServiceContext, { company, step }: { company: CompanyRow; step: AdmissionStep }) {
  const current = await currentStatusEvent(ctx, company.id);
  if (current && (!canFollow(current.status, step.status) || current.effectiveDate > step.effectiveDate)) return;
  await recordStatusChange(ctx, { companyId: company.id, step });
}

type AdmissionStep = { status: 'admitted'; effectiveDate: string; source: 'admission'; reason: string };

/**
 * The company an admitted applicant becomes, in the decision's transaction: the company that already holds the
 * application's ICE (not duplicated), or a new one with its history (applicant at submission, admitted today)
 * whose administrator is the applicant. An existing company is not handed to whoever typed its ICE: its staff
 * adds them.
 */
export async function admitApplicant(
  ctx: ServiceContext,
  { application, parkId, today }: { application: ApplicationRow; parkId: string | null; today: string },
): Promise<CompanyRow> {
  const step: AdmissionStep = { status: 'admitted', effectiveDate: today, source: 'admission', reason: application.reference };
  const existing = application.ice ? await companyWithIce(ctx, application.ice) : null;
  if (existing) {
    await recordAdmission(ctx, { company: existing, step });
    return existing;
  }
  const submittedOn = application.submittedAt ? localToday(application.submittedAt) : today;
  const company = await addCompany(ctx, {
    profile: {
      legalName: application.companyName,
      ice: application.ice,
      creationDate: application.creationDate,
      sectors: application.sector ? [application.sector] : [],
      // A project holder's application may not name a stage; it is the first one.
      stage: application.stage ?? 'project_holder',
      parkId,
      email: application.contactEmail || null,
      phone: application.contactPhone || null,
      contacts: application.contactName
        ? [
            {
              name: application.contactName,
              role: '',
              email: application.contactEmail || undefined,
              phone: application.contactPhone || undefined,
            },
          ]
        : [],
    },
    history: [{ ...step, status: 'applicant', effectiveDate: submittedOn }, step],
  });
  if (application.applicantUserId) {
    await grantRole(ctx, { userId: application.applicantUserId, role: 'company_admin', scopeId: company.id });
  }
  return company;
}

/** The park whose waiting list an admitted residency joins, and the area it waits for; null when none applies. */
export async function waitingListPlace(
  ctx: ServiceContext,
  { call, application, decision }: { call: CallRow; application: ApplicationRow; decision: DecisionInput },
): Promise<{ parkId: string; areaM2: number } | null> {
  if (call.kind !== 'residency') return null;
  let parkId = call.parkId;
  if (decision.parkId) {
    try {
      parkId = (await findPark(ctx, decision.parkId)).id;
    } catch {
      throw invalidField('parkId', 'validation.unknown_park');
    }
  }
  if (!parkId) return null;
  const areaM2 = decision.requiredAreaM2 ?? application.requiredAreaM2;
  if (!areaM2 || areaM2 <= 0) throw invalidField('requiredAreaM2', 'validation.required_area_needed');
  return { parkId, areaM2 };
}
