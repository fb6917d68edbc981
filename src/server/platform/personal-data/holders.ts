import type { ReadContext, ServiceContext } from '../context.js';

/** One part of what the platform holds about a person, as their export shows it (a sheet of the XLSX). */
export type PersonalDataSection = {
  /** Message key of its title, e.g. `privacy.section.account`. */
  title: string;
  /** Its columns: the JSON's field names and the message keys of the sheet's headers. */
  columns: { key: string; header: string }[];
  rows: Record<string, string | number | boolean | null>[];
};

/** What erasure keeps, and why: a message key saying it (with `{{count}}`), and how many records. */
export type KeptRecords = { key: string; count: number };

/**
 * What a capability holds about people (Law 09-08): declared in its module definition, so that a person's
 * export and the erasure of their data reach every capability without the platform knowing them.
 */
export type PersonalDataHolder = {
  collect: (ctx: ReadContext, userId: string) => Promise<PersonalDataSection[]>;
  /** Erases or anonymises, in the caller's transaction, what the law does not make us keep; answers what it kept. */
  erase: (ctx: ServiceContext, userId: string) => Promise<KeptRecords[]>;
};

const holders: { owner: string; holder: PersonalDataHolder }[] = [];

export function installPersonalDataHolder(owner: string, holder: PersonalDataHolder): void {
  if (holders.some((entry) => entry.holder === holder)) return;
  holders.push({ owner, holder });
}

/** In module order: the account first (platform), then each capability. */
export function personalDataHolders(): readonly PersonalDataHolder[] {
  return holders.map((entry) => entry.holder);
}
