import { api } from '../../../lib/api';
import type { Presence } from '../utils/presence';

export const presenceApi = {
  /** The presence of those among `ids` (at most 100) who share a chat with us; others are left out. */
  get: (ids: string[]) => api.get<Presence[]>('/api/users/presence', { query: { ids: ids.join(',') } }),
  setVisible: (visible: boolean) => api.put<void>('/api/users/me/presence', { visible }),
};
