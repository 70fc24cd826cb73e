import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { InsetText } from './InsetText.js';

const meta = {
  title: 'Content/InsetText',
  component: InsetText,
  args: { children: 'It can take up to 8 weeks to review a building permit.' },
  parameters: { wcag: ['1.3.1', '1.4.3'] },
} satisfies Meta<typeof InsetText>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/8 weeks/)).toBeVisible();
  },
};
