import type {
  ApplicantApplication,
  ApplicationDraftBody,
  ApplicationFile,
  StartedDraft,
  SubmitApplicationBody,
} from '../../../../contracts/applications.js';
import { request } from '../../../api.js';
import { downloadFromApi } from '../../../files.js';

/**
 * The applicant's side of the API. A draft started without an account is reached with its secret
 * token, kept in this browser only (localStorage) and sent in the x-draft-token header; once the
 * application is submitted, the account's session takes over and the token is forgotten.
 */
const tokenKey = (applicationId: string) => `technopark.draft.${applicationId}`;
const draftOfCallKey = (slug: string) => `technopark.draft-for.${slug}`;

export const draftStore = {
  token: (applicationId: string) => localStorage.getItem(tokenKey(applicationId)) ?? undefined,
  draftOfCall: (slug: string) => localStorage.getItem(draftOfCallKey(slug)) ?? undefined,
  remember(slug: string, applicationId: string, token: string) {
    localStorage.setItem(tokenKey(applicationId), token);
    localStorage.setItem(draftOfCallKey(slug), applicationId);
  },
  forget(slug: string, applicationId: string) {
    localStorage.removeItem(tokenKey(applicationId));
    if (localStorage.getItem(draftOfCallKey(slug)) === applicationId) localStorage.removeItem(draftOfCallKey(slug));
  },
};

function send<T>(method: string, path: string, applicationId: string | null, body?: unknown): Promise<T> {
  const token = applicationId ? draftStore.token(applicationId) : undefined;
  return request<T>(method, path, body, token ? { 'x-draft-token': token } : {});
}

export const applicantApi = {
  start: (slug: string, body: ApplicationDraftBody) => send<StartedDraft>('POST', `/public/calls/${slug}/applications`, null, body),
  get: (id: string) => send<ApplicantApplication>('GET', `/public/applications/${id}`, id),
  save: (id: string, body: ApplicationDraftBody) => send<ApplicantApplication>('PATCH', `/public/applications/${id}`, id, body),
  upload: (id: string, questionId: string, file: { name: string; content: string }) =>
    send<ApplicationFile>('POST', `/public/applications/${id}/files`, id, { questionId, file }),
  removeFile: (id: string, fileId: string) => send<null>('DELETE', `/public/applications/${id}/files/${fileId}`, id),
  submit: (id: string, body: SubmitApplicationBody) => send<ApplicantApplication>('POST', `/public/applications/${id}/submit`, id, body),
  withdraw: (id: string) => send<ApplicantApplication>('POST', `/public/applications/${id}/withdraw`, id),
  /** Files are private: fetched with the token or session, then handed to the browser as a download. */
  download(id: string, file: ApplicationFile) {
    const token = draftStore.token(id);
    return downloadFromApi(`/public/applications/${id}/files/${file.id}`, {
      fallbackName: file.name,
      headers: token ? { 'x-draft-token': token } : {},
    });
  },
};
