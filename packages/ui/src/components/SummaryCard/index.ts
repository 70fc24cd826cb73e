export { SummaryCard, type SummaryCardAction, type SummaryCardProps } from './SummaryCard.js';
