import { useRef, useState } from 'react';
import { useMessenger } from '../../../lib/messenger';
import { Avatar } from '../../../components/Avatar';
import { errorMessage } from '../../../lib/api';
import type { User } from '../../../lib/types';
import { AVATAR_PRESETS, AVATAR_TYPES, MAX_AVATAR_BYTES, profileApi, type AvatarPreset } from '../api/profileApi';
import { PRESET_IMAGES, PRESET_LABELS } from '../assets/presets';

export function AvatarPicker({ user }: { user: User }) {
  const { updateMe } = useMessenger();
  const file = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<{ user: User }>) {
    setBusy(true);
    setStatus(null);
    try {
      const { user: updated } = await action();
      updateMe(updated);
      setStatus({ ok: true, text: 'Photo updated.' });
    } catch (e) {
      setStatus({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  function upload(f: File | undefined) {
    if (!f) return;
    if (!AVATAR_TYPES.includes(f.type)) return setStatus({ ok: false, text: 'Choose a PNG, JPEG, GIF or WebP image.' });
    if (f.size > MAX_AVATAR_BYTES) return setStatus({ ok: false, text: 'The image must be at most 1 MiB.' });
    void run(() => profileApi.uploadAvatar(f));
  }

  return (
    <section className="profile-section" aria-label="Photo">
      <h3>Photo</h3>
      <div className="avatar-row">
        <Avatar name={user.username} url={user.avatarUrl} size={64} />
        <button type="button" className="button secondary" onClick={() => !busy && file.current?.click()} aria-disabled={busy || undefined}>Upload a picture…</button>
        <input ref={file} type="file" accept={AVATAR_TYPES.join(',')} hidden onChange={(e) => upload(e.target.files?.[0])} data-testid="avatar-file" aria-label="Upload a picture" />
      </div>
      <div className="presets" role="group" aria-label="Or choose a preset photo">
        {AVATAR_PRESETS.map((p: AvatarPreset) => (
          <button key={p} type="button" className="preset" aria-disabled={busy || undefined} onClick={() => !busy && void run(() => profileApi.choosePreset(p))} data-testid={`preset-${p}`}>
            <img src={PRESET_IMAGES[p]} alt="" width={44} height={44} />
            <span className="preset-label">{PRESET_LABELS[p]}</span>
          </button>
        ))}
      </div>
      {status && <p className={status.ok ? 'form-ok' : 'form-error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </section>
  );
}
