import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '../Button/Button.js';
import { EmptyState } from './EmptyState.js';

const meta = {
  title: 'Content/EmptyState',
  component: EmptyState,
  args: { title: 'No open cases', children: <p>New requests from 311 will appear here.</p> },
  parameters: { wcag: ['1.3.1'] },
} satisfies Meta<typeof EmptyState>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithAction: Story = { args: { action: <Button>Create a case</Button> } };
