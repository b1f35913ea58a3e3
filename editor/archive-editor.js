/*
  The archive's editor: Decap CMS, configured from the schema (archive/editor.py writes settings.json),
  with a format for each kind of content file. Reading, a reference file's mapping of entries by id
  becomes a list with an id field; a field that is "unknown" becomes its ticked "not recorded" box; a
  proper name written once for both languages becomes its Vietnamese. Writing undoes that, leaves out
  what the form left empty, puts the keys in the schema's order, quotes text as the project's layout
  does (archive/layout.py, which the pull-request check applies) and puts the schema line first.
*/
import { Document, parse, visit } from "./yaml/index.js"

const settings = await (await fetch("settings.json")).json()
const NOT_RECORDED = "__not_recorded"
const implicit = settings.implicit.map(pattern => new RegExp(pattern))

/* Every object reached by a dotted path, * standing for each item of a list or each key of an object. */
function* objectsAt(value, parts) {
  if (value === null || typeof value !== "object") return
  if (parts.length === 0) { yield value; return }
  const [head, ...rest] = parts
  const next = head === "*" ? Object.values(value) : [value[head]]
  for (const item of next) yield* objectsAt(item, rest)
}

/* Each (object, key) where a dotted path ends. */
function* placesOf(value, path) {
  const parts = path.split(".")
  for (const holder of objectsAt(value, parts.slice(0, -1))) {
    const key = parts[parts.length - 1]
    if (key === "*") yield* Object.keys(holder).map(k => [holder, k])
    else if (key in holder) yield [holder, key]
  }
}

function entriesOf(data, format) {
  return format.reference ? Object.values(data) : [data]
}

function fromFile(text, format) {
  let data = parse(text) ?? {}
  for (const entry of entriesOf(data, format)) {
    for (const name of format.notRecorded) {
      if (entry && entry[name] === format.unknown) {
        delete entry[name]
        entry[name + NOT_RECORDED] = true
      }
    }
  }
  for (const path of format.names) {
    for (const [holder, key] of placesOf(data, format.reference ? `*.${path}` : path)) {
      if (typeof holder[key] === "string") holder[key] = { vi: holder[key] }
    }
  }
  if (format.reference) data = { entries: Object.entries(data).map(([id, entry]) => ({ id, ...entry })) }
  return data
}

function isEmpty(value) {
  return value === undefined || value === null || value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)
}

/* The value without what the form left empty. */
function pruned(value) {
  if (Array.isArray(value)) return value.map(pruned).filter(item => !isEmpty(item))
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pruned(v)]).filter(([, v]) => !isEmpty(v)))
  }
  return typeof value === "string" ? value.trim() : value
}

/* The keys of each object in the schema's order, by the object's path (* for list items and ids). */
function ordered(value, path, format) {
  if (Array.isArray(value)) return value.map(item => ordered(item, path ? `${path}.*` : "*", format))
  if (!value || typeof value !== "object") return value
  const order = format.order[path]
  const keys = Object.keys(value)
  if (order) keys.sort((a, b) => rank(order, a) - rank(order, b))
  const child = key => (format.reference && path === "" ? "*" : path ? `${path}.${key}` : key)
  return Object.fromEntries(keys.map(key => [key, ordered(value[key], child(key), format)]))
}

function rank(order, key) {
  const index = order.indexOf(key)
  return index < 0 ? order.length : index
}

function toFile(data, format) {
  let value = structuredClone(data)
  if (format.reference) {
    value = Object.fromEntries((value.entries ?? []).map(({ id, ...entry }) => [String(id ?? "").trim(), entry]))
  }
  for (const path of format.names) {
    for (const [holder, key] of placesOf(value, format.reference ? `*.${path}` : path)) {
      const name = holder[key]
      if (name && typeof name === "object" && (!name.en || name.en === name.vi)) holder[key] = name.vi
    }
  }
  for (const entry of entriesOf(value, format)) {
    for (const name of format.notRecorded) {
      if (entry[name + NOT_RECORDED]) entry[name] = format.unknown
      delete entry[name + NOT_RECORDED]
    }
  }
  const doc = new Document(ordered(pruned(value), "", format))
  visit(doc, {
    Scalar(key, node) {
      if (key === "value" && typeof node.value === "string" &&
          (/\s/.test(node.value) || implicit.some(pattern => pattern.test(node.value)))) {
        node.type = "QUOTE_DOUBLE"
      }
    },
  })
  return `${format.schemaLine}\n${doc.toString({ lineWidth: 0 })}`
}

/* Names for Decap's icon-only controls on each row of a list, which have none (axe: button-name). */
const ROW_CONTROLS = [
  ["[class*='-StyledListItemTopBar'] > button:first-child", "Mở hoặc thu gọn dòng · Expand or collapse the row"],
  ["[class*='-StyledListItemTopBar'] > [aria-roledescription='sortable']", "Kéo để đổi thứ tự · Drag to reorder"],
  ["[class*='-StyledListItemTopBar'] > button:last-child", "Xóa dòng này · Remove this row"],
]
function nameRowControls() {
  for (const [selector, name] of ROW_CONTROLS) {
    for (const control of document.querySelectorAll(`${selector}:not([aria-label])`)) control.setAttribute("aria-label", name)
  }
}
new MutationObserver(nameRowControls).observe(document.body, { childList: true, subtree: true })

for (const [name, format] of Object.entries(settings.formats)) {
  CMS.registerCustomFormat(name, "yaml", {
    fromFile: text => fromFile(text, format),
    toFile: data => toFile(data, format),
  })
}
CMS.init({ config: settings.config })
