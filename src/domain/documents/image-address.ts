// Which Products "Image URL" values can become a picture in a document: the Docs API inserts an inline image only
// from a public http(s) address shorter than 2 kB, fetched by Google when the batch is applied.

/** Longest address the Docs API accepts for insertInlineImage (it refuses 2 kB and more). */
export const MAX_IMAGE_URI = 2000;

/**
 * The address as the picture's source, or "" when it cannot be one (not http/https, spaces, too long).
 * @example imageAddress(' https://img.example.com/DH-2301.jpg ') // "https://img.example.com/DH-2301.jpg"
 * @example imageAddress('C:\\photos\\a.jpg') // ""
 */
export function imageAddress(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value).trim();
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(text) && text.length <= MAX_IMAGE_URI ? text : '';
}
