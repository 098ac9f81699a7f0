import { config } from './config';

/** An error answered by the API (problem+json) or a failure to reach it (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  /** The whole problem document, e.g. the `chat` of a 409 on an existing direct chat. */
  readonly body: Record<string, unknown> | null;

  constructor(status: number, title: string, detail: string, body: Record<string, unknown> | null) {
    super(detail || title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.body = body;
  }
}

const TOKEN_KEY = 'carrier.token';

export const tokenStore = {
  get(): string | null {
    try {
      return localStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  },
  set(token: string | null): void {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  },
};

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Called when an authenticated call answers 401: the session is gone. Any other refusal (400,
 * 403, 404, 409, …) belongs to that one call and never ends the session.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  json?: unknown;
  /** Raw body (e.g. an image) sent with its own content type. */
  body?: Blob | ArrayBuffer;
  contentType?: string;
  query?: Record<string, string | number | undefined>;
  /** Whether a 401 means "session over" (false for login itself). */
  authenticated?: boolean;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  let url = config().apiBase + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  return url;
}

async function readProblem(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> | null = null;
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
    } catch {
      body = null;
    }
  }
  return problemError(res.status, body, res.statusText);
}

/**
 * The error for a problem document, however it came: an HTTP answer, or a `send.failed` on the
 * socket (which carries the same document), so both show the same `detail`.
 */
export function problemError(status: number, body: Record<string, unknown> | null, statusText = ''): ApiError {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const title = str(body?.title) || statusText || 'Error';
  const detail = str(body?.detail) || defaultDetail(status);
  return new ApiError(status, title, detail, body);
}

function defaultDetail(status: number): string {
  if (status === 401) return 'Your session has ended. Please log in again.';
  if (status === 404) return 'Not found.';
  if (status === 413) return 'That file is too large.';
  if (status === 429) return 'Too many requests. Please wait a moment.';
  if (status >= 500) return 'The server is unavailable right now. Please try again.';
  return `Request failed (${status}).`;
}

/** Sends a request with the bearer token; returns the raw Response when it is 2xx. */
export async function rawRequest(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = tokenStore.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.body !== undefined) {
    if (opts.contentType) headers['Content-Type'] = opts.contentType;
    body = opts.body;
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body, signal: opts.signal });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, 'Network error', 'Cannot reach the server. Check your connection.', null);
  }
  if (!res.ok) {
    const err = await readProblem(res);
    if (res.status === 401 && opts.authenticated !== false && token) {
      unauthorizedListeners.forEach((l) => l());
    }
    throw err;
  }
  return res;
}

/** Sends a request and parses a JSON answer (undefined for 204). */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await rawRequest(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, json?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, json }),
  patch: <T>(path: string, json?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, { ...opts, json }),
  put: <T>(path: string, json?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, json }),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};

/**
 * Whether an error is the API's problem of the given kind: its `type` URI ends in `/<kind>`
 * (e.g. `wrong-password`). A refused action (400/403 on one call) is shown where it was taken;
 * only a 401 means the session is over.
 */
export function isProblem(e: unknown, kind: string): e is ApiError {
  if (!(e instanceof ApiError)) return false;
  const type = e.body?.type;
  return typeof type === 'string' && (type === kind || type.endsWith(`/${kind}`));
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.detail || e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
