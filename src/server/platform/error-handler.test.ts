import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loggableError } from './error-handler.js';

describe('what the log keeps of an unexpected error', () => {
  it("keeps a database error's code and where it was raised, never the query's parameters or the values it quotes", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), {
      code: '23505',
      constraint: 'users_email_unique',
      table: 'users',
      detail: 'Key (email)=(salma.bennani@example.ma) already exists.',
      routine: '_bt_check_unique',
    });
    const wrapped = new DrizzleQueryError(
      'insert into users (email, phone) values ($1, $2)',
      ['salma.bennani@example.ma', '+212 661 23 45 67'],
      cause,
    );
    const logged = JSON.stringify(loggableError(wrapped));
    expect(JSON.parse(logged)).toEqual({
      type: 'DatabaseError',
      code: '23505',
      constraint: 'users_email_unique',
      table: 'users',
      routine: '_bt_check_unique',
    });
    expect(logged).not.toContain('salma');
    expect(logged).not.toContain('661');
  });

  it('keeps the message and stack of our own errors', () => {
    const logged = loggableError(new TypeError('cannot read property of undefined'));
    expect(logged).toMatchObject({ type: 'TypeError', message: 'cannot read property of undefined' });
    expect(String(logged.stack)).toContain('error-handler.test.ts');
  });
});
