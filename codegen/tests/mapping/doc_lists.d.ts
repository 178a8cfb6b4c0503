/**
 * Uploads a file.
 *
 * @remarks
 * If the type is omitted:
 *  - for a path, it is inferred from the
 *     file extension;
 *  - for a blob, it is the blob's
 *     type.
 * Other text, continuing the last item lazily.
 *
 * 1.   A wide marker
 *      continued at its text
 *        and past it.
 * 2. Narrow again
 *       and past it.
 *
 * - outer
 *   - inner
 *         deep continuation
 *   lazily continuing the inner item
 *
 * - an item whose next line, indented past its text, reads like a heading
 *         # but is text of the item
 */
export interface Upload {
    path?: string;
}
