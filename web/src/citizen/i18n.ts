// Citizen H5 texts.
export const zh = {
  'citizen.placeholder': '群众端',
};
export const en: typeof zh = {
  'citizen.placeholder': 'Citizen site',
};
