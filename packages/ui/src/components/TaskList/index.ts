export { TaskList, type TaskListItem, type TaskListProps, type TaskStatus } from './TaskList.js';
