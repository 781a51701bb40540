// Parcel-tracking style progress: 受理 → 派单 → 签收 → 办理 → 答复 → 回访 → 办结; a ticket the
// centre finished itself (answered on the phone, out of scope, transferred) went 受理 → that → 办结,
// and a merged one 受理 → 并案 (it follows the ticket it joined): only steps that happen are shown.
import { useI18n } from '../i18n/index.tsx';

export const STEPS = ['received', 'dispatched', 'signed', 'handling', 'replied', 'callback', 'closed'] as const;

/** Index of the step a status has reached. */
export function stepOf(status: string, actions: string[] = []): number {
  switch (status) {
    case 'received':
      return 0;
    case 'dispatched':
    case 'returned':
      return 1;
    case 'signed':
      return 2;
    case 'handling':
      return actions.includes('progress') ? 3 : 2;
    case 'replied':
      return 4;
    case 'callback':
      return 5;
    default:
      return 6;
  }
}

const CENTRE_FINISH = ['direct_answer', 'out_of_scope', 'transfer'] as const;

/** The steps this ticket's path has, and the one it has reached. */
export function stepsFor(status: string, actions: string[] = []): { steps: readonly string[]; at: number } {
  if (status === 'merged') return { steps: ['received', 'merged'], at: 1 };
  const dispatched = actions.some((a) => a === 'dispatch' || a === 'auto_dispatch');
  const finish = CENTRE_FINISH.find((a) => actions.includes(a));
  if (!dispatched && finish) return { steps: ['received', finish, 'closed'], at: status === 'closed' ? 2 : 1 };
  return { steps: STEPS, at: stepOf(status, actions) };
}

export function Progress({ status, actions }: { status: string; actions: string[] }) {
  const { t } = useI18n();
  const { steps, at } = stepsFor(status, actions);
  const label = (s: string) => t(`citizen.step.${s}`);
  return (
    <ol aria-label={t('citizen.track.progress')} style={{ display: 'flex', listStyle: 'none', padding: 0, margin: '8px 0 16px' }}>
      {steps.map((s, i) => {
        const done = i <= at;
        const current = i === at;
        return (
          <li key={s} aria-current={current ? 'step' : undefined} style={{ flex: 1, textAlign: 'center', position: 'relative', minWidth: 0 }}>
            {i > 0 ? (
              <span aria-hidden style={{ position: 'absolute', top: 11, right: '50%', width: '100%', height: 3, background: done ? '#c8102e' : '#e5e5e5' }} />
            ) : null}
            <span
              aria-hidden
              style={{
                // above the next step's connector line, which is drawn later in the list
                position: 'relative', zIndex: 1, display: 'inline-flex', width: 24, height: 24, borderRadius: 12, alignItems: 'center', justifyContent: 'center',
                background: done ? '#c8102e' : '#fff', border: `3px solid ${done ? '#c8102e' : '#d9d9d9'}`, color: '#fff', fontSize: 12,
                boxShadow: current ? '0 0 0 4px rgba(200,16,46,.2)' : undefined, boxSizing: 'border-box',
              }}
            >
              {done ? '✓' : ''}
            </span>
            {/* seven steps share a phone's width: a long word (English) gets a smaller size rather than run into the next */}
            <div style={{ fontSize: [...label(s)].length > 6 ? 10 : 12, marginTop: 4, color: done ? '#c8102e' : '#888', fontWeight: current ? 700 : 400, overflowWrap: 'anywhere', lineHeight: 1.2 }}>
              {label(s)}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
