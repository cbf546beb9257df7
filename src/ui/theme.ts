/** Stage colours: a colour-blind-aware categorical palette (Tableau 10 order). */
export const STAGE_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export const stageColor = (i: number): string => (i < 0 ? '#d1d5db' : STAGE_COLORS[i % STAGE_COLORS.length]!);
