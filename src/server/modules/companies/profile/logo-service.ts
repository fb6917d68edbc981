import { eq } from 'drizzle-orm';
import type { CompanyDetail } from '../../../../contracts/companies.js';
import { maxLogoBytes } from '../../../../contracts/companies.js';
import type { FileUpload } from '../../../../contracts/files.js';
import { recordAudit } from '../../../platform/audit/service.js';
import type { ServiceContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { decodeUpload, deleteStoredFile, readStoredFile, type StoredFile, storeFile } from '../../../platform/files/service.js';
import { companyForActor } from '../access.js';
import { lockCompany } from '../lifecycle/history.js';
import { companies } from '../schema.js';
import { companyDetail } from './profile-service.js';

/** The logo of a company, for whoever may read the company. */
export async function getCompanyLogo(ctx: ServiceContext, companyId: string): Promise<StoredFile> {
  const company = await companyForActor(ctx, { companyId, right: 'read' });
  if (!company.logoFileId) throw new AppError('not_found');
  return readStoredFile(ctx.db, company.logoFileId);
}

/** Puts a new logo in place of the old one (which is deleted): a PNG, JPEG or WebP image by its content, 1 MB at most. */
export async function replaceCompanyLogo(
  ctx: ServiceContext,
  { companyId, upload }: { companyId: string; upload: FileUpload },
): Promise<CompanyDetail> {
  await companyForActor(ctx, { companyId, right: 'editProfile' });
  const content = decodeUpload(upload.content, 'file', maxLogoBytes);
  const updated = await ctx.db.transaction(async (tx) => {
    await companyForActor({ db: tx, actor: ctx.actor }, { companyId, right: 'editProfile' });
    const before = await lockCompany({ db: tx }, companyId);
    const file = await storeFile(tx, ctx.actor, { name: upload.name, content, accept: 'image', path: 'file' });
    const [after] = await tx
      .update(companies)
      .set({ logoFileId: file.id, updatedAt: new Date() })
      .where(eq(companies.id, companyId))
      .returning();
    if (before.logoFileId) await deleteStoredFile(tx, before.logoFileId);
    await recordAudit(tx, ctx.actor, {
      action: 'company.logo',
      entityType: 'company',
      entityId: companyId,
      before: { logoFileId: before.logoFileId },
      after: { logoFileId: file.id, name: file.name, mediaType: file.mediaType, size: file.size },
    });
    return after;
  });
  return companyDetail(ctx, updated);
}

export async function removeCompanyLogo(ctx: ServiceContext, companyId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await companyForActor({ db: tx, actor: ctx.actor }, { companyId, right: 'editProfile' });
    const before = await lockCompany({ db: tx }, companyId);
    if (!before.logoFileId) return;
    await tx.update(companies).set({ logoFileId: null, updatedAt: new Date() }).where(eq(companies.id, companyId));
    await deleteStoredFile(tx, before.logoFileId);
    await recordAudit(tx, ctx.actor, {
      action: 'company.logo',
      entityType: 'company',
      entityId: companyId,
      before: { logoFileId: before.logoFileId },
      after: { logoFileId: null },
    });
  });
}
