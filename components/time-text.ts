/** A local date and time, short: "Mar 4, 15:02" (when a finding was dismissed, a screen judged, an audit entry made). */
export function shortTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
