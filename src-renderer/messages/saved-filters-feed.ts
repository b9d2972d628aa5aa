import { api, errorText } from '../app/api-holder';
import { filterToDraft } from './filter-draft';
import { applyDraft } from './messages-feed';
import { useMessagesStore } from './messages-store';

const set = useMessagesStore.setState;

/** Loads the saved filters from the engine (the workspace's message-filters.json). */
export async function loadSavedFilters(): Promise<void> {
  try {
    set({ savedFilters: (await api()['messages.filters.list']({})).filters });
  } catch (err) {
    set({ queryError: `saved filters: ${errorText(err)}` });
  }
}

/** Saves the filter in force under `name` (replacing one of that name). Returns an error text or null. */
export async function saveCurrentFilter(name: string): Promise<string | null> {
  try {
    const { filters } = await api()['messages.filters.save']({
      name,
      filter: useMessagesStore.getState().filter,
    });
    set({ savedFilters: filters });
    return null;
  } catch (err) {
    return errorText(err);
  }
}

/** Puts a saved filter back in the bar and runs it. */
export function restoreFilter(name: string): void {
  const saved = useMessagesStore.getState().savedFilters.find((f) => f.name === name);
  if (saved) applyDraft(filterToDraft(saved.filter));
}

export async function deleteSavedFilter(name: string): Promise<void> {
  try {
    set({ savedFilters: (await api()['messages.filters.delete']({ name })).filters });
  } catch (err) {
    set({ queryError: errorText(err) });
  }
}
