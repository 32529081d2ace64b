// The rich-text field's editor: a contenteditable region whose HTML goes to .NET as it is typed (debounced) and when
// the region is left; the toolbar's commands run here. What is stored is cleaned by the server's allow-list, so this
// module only edits and never decides what is safe.

const editors = new WeakMap();

export function attach(element, dotnet, html) {
    const state = { dotnet, timer: 0, last: html ?? "" };
    editors.set(element, state);
    element.innerHTML = state.last;
    const send = committed => {
        clearTimeout(state.timer);
        const now = element.innerHTML;
        if (!committed && now === state.last) return;
        state.last = now;
        dotnet.invokeMethodAsync("HtmlChanged", now, committed);
    };
    state.input = () => { clearTimeout(state.timer); state.timer = setTimeout(() => send(false), 250); };
    state.blur = () => send(true);
    element.addEventListener("input", state.input);
    element.addEventListener("blur", state.blur);
}

/** Shows HTML that came from elsewhere (a draft, a reset), unless the person is typing in the region. */
export function show(element, html) {
    const state = editors.get(element);
    if (!state || document.activeElement === element || state.last === html) return;
    state.last = html ?? "";
    element.innerHTML = state.last;
}

/** Runs a toolbar command on the selection in the region: bold, italic, insertUnorderedList, insertOrderedList, createLink. */
export function run(element, command) {
    const state = editors.get(element);
    if (!state) return;
    element.focus();
    if (command === "createLink") {
        const address = window.prompt("https://…", "https://");
        if (!address || !/^(https?:|mailto:)/i.test(address.trim())) return;
        document.execCommand("createLink", false, address.trim());
    } else {
        document.execCommand(command, false, null);
    }
    state.input();
}

export function detach(element) {
    const state = editors.get(element);
    if (!state) return;
    clearTimeout(state.timer);
    element.removeEventListener("input", state.input);
    element.removeEventListener("blur", state.blur);
    editors.delete(element);
}
