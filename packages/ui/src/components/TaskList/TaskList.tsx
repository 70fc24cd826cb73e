'use client';
import { type ReactNode, useId } from 'react';
import { enTaskList } from '../../i18n/locales/en.js';
import { useStrings } from '../../i18n/useStrings.js';
import { Tag, type TagVariant } from '../Tag/Tag.js';

/** Where a task stands. */
export type TaskStatus = 'completed' | 'inProgress' | 'incomplete' | 'notStarted' | 'cannotStart';

/** A task in a {@link TaskList}. */
export interface TaskListItem {
  /** The task's name, e.g. "Property details". */
  title: string;
  /** Where the task is done; omit when it cannot start yet. */
  href?: string;
  /** A short hint under the title. */
  hint?: ReactNode;
  status: TaskStatus;
  /** A status worded by the app instead of the built-in one, e.g. "2 of 5 uploaded". */
  statusText?: string;
}

/** Props of {@link TaskList}. */
export interface TaskListProps {
  items: readonly TaskListItem[];
}

const STATUS: Record<TaskStatus, { key: keyof typeof enTaskList; tag: TagVariant | null }> = {
  completed: { key: 'taskStatusCompleted', tag: null },
  inProgress: { key: 'taskStatusInProgress', tag: 'info' },
  incomplete: { key: 'taskStatusIncomplete', tag: 'info' },
  notStarted: { key: 'taskStatusNotStarted', tag: 'neutral' },
  cannotStart: { key: 'taskStatusCannotStart', tag: null },
};

/**
 * The tasks of a long application and where each stands (GOV.UK "Task list"). Each task's link
 * is described by its status, so a screen reader hears "Property details, Completed". Completed
 * tasks show plain text, the others a tag, as GOV.UK recommends.
 * @example <TaskList items={[{ title: 'Your details', href: '/details', status: 'completed' }]} />
 */
export function TaskList({ items }: TaskListProps) {
  const { t } = useStrings(enTaskList);
  const base = useId();
  return (
    <ul className="cob-task-list">
      {items.map((item, index) => {
        const statusId = `${base}-${index}-status`;
        const hintId = `${base}-${index}-hint`;
        const { key, tag } = STATUS[item.status];
        const text = item.statusText ?? t(key);
        const describedBy = [item.hint ? hintId : null, statusId].filter(Boolean).join(' ');
        return (
          <li key={item.title} className="cob-task-list__item">
            <div className="cob-task-list__name">
              {item.href && item.status !== 'cannotStart' ? (
                <a href={item.href} className="cob-link" aria-describedby={describedBy}>
                  {item.title}
                </a>
              ) : (
                <span>{item.title}</span>
              )}
              {item.hint ? (
                <div id={hintId} className="cob-task-list__hint">
                  {item.hint}
                </div>
              ) : null}
            </div>
            <div id={statusId} className="cob-task-list__status">
              {tag ? <Tag variant={tag}>{text}</Tag> : text}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
