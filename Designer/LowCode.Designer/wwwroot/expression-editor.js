// The expression editor's browser side (imported as a module; no inline script): where the caret is, putting it
// back after a completion is inserted, keeping the highlight behind the text scrolled with it, and keeping the
// completion keys (arrows, Enter, Tab, Escape) from moving the caret while the completion list is open.
const completionKeys = new Set(["ArrowUp", "ArrowDown", "Enter", "Tab", "Escape"]);

export function attach(input, highlight) {
    if (!input || input.dataset.expressionAttached) return;
    input.dataset.expressionAttached = "true";
    input.addEventListener("keydown", e => {
        if (input.getAttribute("data-completion-open") === "true" && completionKeys.has(e.key)) e.preventDefault();
    });
    input.addEventListener("scroll", () => {
        if (!highlight) return;
        highlight.scrollTop = input.scrollTop;
        highlight.scrollLeft = input.scrollLeft;
    });
}

export function caret(input) {
    return input ? input.selectionStart : null;
}

export function setCaret(input, position) {
    if (!input) return;
    input.focus();
    input.setSelectionRange(position, position);
}
