import { createEffect, onCleanup, type JSX } from 'solid-js';

export interface DialogProps {
  open: boolean;
  onClose(): void;
  /** Id of the element naming the dialog. */
  labelledBy: string;
  /** Where focus goes back to when the dialog closes. */
  returnFocus?: HTMLElement | undefined;
  class?: string;
  closeLabel: string;
  children: JSX.Element;
}

/**
 * A modal `<dialog>`: the browser gives it dialog semantics, a focus trap
 * and Escape to close; focus returns to the element that opened it.
 */
export function Dialog(props: DialogProps) {
  let dialog!: HTMLDialogElement;
  createEffect(() => {
    if (props.open && !dialog.open) dialog.showModal();
    else if (!props.open && dialog.open) dialog.close();
  });
  const onClose = () => {
    const target = props.returnFocus;
    props.onClose();
    // The opener may have been re-rendered; only refocus it if it is still in the page.
    if (target?.isConnected) target.focus();
  };
  onCleanup(() => {
    if (dialog?.open) dialog.close();
  });
  return (
    <dialog
      ref={dialog}
      class={`sm-dialog ${props.class ?? ''}`}
      aria-labelledby={props.labelledBy}
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === dialog) dialog.close();
      }}
    >
      <div class="sm-dialog__body">
        <button type="button" class="sm-dialog__close" onClick={() => dialog.close()}>
          <span aria-hidden="true">×</span>
          <span class="sm-visually-hidden">{props.closeLabel}</span>
        </button>
        {props.children}
      </div>
    </dialog>
  );
}
