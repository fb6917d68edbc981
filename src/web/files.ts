import { currentLocale } from './i18n/index.js';

/** A chosen file as base64, for uploads sent inside a JSON body (the server checks what it really is). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Downloads a file the API serves (exports, templates, private attachments) in the reader's language,
 * named as the server names it; false when the server refused.
 */
export async function downloadFromApi(path: string, options: { fallbackName: string; headers?: Record<string, string> }): Promise<boolean> {
  const response = await fetch(`/api/v1${path}`, {
    credentials: 'same-origin',
    headers: { 'accept-language': currentLocale(), ...options.headers },
  });
  if (!response.ok) return false;
  const disposition = response.headers.get('content-disposition') ?? '';
  const quoted = /filename="([^"]+)"/.exec(disposition)?.[1];
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = quoted ?? (encoded ? decodeURIComponent(encoded) : options.fallbackName);
  link.click();
  URL.revokeObjectURL(url);
  return true;
}
