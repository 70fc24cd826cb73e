import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { SkipLink } from './SkipLink.js';

const meta = {
  title: 'Page frame/SkipLink',
  component: SkipLink,
  parameters: { wcag: ['2.4.1', '2.4.7'] },
} satisfies Meta<typeof SkipLink>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Tab once: the link appears and is the first stop. */
const withMain: Story['render'] = (args) => (
  <>
    <SkipLink {...args} />
    <main id="main" tabIndex={-1}>
      <h1>Page</h1>
    </main>
  </>
);

export const Default: Story = {
  render: withMain,
  play: async ({ canvas }) => {
    await userEvent.tab();
    const link = canvas.getByRole('link', { name: 'Skip to main content' });
    await expect(link).toHaveFocus();
  },
};

export const Spanish: Story = {
  globals: { locale: 'es' },
  render: withMain,
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('link', { name: 'Saltar al contenido principal' }),
    ).toBeInTheDocument();
  },
};
