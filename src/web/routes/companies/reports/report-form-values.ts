import type { CompanyReport } from '../../../../contracts/company-reports.js';

/** What the report form holds (numbers as typed, amounts in MAD) and what it sends. */
export type FundingValues = { key: string; amountMad: number | string; source: string; type: string };
export type ReportFormValues = {
  year: string;
  /** '' for the yearly report. */
  quarter: string;
  employees: number | string;
  interns: number | string;
  founders: number | string;
  revenueBand: string;
  exports: boolean;
  exportCountries: string[];
  exportSharePercent: number | string;
  fundings: FundingValues[];
  ipFiled: number | string;
  productsLaunched: number | string;
  comment: string;
};

const number = (value: number | string) => (value === '' ? undefined : Number(value));

/** The body the API takes: money in centimes, no countries or share when the company does not export. */
export function toBody(values: ReportFormValues) {
  return {
    year: Number(values.year),
    quarter: values.quarter ? Number(values.quarter) : null,
    employees: number(values.employees),
    interns: number(values.interns),
    founders: number(values.founders),
    revenueBand: values.revenueBand || undefined,
    exports: values.exports,
    exportCountries: values.exports ? values.exportCountries : [],
    exportSharePercent: values.exports ? (number(values.exportSharePercent) ?? null) : null,
    fundings: values.fundings.map((funding) => ({
      amountCentimes: funding.amountMad === '' ? undefined : Math.round(Number(funding.amountMad) * 100),
      source: funding.source,
      type: funding.type,
    })),
    ipFiled: number(values.ipFiled),
    productsLaunched: number(values.productsLaunched),
    comment: values.comment,
  };
}

/** The form shows amounts in MAD where the API speaks of centimes. */
export const formPath = (path: string) => path.replace(/\.amountCentimes$/, '.amountMad');

let fundingKey = 0;
export const newFunding = (): FundingValues => ({ key: `funding-${++fundingKey}`, amountMad: '', source: '', type: 'grant' });

export function initialValues(defaultYear: number, report?: CompanyReport): ReportFormValues {
  return {
    year: String(report?.year ?? defaultYear),
    quarter: report?.quarter ? String(report.quarter) : '',
    employees: report?.employees ?? '',
    interns: report?.interns ?? 0,
    founders: report?.founders ?? '',
    revenueBand: report?.revenueBand ?? '',
    exports: report?.exports ?? false,
    exportCountries: report?.exportCountries ?? [],
    exportSharePercent: report?.exportSharePercent ?? '',
    fundings: (report?.fundings ?? []).map((funding) => ({ ...newFunding(), ...funding, amountMad: funding.amountCentimes / 100 })),
    ipFiled: report?.ipFiled ?? 0,
    productsLaunched: report?.productsLaunched ?? 0,
    comment: report?.comment ?? '',
  };
}
