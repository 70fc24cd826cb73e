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
/**
 * Regression: in forced colors, completed and not-started steps looked alike (both plain bars).
 * A completed step has a tick and a solid bar; a step not started a dashed bar.
 */
export const StatesDifferWithoutColour: Story = {
  args: { current: 2 },
  play: async ({ canvasElement }) => {
    const [done, , notStarted] = [
      ...canvasElement.querySelectorAll<HTMLElement>('.cob-steps__step'),
    ].filter((_, i) => i !== 2);
    await expect(done?.querySelector('svg')).not.toBeNull();
    await expect(notStarted?.querySelector('svg')).toBeNull();
    await expect(getComputedStyle(done as HTMLElement).borderTopStyle).toBe('solid');
    await expect(getComputedStyle(notStarted as HTMLElement).borderTopStyle).toBe('dashed');
    await expect(done).toHaveTextContent('Location (completed)');
    await expect(notStarted).toHaveTextContent('Review (not started)');
  },
};
export const FirstStep: Story = { args: { current: 0 } };
export const LastStep: Story = { args: { current: 3 } };
