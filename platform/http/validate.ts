/**
 * Request validation with the shared zod schemas; failures become readable problem details, in
 * Chinese like every answer of the platform (zod's zh-CN messages, set once for this process).
 */
import { z } from 'zod';

z.config(z.locales.zhCN());

export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, detail: describeIssues(result.error) };
}
