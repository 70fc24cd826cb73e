import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { Button } from '../components/Button/Button.js';
import { useAnnounce } from './useAnnounce.js';

function Demo() {
  const announce = useAnnounce();
  return <Button onClick={() => announce('12 results')}>Filter</Button>;
}

const meta = {
  title: 'Feedback/useAnnounce',
  component: Demo,
  parameters: { wcag: ['4.1.3'] },
} satisfies Meta<typeof Demo>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Activating the button puts "12 results" into the polite live region. */
export const Announces: Story = {
  play: async ({ canvas, canvasElement }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Filter' }));
    const region = canvasElement.ownerDocument.querySelector('[data-cob-announcer="polite"]');
    await waitFor(() => expect(region).toHaveTextContent('12 results'));
  },
};
