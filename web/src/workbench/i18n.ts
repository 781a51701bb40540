// Unit workbench texts.
export const zh = {
  'workbench.inbox': '待办工单',
  'workbench.total': '待办',
  'workbench.sort.deadline': '按时限',
  'workbench.sort.urgency': '按紧急程度',
  'workbench.sort.newest': '最新',
  'workbench.back': '返回待办',
  'workbench.actions': '办理',
  'workbench.noActions': '当前没有需要您办理的操作',
  'workbench.replyHints': '相似工单的答复（参考）',
};
export const en: typeof zh = {
  'workbench.inbox': 'Inbox',
  'workbench.total': 'To do',
  'workbench.sort.deadline': 'By deadline',
  'workbench.sort.urgency': 'By urgency',
  'workbench.sort.newest': 'Newest',
  'workbench.back': 'Back to inbox',
  'workbench.actions': 'Handle',
  'workbench.noActions': 'Nothing for you to do on this ticket now',
  'workbench.replyHints': 'Replies to similar tickets',
};
