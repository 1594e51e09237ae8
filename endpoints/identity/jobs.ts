import type { TaskConfig } from 'payload'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const identityTasks: TaskConfig<any>[] = []
