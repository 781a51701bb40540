// The citizen's own recent tickets, kept on this device only (number + last 4 phone digits).
const KEY = 'lx.recent';

export interface Recent {
  number: string;
  last4: string;
}

export function recentTickets(): Recent[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as Recent[];
    return Array.isArray(v) ? v.filter((r) => r && typeof r.number === 'string' && /^\d{4}$/.test(r.last4)).slice(0, 5) : [];
  } catch {
    return [];
  }
}

export function rememberTicket(r: Recent) {
  try {
    const list = [r, ...recentTickets().filter((x) => x.number !== r.number)].slice(0, 5);
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    /* storage unavailable */
  }
}
