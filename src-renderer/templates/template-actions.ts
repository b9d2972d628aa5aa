import { api, errorText } from '../app/api-holder';
import { patternChooserDialog, templateGalleryDialog } from '../app/dialog-store';
import { showNotice } from '../app/notice-store';
import { confirmDiscard, loadFlowText } from '../files/file-actions';
import { useExplanationStore } from './explanation-store';

/** File → New from Template: the gallery, then the chosen template as a new unsaved flow. */
export async function newFromTemplate(): Promise<void> {
  const id = await templateGalleryDialog();
  if (id) await openTemplate(id);
}

/**
 * Opens a template as a new flow with no file (Save asks for a name), after the usual
 * question about unsaved changes, and shows its explanation. Returns whether it opened.
 */
export async function openTemplate(id: string, reasoning?: string[]): Promise<boolean> {
  let template;
  try {
    template = await api()['templates.get']({ id });
  } catch (err) {
    showNotice(`Could not open the template: ${errorText(err)}`, { tone: 'error', ms: 8000 });
    return false;
  }
  if (!(await confirmDiscard())) return false;
  if (!loadFlowText(null, template.text)) return false;
  useExplanationStore.getState().show({
    templateId: template.id,
    name: template.name,
    markdown: template.explanation,
    ...(reasoning ? { reasoning } : {}),
  });
  return true;
}

/** Choose a Pattern: the guided decision tree, then its recommendation's template with the reasons. */
export async function choosePattern(): Promise<void> {
  const choice = await patternChooserDialog();
  if (choice) await openTemplate(choice.templateId, choice.reasoning);
}
