import { z } from 'zod';

/** A file sent inside a JSON body (base64); the server checks what it really is. 5 MB files fit. */
export const fileUploadSchema = z.object({
  name: z.string().trim().min(1).max(200),
  content: z.base64().max(7_000_000),
});
export type FileUpload = z.infer<typeof fileUploadSchema>;

export const fileSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type FileSummary = z.infer<typeof fileSummarySchema>;

/** Body limit of routes that take an upload: a 5 MB file is about 6.7 MB in base64. */
export const uploadBodyLimit = 8 * 1024 * 1024;
