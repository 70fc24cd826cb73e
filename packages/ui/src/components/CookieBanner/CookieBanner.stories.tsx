import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { CookieBanner } from './CookieBanner.js';

const meta = {
  title: 'Page frame/CookieBanner',
  component: CookieBanner,
  args: {
    title: 'Cookies on Boston 311',
    cookiesHref: '#cookies',
    onChoice: fn(),
    onHide: fn(),
    children: (
      <p>
        We use some essential cookies to make this service work. We would also like to use analytics
        cookies to understand how you use it.
      </p>
    ),
  },
  parameters: { wcag: ['1.3.1', '2.1.1', '2.4.3', '4.1.3'], layout: 'fullscreen' },
} satisfies Meta<typeof CookieBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab to Reject, Enter: the choice is stored, the confirmation takes focus, Hide removes it. */
export const RejectWithKeyboard: Story = {
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('region', { name: 'Cookies on Boston 311' })).toBeVisible();
    await userEvent.tab();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Reject additional cookies' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onChoice).toHaveBeenCalledWith(false);
    const alert = canvas.getByRole('alert');
    await waitFor(() => expect(alert).toHaveFocus());
    await expect(alert).toHaveTextContent('You have rejected additional cookies.');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(args.onHide).toHaveBeenCalled();
    await expect(canvas.queryByRole('region')).toBeNull();
  },
};
export const Spanish: Story = { globals: { locale: 'es' } };
