/** Shown over the chat while files are dragged onto it. */
export function DropZone() {
  return (
    <div className="drop-zone" data-testid="drop-zone" aria-hidden="true">
      <span>Drop files to attach</span>
    </div>
  );
}
