// Name pickers on the analysts' forms: type two letters or more of a name, choose the
// person, and their id fills the id box beside it (which works on its own without this
// script). The name goes to the server in a POST body, never in a URL; what comes back is
// escaped before it is shown (the component writes suggestions as HTML).
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c])

const describe = (person) => [
  person.name,
  person.born && `born ${person.born}`,
  person.families.length > 0 && person.families.join(', ')
].filter(Boolean).join(' – ')

const WAIT_MS = 200 // after the last key, before asking the server

for (const picker of document.querySelectorAll('[data-person-picker]')) {
  const idBox = document.getElementById(picker.dataset.personPicker)
  let timer
  window.accessibleAutocomplete({
    element: picker,
    id: picker.dataset.personPicker + '-name',
    // No name: the form is a GET, and what was typed must not go into its URL.
    name: '',
    minLength: 2,
    showNoOptionsFound: true,
    tNoResults: () => 'No such person',
    source: (query, populate) => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        fetch(picker.dataset.suggestUrl, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-CSRFToken': picker.dataset.csrfToken },
          body: JSON.stringify({ name: query })
        })
          .then((response) => (response.ok ? response.json() : { people: [] }))
          .then((found) => populate(found.people))
          .catch(() => populate([]))
      }, WAIT_MS)
    },
    templates: {
      inputValue: (person) => (person ? person.name : ''),
      suggestion: (person) => escapeHtml(typeof person === 'string' ? person : describe(person))
    },
    onConfirm: (person) => {
      if (person) idBox.value = person.id
    }
  })
  picker.closest('.app-person-picker').hidden = false
}
