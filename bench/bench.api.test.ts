import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { statusProjectionDrift } from '../src/server/modules/companies/index.js';
import { withDatabaseName } from '../src/server/test/paths.js';
import type { Dataset } from './datasets.js';
import { generateInto, openTarget, type Target } from './generate.js';
import { runServerBench } from './server-bench.js';

/**
 * The smoke run of the bench (issue 9), so that it cannot rot: a tiny network generated on this engine, every
 * server scenario run a few times on it (servers inside this process), the section's shape and the export's rows checked.
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A new database from this run's migrated template: a PGlite data directory, or a PostgreSQL database. */
async function freshTarget(): Promise<Target> {
  if (process.env.TEST_DATABASE !== 'postgres') {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    const client = new PGlite({ dataDir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplatePath'))]) });
    await client.waitReady;
    await client.close();
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    return { engine: 'pglite', dataDir };
  }
  const url = process.env.DATABASE_URL as string;
  const name = `bench_smoke_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database ${name} template ${inject('postgresTemplateName')}`);
  cleanups.push(() => admin(`drop database if exists ${name} with (force)`));
  return { engine: 'postgresql', url: withDatabaseName(url, name) };
}

/** Reports whose company held no member status during the report's period (the reporting status's own rule). */
const reportsOutsideMembership = `
  select count(*)::int as n from company_reports r
  cross join lateral (select make_date(r.year, coalesce(r.quarter * 3 - 2, 1), 1) as first_day) f
  cross join lateral (select (f.first_day + (case when r.quarter is null then interval '1 year' else interval '3 months' end) - interval '1 day')::date as last_day) l
  where not exists (
    select 1 from (
      select h.status, h.effective_date, lead(h.effective_date) over (order by h.effective_date, h.recorded_at, h.id) as until
      from company_status_events h where h.company_id = r.company_id
    ) s
    where s.status in ('resident', 'non_resident_member') and s.effective_date <= l.last_day
      and (s.until is null or s.until > greatest(s.effective_date, f.first_day))
  )`;

describe('bench smoke run', () => {
  it('generates a valid smoke network and measures every server scenario on it', { timeout: 60_000 }, async () => {
    const target = await freshTarget();
    const database = await openTarget(target);
    const manifest = await generateInto(database, 'smoke');
    const outside = await database.executeSql(reportsOutsideMembership);
    const drift = await statusProjectionDrift(database.db);
    await database.close();
    expect(manifest.rows.companies).toBe(50);
    expect(manifest.rows.company_reports).toBeGreaterThan(0);
    expect(manifest.rows.evaluation_scores).toBeGreaterThan(0);
    expect(Number(outside.rows[0].n)).toBe(0);
    expect(drift).toEqual([]);

    const dataset: Dataset = { target, manifest, generated: true };
    const [section, ...others] = await runServerBench({ smoke: true, mode: 'inline', sets: [{ one: dataset, ten: dataset }] });
    expect(others).toEqual([]);
    expect(section.title).toMatch(/^Server on (PGlite|PostgreSQL)$/);
    for (const row of section.rows) {
      expect(row).toEqual({
        measurement: expect.any(String),
        value: expect.any(String),
        goal: expect.any(String),
        pass: expect.any(Boolean),
      });
    }
    const measured = section.rows.map((row) => row.measurement.replace(/, (PGlite|PostgreSQL)$/, ''));
    expect(measured).toEqual([
      'company page: app ÷ bare, req/s',
      'public calls list: app ÷ bare, req/s',
      'ranking of a call: app ÷ bare, req/s',
      'parks list: app ÷ bare, req/s',
      'companies list, default: app ÷ bare, req/s',
      'companies list, filtered + sorted: app ÷ bare, req/s',
      'companies list, default: time at 10× ÷ 1×',
      'companies list, filtered + sorted: time at 10× ÷ 1×',
      'reporting status: time at 10× ÷ 1×',
      'companies export, CSV, 10×: rows received',
      'companies export, CSV, 10×: app RSS growth',
      'companies export, CSV, 10×: health p99 meanwhile',
      'companies export, XLSX, 10×: rows received',
      'companies export, XLSX, 10×: app RSS growth',
      'companies export, XLSX, 10×: health p99 meanwhile',
      'reporting-status export: SQL statements at 10× ÷ 1×',
    ]);
    // Every request answered (a failure shows in the value), and every exported row arrived.
    expect(section.rows.filter((row) => row.value.includes('failed'))).toEqual([]);
    for (const row of section.rows.filter((row) => row.measurement.includes('rows received'))) {
      expect(row.value).toMatch(/^50 of 50 \(HTTP 200/);
    }
  });
});
