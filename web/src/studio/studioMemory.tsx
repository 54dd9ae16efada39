import {
  createContext,
  useContext,
  useEffect,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react';

/**
 * Choices a producer made on a project's page that outlive the component showing them, for as long as the studio is
 * open in this tab and the session lasts: the production form is taken off the page while a job runs and drawn
 * afresh when it ends, and a producer running chapters I–III again should not choose them again. Kept in memory
 * only, as the studio keeps every page's choices (nothing of a page goes to the browser's storage, so a reload
 * starts afresh), and dropped with the session on sign-out.
 */
const StudioMemory = createContext<Map<string, unknown> | null>(null);

export function StudioMemoryProvider({ children }: { children: ReactNode }) {
  const [memory] = useState(() => new Map<string, unknown>());
  return <StudioMemory.Provider value={memory}>{children}</StudioMemory.Provider>;
}

/**
 * `useState` whose value is kept per project under `name` and given back when the component is drawn again. Outside
 * a `StudioMemoryProvider` it is plain `useState`.
 */
export function useProjectChoice<T>(projectId: string, name: string, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const memory = useContext(StudioMemory);
  const key = `${projectId}\n${name}`;
  // One component owns each name, always with the same type, so what is stored under it is a T. (A T that is itself a
  // function would be taken for an initializer by useState: no choice kept here is one.)
  const [value, setValue] = useState<T>(() => (memory?.has(key) ? (memory.get(key) as T) : initial));
  useEffect(() => {
    memory?.set(key, value);
  }, [memory, key, value]);
  return [value, setValue];
}
