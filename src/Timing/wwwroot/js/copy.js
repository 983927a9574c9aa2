// Copy buttons: <button data-copy="id-of-element" data-copied="text shown after copying">.
// A file rather than inline script, so the Content-Security-Policy can forbid inline script.
document.querySelectorAll("button[data-copy]").forEach(button => {
    button.addEventListener("click", async () => {
        const source = document.getElementById(button.dataset.copy);
        await navigator.clipboard.writeText(source.textContent.trim());
        button.textContent = button.dataset.copied;
    });
});
