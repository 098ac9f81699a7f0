import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../../components/Icon';
import type { DisplayPrefs } from '../hooks/useDisplayPrefs';

/** The "more" menu of the open chat: display switches, export, hide (a direct chat), members, leave (a group). */
export function ChatMenu({ isGroup, prefs, onPrefs, onExport, onAddMembers, onLeave, onHide }: {
  isGroup: boolean;
  prefs: DisplayPrefs;
  onPrefs: (p: Partial<DisplayPrefs>) => void;
  onExport: (format: 'txt' | 'json') => void;
  onAddMembers: () => void;
  onLeave: () => void;
  /** A direct chat's "Hide chat" (groups are left instead). */
  onHide?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const act = (f: () => void) => () => {
    setOpen(false);
    f();
  };
  return (
    <div className="menu-wrap" ref={ref} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="icon-button" aria-label="Chat options" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="chat-menu-button">
        <Icon name="more" />
      </button>
      {open && (
        <div className="menu" role="menu" data-testid="chat-menu">
          <label className="menu-switch">
            <input type="checkbox" role="menuitemcheckbox" checked={prefs.showTimes} onChange={(e) => onPrefs({ showTimes: e.target.checked })} data-testid="toggle-times" />
            Show times
          </label>
          <label className="menu-switch">
            <input type="checkbox" role="menuitemcheckbox" checked={prefs.showNames} onChange={(e) => onPrefs({ showNames: e.target.checked })} data-testid="toggle-names" />
            Show sender names
          </label>
          <hr />
          <button type="button" role="menuitem" onClick={act(() => onExport('txt'))} data-testid="export-txt">Download as text</button>
          <button type="button" role="menuitem" onClick={act(() => onExport('json'))} data-testid="export-json">Download as JSON</button>
          {!isGroup && onHide && (
            <>
              <hr />
              <button type="button" role="menuitem" onClick={act(onHide)} data-testid="hide-chat">Hide chat</button>
            </>
          )}
          {isGroup && (
            <>
              <hr />
              <button type="button" role="menuitem" onClick={act(onAddMembers)} data-testid="add-members">Add members</button>
              <button type="button" role="menuitem" className="danger-text" onClick={act(onLeave)} data-testid="leave-chat">Leave group</button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
