// Dispatcher texts.
export const zh = {
  'dispatch.title': '派单台',
  'dispatch.intro': '需要人工判断的工单：未自动派单的、被退回的、重办的',
  'dispatch.bulk': '批量派单（{n}）',
  'dispatch.bulkTitle': '批量派单 {n} 件',
  'dispatch.clear': '取消选择',
  'dispatch.sent': '已派出 {n} 件',
  'dispatch.why': '原因',
  'dispatch.returned': '退单 {n} 次',
  'dispatch.unsure': '待分派',
  'dispatch.suggested': '建议单位',
  'dispatch.quick': '一键派往 {unit}',
  'dispatch.quickConfirm': '将 {number} 派往 {unit}？',
};
export const en: typeof zh = {
  'dispatch.title': 'Dispatch queue',
  'dispatch.intro': 'Tickets that need a person: not auto-dispatched, returned, reopened',
  'dispatch.bulk': 'Dispatch selected ({n})',
  'dispatch.bulkTitle': 'Dispatch {n} tickets',
  'dispatch.clear': 'Clear selection',
  'dispatch.sent': '{n} dispatched',
  'dispatch.why': 'Why here',
  'dispatch.returned': 'Returned {n}×',
  'dispatch.unsure': 'To route',
  'dispatch.suggested': 'Suggested units',
  'dispatch.quick': 'Dispatch to {unit}',
  'dispatch.quickConfirm': 'Send {number} to {unit}?',
};
