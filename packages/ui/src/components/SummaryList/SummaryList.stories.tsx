import type { Meta, StoryObj } from '@storybook/react-vite';
import { SummaryList } from './SummaryList.js';

const meta = {
  title: 'Content/SummaryList',
  component: SummaryList,
  args: {
    rows: [
      { key: 'Case', value: '42' },
      { key: 'Status', value: 'Open' },
      {
        key: 'Location',
        value: '1 City Hall Square',
        action: (
          <a href="#change-location">
            Change<span className="cob-visually-hidden"> location</span>
          </a>
        ),
      },
    ],
  },
  parameters: { wcag: ['1.3.1', '2.4.4'] },
} satisfies Meta<typeof SummaryList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithActions: Story = {};
export const ReadOnly: Story = { args: { rows: [{ key: 'Department', value: 'Public Works' }] } };
