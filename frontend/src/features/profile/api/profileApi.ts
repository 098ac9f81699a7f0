import { api, request } from '../../../lib/api';
import type { User } from '../../../lib/types';

export const AVATAR_PRESETS = ['fox', 'owl', 'cat', 'bear', 'panda', 'koala'] as const;
export type AvatarPreset = (typeof AVATAR_PRESETS)[number];
export const MAX_AVATAR_BYTES = 1024 * 1024;
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export const profileApi = {
  update: (changes: { username?: string; email?: string }) => api.patch<{ user: User }>('/api/users/me', changes),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.put<void>('/api/users/me/password', { currentPassword, newPassword }),
  uploadAvatar: (file: Blob) =>
    request<{ user: User }>('PUT', '/api/users/me/avatar', { body: file, contentType: file.type }),
  choosePreset: (preset: AvatarPreset) => api.put<{ user: User }>('/api/users/me/avatar', { preset }),
};
