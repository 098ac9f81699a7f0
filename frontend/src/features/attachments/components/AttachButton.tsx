import { useRef } from 'react';
import { Icon } from '../../../components/Icon';

/** The composer's paper clip: opens the file picker (several files at once). */
export function AttachButton({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="icon-button attach-button" aria-label="Attach files" title="Attach files" disabled={disabled} onClick={() => input.current?.click()} data-testid="attach-button">
        <Icon name="clip" />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        data-testid="attach-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Cleared, so choosing the same file again is a change too.
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
