import { create } from 'zustand';

/** A file name for Save As, and the existing file it replaces when the name is taken. */
export interface SaveAsChoice {
  name: string;
  replacePath: string | null;
}

/** What the guided pattern chooser recommends: the template to open and why. */
export interface PatternChoice {
  templateId: string;
  reasoning: string[];
}

/** The modal dialogs the app can show; each resolves the promise of whoever asked. */
export type DialogSpec =
  | { kind: 'confirm'; title: string; message: string; confirmLabel: string; resolve: (ok: boolean) => void }
  | { kind: 'openFile'; resolve: (path: string | null) => void }
  | { kind: 'saveAs'; suggestedName: string; resolve: (choice: SaveAsChoice | null) => void }
  | { kind: 'problems'; title: string; intro: string; lines: string[]; resolve: () => void }
  | { kind: 'templates'; resolve: (templateId: string | null) => void }
  | { kind: 'patternChooser'; resolve: (choice: PatternChoice | null) => void }
  | { kind: 'export'; resolve: () => void }
  | { kind: 'import'; resolve: () => void };

interface DialogState {
  dialog: DialogSpec | null;
  /** Answers the open dialog as if the user cancelled it. */
  cancel: (() => void) | null;
}

export const useDialogStore = create<DialogState>()(() => ({ dialog: null, cancel: null }));

// Omit distributed over the union, so each spec keeps its own fields.
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Spec = Without<DialogSpec, 'resolve'>;

/** Shows a dialog and waits for its answer; a dialog already open is cancelled first. */
function ask<T>(spec: Spec, cancelValue: T): Promise<T> {
  useDialogStore.getState().cancel?.();
  return new Promise<T>((resolve) => {
    const done = (value: T): void => {
      useDialogStore.setState({ dialog: null, cancel: null });
      resolve(value);
    };
    useDialogStore.setState({
      dialog: { ...spec, resolve: done } as DialogSpec,
      cancel: () => done(cancelValue),
    });
  });
}

export function confirmDialog(title: string, message: string, confirmLabel: string): Promise<boolean> {
  return ask({ kind: 'confirm', title, message, confirmLabel }, false);
}

/** Browser mode's Open: lets the user pick a file of the workspace folder. */
export function pickFileDialog(): Promise<string | null> {
  return ask<string | null>({ kind: 'openFile' }, null);
}

/** Browser mode's Save As: asks for a file name in the workspace folder. */
export function fileNameDialog(suggestedName: string): Promise<SaveAsChoice | null> {
  return ask<SaveAsChoice | null>({ kind: 'saveAs', suggestedName }, null);
}

export function problemsDialog(title: string, intro: string, lines: string[]): Promise<void> {
  return ask<void>({ kind: 'problems', title, intro, lines }, undefined);
}

/** New from template: the gallery of pattern templates; resolves to the chosen id. */
export function templateGalleryDialog(): Promise<string | null> {
  return ask<string | null>({ kind: 'templates' }, null);
}

/** The integration decision tree; resolves to the recommended template (and why) when opened. */
export function patternChooserDialog(): Promise<PatternChoice | null> {
  return ask<PatternChoice | null>({ kind: 'patternChooser' }, null);
}

/** File → Export…: the export dialog; resolves when it closes (exported, copied or cancelled). */
export function exportDialog(): Promise<void> {
  return ask<void>({ kind: 'export' }, undefined);
}

/** File → Import…: pick an AsyncAPI, OpenAPI or .proto document, read the report, open or add the flow. */
export function importDialog(): Promise<void> {
  return ask<void>({ kind: 'import' }, undefined);
}
