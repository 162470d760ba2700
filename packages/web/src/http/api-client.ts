/**
 * The one way the web app talks to the server: JSON over fetch with the HttpOnly session cookie.
 * The bearer token is never stored; the CSRF token (derived from the session by the server) is kept
 * in memory only and sent on every unsafe request, as the server demands for cookie sessions.
 */

export interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: unknown[] };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown[];
  constructor(status: number, code: string, message: string, details: unknown[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Whether unsafe requests can be sent now (a page opened offline from the saved session has no token). */
export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export async function api<T>(path: string, options: { method?: Method; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  // No content type without a body: Fastify rejects an empty JSON body.
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Network error');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as ApiErrorBody | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'http_error',
      err?.message ?? res.statusText,
      err?.details ?? [],
    );
  }
  return data as T;
}

export function isApiError(e: unknown, status?: number, code?: string): e is ApiError {
  return (
    e instanceof ApiError &&
    (status === undefined || e.status === status) &&
    (code === undefined || e.code === code)
  );
}
