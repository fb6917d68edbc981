import {
  remindersResultSchema,
  reportingStatusItemSchema,
  reportingStatusQuerySchema,
  sendRemindersBodySchema,
} from '../../../../contracts/company-reports.js';
import { errorResponseSchema } from '../../../../contracts/lists.js';
import { type App, type Deps, serviceContext } from '../../../platform/http.js';
import { registerList } from '../../../platform/list-routes.js';
import { companyStaff } from '../access.js';
import { sendReportReminders } from './reminders.js';
import { reportingStatusList } from './reporting-status.js';

const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
const tags = ['company reports'];

/** For park staff: who has reported for a period, and the reminders to those who have not. */
export async function registerReportingRoutes(app: App, deps: Deps) {
  registerList(app, deps, {
    path: '/company-reports/status',
    access: companyStaff,
    tags,
    summary: 'Who has reported for a period, among the companies that were members during it',
    querystring: reportingStatusQuerySchema,
    item: reportingStatusItemSchema,
    list: reportingStatusList,
  });

  app.post(
    '/company-reports/reminders',
    {
      config: { access: companyStaff },
      schema: {
        tags,
        summary: "Remind companies to file their report (an e-mail to each company admin, in the admin's language)",
        body: sendRemindersBodySchema,
        response: { 200: remindersResultSchema, ...errors },
      },
    },
    async (request) => sendReportReminders(serviceContext(deps, request), request.body),
  );
}
