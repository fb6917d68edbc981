import { z } from 'zod';

const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

/** Environment → typed configuration. Defaults run the embedded demo on a laptop. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  PUBLIC_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.preprocess(emptyAsUnset, z.string().optional()),
  MAIL_FROM: z.string().default('Technopark <no-reply@technopark.local>'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^[0-9a-fA-F:.]+(\/\d+)?(\s*,\s*[0-9a-fA-F:.]+(\/\d+)?)*$/, "must list the proxies' addresses (10.0.0.1, 10.0.0.0/8)")
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  publicUrl: string;
  authSecret: string;
  smtpUrl?: string;
  mailFrom: string;
  loginRateLimit: number;
  /** Which proxies' X-Forwarded-For to believe: none unless configured (a forged header would pick the client address). */
  trustProxy: false | string[];
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  production: boolean;
  demo: boolean;
};

export class ConfigError extends Error {}

export function readConfig(environment: NodeJS.ProcessEnv, argv: string[] = []): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`configuration: ${issue.path.join('.')} ${issue.message}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  if (production && !env.AUTH_SECRET) {
    throw new ConfigError('configuration: AUTH_SECRET (32 characters or more) is required in production');
  }
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    // The demo secret only protects demo sessions; production refuses to start without one.
    authSecret: env.AUTH_SECRET ?? 'technopark-demo-secret-change-me-in-production-0000',
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    trustProxy: trustedProxies(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL,
    production,
    demo: argv.includes('--demo'),
  };
}

function trustedProxies(value: string | undefined): false | string[] {
  return value ? value.split(',').map((address) => address.trim()) : false;
}
