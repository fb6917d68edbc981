// Every table of every module, for Drizzle's relational queries and drizzle-kit.

export * from '../modules/admissions/schema.js';
export * from '../modules/companies/schema.js';
export * from '../modules/parks/schema.js';
export * from '../modules/people/schema.js';
export * from '../platform/audit/schema.js';
export * from '../platform/auth/schema.js';
export * from '../platform/files/schema.js';
export * from '../platform/mail/schema.js';
