import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { StepIndicator } from './StepIndicator.js';

const meta = {
  title: 'Page frame/StepIndicator',
  component: StepIndicator,
  args: { steps: ['Location', 'Details', 'Contact', 'Review'], current: 1 },
  parameters: { wcag: ['1.3.1', '1.4.1', '2.4.8'] },
} satisfies Meta<typeof StepIndicator>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SecondStep: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Step 2 of 4: Details')).toBeInTheDocument();
  },
};
export const FirstStep: Story = { args: { current: 0 } };
export const LastStep: Story = { args: { current: 3 } };
