/** "alice, bob@x.io carol" -> ["alice", "bob@x.io", "carol"], without duplicates. */
export function parseRecipients(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of input.split(/[\s,;]+/)) {
    const v = part.trim().replace(/^@/, '');
    if (v && !seen.has(v.toLowerCase())) {
      seen.add(v.toLowerCase());
      out.push(v);
    }
  }
  return out;
}
