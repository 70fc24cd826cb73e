import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { LanguageSelector } from './LanguageSelector.js';

// The City's languages of service, each named in itself.
const languages = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'ht', name: 'Kreyòl ayisyen' },
  { code: 'zh-Hans', name: '简体中文' },
  { code: 'zh-Hant', name: '繁體中文' },
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'kea', name: 'Kriolu' },
  { code: 'pt', name: 'Português' },
  { code: 'ru', name: 'Русский' },
  { code: 'ar', name: 'العربية' },
  { code: 'so', name: 'Soomaali' },
  { code: 'fr', name: 'Français' },
];

const meta = {
  title: 'Navigation/LanguageSelector',
  component: LanguageSelector,
  args: { languages, current: 'en', onChange: fn() },
  parameters: { wcag: ['1.3.1', '2.1.1', '3.1.2', '4.1.2'] },
} satisfies Meta<typeof LanguageSelector>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Buttons switch in place: Tab to "Español", Enter. Each name carries its own `lang`. */
export const SwitchInPlace: Story = {
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('button', { name: 'English' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await userEvent.tab();
    await userEvent.tab();
    const spanish = canvas.getByRole('button', { name: 'Español' });
    await expect(spanish).toHaveFocus();
    await expect(spanish).toHaveAttribute('lang', 'es');
    await userEvent.keyboard('{Enter}');
    await expect(args.onChange).toHaveBeenCalledWith('es');
  },
};
/** Links to the page in each language, with `hreflang`. */
export const Links: Story = {
  args: { languages: languages.map((l) => ({ ...l, href: `#${l.code}` })), current: 'es' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: 'Español' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await expect(canvas.getByRole('link', { name: 'Русский' })).toHaveAttribute('hreflang', 'ru');
  },
};
