import { create } from 'zustand';
import './theme-overrides.css';

/** The two colour schemes of the app. */
export type Theme = 'light' | 'dark';

const KEY = 'flowbench.theme';

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    // Storage can be disabled; the system preference still applies.
    return null;
  }
}

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

interface ThemeState {
  theme: Theme;
  /** Switches scheme and remembers the choice for the next start. */
  setTheme(theme: Theme): void;
  toggle(): void;
}

/**
 * The colour scheme: the user's last choice (localStorage), else the system's
 * prefers-color-scheme. Applied as `data-theme` on <html>, which theme.css reads.
 */
export const useThemeStore = create<ThemeState>()((set, get) => ({
  theme: storedTheme() ?? systemTheme(),
  setTheme: (theme) => {
    apply(theme);
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Not remembered across starts; still applied now.
    }
    set({ theme });
  },
  toggle: () => get().setTheme(get().theme === 'dark' ? 'light' : 'dark'),
}));

apply(useThemeStore.getState().theme);
