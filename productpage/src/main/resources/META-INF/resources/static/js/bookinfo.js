// Opens and closes the sign-in dialog; the page works without it (the form is plain HTML).
document.addEventListener('DOMContentLoaded', () => {
  const dialog = document.getElementById('dialog');
  const open = document.getElementById('sign-in-button');
  const close = document.getElementById('close-dialog');
  if (dialog && open) {
    open.addEventListener('click', () => dialog.showModal());
  }
  if (dialog && close) {
    close.addEventListener('click', () => dialog.close());
  }
});
