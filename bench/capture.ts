import type { DatabaseHandle } from '../src/server/db/database.js';
import { statementObservers } from '../src/server/db/database.js';
import type { Manifest } from './generator/network.js';
import { countCsvRecords } from './rows.js';
import { appOrigin, pairScenarios, reportingStatusExport } from './scenarios.js';
import { buildBenchApp, type Statement } from './server/servers.js';

export type Capture = {
  /** The admin's session cookie (kept in the database: valid for every server on this data). */
  cookie: string;
  /** What the app ran for one request of each pair scenario. */
  statements: Record<string, Statement[]>;
  /** The reporting-status export: how many statements for how many rows. */
  reportingExport: { statements: number; rows: number };
  /** Companies in the network: the rows a full export must answer. */
  companies: number;
};

/**
 * Runs one request of each scenario inside the app (no network) with every statement recorded, after a first
 * request that warms what is cached, and the reporting-status export with its statements counted.
 */
export async function captureStatements(database: DatabaseHandle, manifest: Manifest): Promise<Capture> {
  const { app, close } = await buildBenchApp(database, false);
  try {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: appOrigin },
      payload: { email: manifest.adminEmail, password: manifest.adminPassword },
    });
    if (signIn.statusCode !== 200) throw new Error(`bench sign-in failed: ${signIn.statusCode} ${signIn.body}`);
    const header = signIn.headers['set-cookie'];
    const cookie = (Array.isArray(header) ? header : [header ?? '']).map((line) => line.split(';')[0]).join('; ');
    const recorded = async (url: string, signedIn: boolean) => {
      const statements: Statement[] = [];
      const observe = (text: string, params: unknown[]) => statements.push({ text, params });
      statementObservers.add(observe);
      try {
        const response = await app.inject({ method: 'GET', url, headers: signedIn ? { cookie } : {} });
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
        return { statements, body: response.body };
      } finally {
        statementObservers.delete(observe);
      }
    };
    const statements: Record<string, Statement[]> = {};
    for (const scenario of pairScenarios) {
      await recorded(scenario.path(manifest), scenario.signedIn);
      statements[scenario.name] = (await recorded(scenario.path(manifest), scenario.signedIn)).statements;
    }
    const exported = await recorded(reportingStatusExport(manifest), true);
    const counted = await database.executeSql('select count(*)::int as n from companies');
    return {
      cookie,
      statements,
      companies: Number(counted.rows[0]?.n),
      reportingExport: { statements: exported.statements.length, rows: countCsvRecords(exported.body) - 1 },
    };
  } finally {
    await close();
  }
}
