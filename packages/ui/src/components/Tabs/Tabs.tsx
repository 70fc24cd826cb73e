'use client';
import { type ReactNode, useRef } from 'react';
import { type AriaTabListProps, useTab, useTabList, useTabPanel } from 'react-aria';
import { Item, type Node, type TabListState, useTabListState } from 'react-stately';

/** A tab and its panel. */
export interface TabItem {
  id: string;
  title: ReactNode;
  content: ReactNode;
  disabled?: boolean;
}

/** Props of {@link Tabs}. */
export interface TabsProps {
  /** Names the tab list for screen readers. */
  label: string;
  items: readonly TabItem[];
  /** Initially selected tab (uncontrolled). Default: the first. */
  defaultSelectedId?: string;
  /** Selected tab (controlled). */
  selectedId?: string;
  onSelectionChange?: (id: string) => void;
}

/**
 * Tabs built on react-aria (WAI-ARIA tabs pattern): arrow keys move between tabs (mirrored in
 * right-to-left), Home and End jump, Tab moves into the panel.
 * @example <Tabs label="Case views" items={[{ id: 'details', title: 'Details', content: <p>…</p> }]} />
 */
export function Tabs({
  label,
  items,
  defaultSelectedId,
  selectedId,
  onSelectionChange,
}: TabsProps) {
  const firstId = defaultSelectedId ?? items.find((i) => !i.disabled)?.id;
  const props: AriaTabListProps<TabItem> = {
    'aria-label': label,
    items,
    children: (item: TabItem) => (
      <Item key={item.id} title={item.title}>
        {item.content}
      </Item>
    ),
    disabledKeys: items.filter((i) => i.disabled).map((i) => i.id),
    // Select on the server too: react-aria would otherwise pick the first tab only after
    // hydration, and server-rendered HTML would have an empty panel.
    ...(firstId !== undefined ? { defaultSelectedKey: firstId } : {}),
    ...(selectedId !== undefined ? { selectedKey: selectedId } : {}),
    ...(onSelectionChange ? { onSelectionChange: (key) => onSelectionChange(String(key)) } : {}),
  };
  const state = useTabListState(props);
  const ref = useRef<HTMLDivElement>(null);
  const { tabListProps } = useTabList(props, state, ref);
  return (
    <div className="cob-tabs">
      <div {...tabListProps} ref={ref} className="cob-tabs__list">
        {[...state.collection].map((item) => (
          <Tab key={item.key} item={item} state={state} />
        ))}
      </div>
      <TabPanel key={state.selectedItem?.key} state={state} />
    </div>
  );
}

function Tab({ item, state }: { item: Node<TabItem>; state: TabListState<TabItem> }) {
  const ref = useRef<HTMLDivElement>(null);
  const { tabProps, isSelected } = useTab({ key: item.key }, state, ref);
  return (
    <div
      {...tabProps}
      ref={ref}
      className={isSelected ? 'cob-tabs__tab cob-tabs__tab--selected' : 'cob-tabs__tab'}
    >
      {item.rendered}
    </div>
  );
}

function TabPanel({ state }: { state: TabListState<TabItem> }) {
  const ref = useRef<HTMLDivElement>(null);
  const { tabPanelProps } = useTabPanel({}, state, ref);
  return (
    <div {...tabPanelProps} ref={ref} className="cob-tabs__panel">
      {state.selectedItem?.props.children}
    </div>
  );
}
