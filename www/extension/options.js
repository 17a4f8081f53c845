// The options page: summary length, highlight on/off and colour, saved on every change.
import { MAX_SENTENCES, loadSettings, saveSettings } from "./settings.js";

const form = document.getElementById("options");
const status = document.getElementById("status");
const fields = {
  sentences: document.getElementById("sentences"),
  highlight: document.getElementById("highlight"),
  color: document.getElementById("color"),
};
fields.sentences.max = String(MAX_SENTENCES);

function fill(settings) {
  fields.sentences.value = String(settings.sentences);
  fields.highlight.checked = settings.highlight;
  fields.color.value = settings.color;
}

// Saves run one after another (two quick changes must not interleave their read and write);
// "Saved." shows once the last one is stored.
let queue = Promise.resolve();
let pending = 0;

form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("change", () => {
  if (!fields.sentences.checkValidity()) {
    status.textContent = `Summary length is a whole number from 1 to ${MAX_SENTENCES}.`;
    return;
  }
  const changes = {
    sentences: fields.sentences.value,
    highlight: fields.highlight.checked,
    color: fields.color.value,
  };
  pending++;
  status.textContent = "Saving…";
  queue = queue.then(() => saveSettings(changes)).then(
    (saved) => {
      if (--pending === 0) {
        fill(saved);
        status.textContent = "Saved.";
      }
    },
    (e) => {
      pending--;
      status.textContent = `Not saved: ${e.message}`;
    },
  );
});

fill(await loadSettings());
document.documentElement.dataset.ready = "true";
