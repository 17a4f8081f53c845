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

form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("change", async () => {
  if (!fields.sentences.checkValidity()) {
    status.textContent = `Summary length is a whole number from 1 to ${MAX_SENTENCES}.`;
    return;
  }
  const saved = await saveSettings({
    sentences: fields.sentences.value,
    highlight: fields.highlight.checked,
    color: fields.color.value,
  });
  fill(saved);
  status.textContent = "Saved.";
});

fill(await loadSettings());
document.documentElement.dataset.ready = "true";
