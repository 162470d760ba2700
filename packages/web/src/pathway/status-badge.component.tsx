/**
 * Status in words, colour and shape, so colour is never the only sign (WCAG 1.4.1). The detail (days
 * left or over) stands beside the pill, in plain text.
 */
export function StatusBadge({
  tone,
  label,
  detail,
}: {
  tone: 'overdue' | 'soon' | 'open' | 'escalated';
  label: string;
  detail?: string;
}) {
  return (
    <span className="status">
      <span className={`status-badge status-badge--${tone}`}>
        <svg className="status-badge__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          {tone === 'overdue' || tone === 'escalated' ? (
            <>
              <path className="status-badge__shape" d="M10 1.5 19 17.5H1Z" />
              <path className="status-badge__mark" d="M10 7.5v4.5M10 14.6v.2" />
            </>
          ) : tone === 'soon' ? (
            <>
              <circle className="status-badge__shape" cx="10" cy="10" r="8.5" />
              <path className="status-badge__mark" d="M10 5.5V10l3 2" />
            </>
          ) : (
            <circle className="status-badge__shape" cx="10" cy="10" r="7" />
          )}
        </svg>
        <strong>{label}</strong>
      </span>
      {detail && <span className="status__detail"> {detail}</span>}
    </span>
  );
}
