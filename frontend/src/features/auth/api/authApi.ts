import { api } from '../../../lib/api';
import type { LoginResponse, User } from '../../../lib/types';

export const authApi = {
  signup: (username: string, email: string, password: string) =>
    api.post<{ user: User }>('/api/auth/signup', { username, email, password }, { authenticated: false }),
  login: (login: string, password: string) =>
    api.post<LoginResponse>('/api/auth/login', { login, password }, { authenticated: false }),
  logout: () => api.post<void>('/api/auth/logout', undefined, { authenticated: false }),
  me: () => api.get<{ user: User }>('/api/users/me'),
};
