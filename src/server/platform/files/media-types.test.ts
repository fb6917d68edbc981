import { describe, expect, it } from 'vitest';
import { detectMediaType, isAccepted } from './media-types.js';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');
const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');

describe('file types read from content', () => {
  it('recognises images and documents by their first bytes', () => {
    expect(detectMediaType(png)?.mediaType).toBe('image/png');
    expect(detectMediaType(jpeg)?.mediaType).toBe('image/jpeg');
    expect(detectMediaType(pdf)?.mediaType).toBe('application/pdf');
  });

  it('refuses scripts and markup whatever their name, and documents where an image is asked', () => {
    expect(detectMediaType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(detectMediaType(Buffer.from('<html><body>hi</body></html>'))).toBeNull();
    expect(isAccepted(detectMediaType(pdf), 'image')).toBe(false);
    expect(isAccepted(detectMediaType(png), 'document')).toBe(true);
    expect(isAccepted(null, 'document')).toBe(false);
  });
});
