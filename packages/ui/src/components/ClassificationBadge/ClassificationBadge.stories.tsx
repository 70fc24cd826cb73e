import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { ClassificationBadge } from './ClassificationBadge.js';

const meta = {
  title: 'Compliance/ClassificationBadge',
  component: ClassificationBadge,
  args: { level: 'confidential' },
  parameters: { wcag: ['1.3.1', '1.4.1', '1.4.3'] },
} satisfies Meta<typeof ClassificationBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

const allLevels = () => (
  <p style={{ display: 'flex', gap: '0.5rem' }}>
    <ClassificationBadge level="public" />
    <ClassificationBadge level="internal" />
    <ClassificationBadge level="confidential" />
    <ClassificationBadge level="restricted" />
  </p>
);

export const AllLevels: Story = {
  render: allLevels,
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Restricted')).toBeInTheDocument();
  },
};
export const Small: Story = { args: { level: 'restricted', size: 'sm' } };
export const Spanish: Story = { globals: { locale: 'es' } };
export const HighContrastTheme: Story = {
  globals: { theme: 'high-contrast' },
  render: allLevels,
};
