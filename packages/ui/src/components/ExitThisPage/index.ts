export { EXIT_SHIFT_WINDOW_MS, ExitThisPage, type ExitThisPageProps } from './ExitThisPage.js';
