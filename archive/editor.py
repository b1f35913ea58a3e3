"""The web form for editing the content (Decap CMS at /admin/), generated from the schema.

Each kind of file becomes a collection, each schema field a form field: its label and help from the
schema's x-label and descriptions (Vietnamese first), bilingual text as a Vietnamese and an English
box side by side, ids of reference entries as pickers over the reference files, lists of objects as
rows, and "not recorded in the sources" as a box to tick wherever the schema allows the word unknown.

What Decap cannot read or write itself, editor/archive-editor.js does with what this module lists
for each kind of file (`formats`): a reference file's entries are a mapping keyed by id, which the
form shows as a list with an id field; a field that is `unknown` is shown as its ticked box; a proper
name that is one text for both languages is shown as its Vietnamese. That script writes the files in
the project's layout (archive.layout): keys in the schema's order, text quoted by the same rule.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from .layout import SCHEMA_LINE, implicit_patterns
from .schema import (
    ANY,
    REFERENCE_KINDS,
    UNKNOWN,
    Schema,
    children,
    file_of,
    forms,
    may_be_unknown,
    resolve,
    schema_files,
)

ROOT = Path(__file__).resolve().parent.parent
EDITOR_DIR = ROOT / "editor"
"""The editor's own page, script and style."""
NODE_MODULES = ROOT / "node_modules"
LOGO = ROOT / "overrides" / "assets" / "images" / "favicon.svg"
BRANCH = "web-edits"
"""The branch the web form saves to; a pull request takes its changes to main (.github/workflows/web-edits.yml)."""
NOT_RECORDED = "__not_recorded"
"""The suffix of the tick box that stands for `unknown` in the form."""
NOT_RECORDED_LABEL = "Nguồn không ghi · Not recorded in the sources"
ENTRIES = "entries"
"""The list field under which the form shows a reference file's entries."""


def _label(node: Schema, name: str) -> str:
    label = node.get("x-label") or {}
    return " · ".join(part for part in (label.get("vi"), label.get("en")) if part) or name


def _hint(node: Schema) -> str:
    return "\n".join(part for part in (node.get("x-description-vi"), node.get("description")) if part)


def _is_text(node: Schema, file: str) -> bool:
    """Whether a node is bilingual text: an object of exactly vi and en."""
    shapes = forms(node, file)
    return len(shapes) == 1 and set(shapes[0][0].get("properties", {})) == {"vi", "en"}


def _is_name(node: Schema, file: str) -> bool:
    """Whether a node is a proper name: one text for both languages, or bilingual text."""
    shapes = forms(node, file)
    return len(shapes) == 2 and shapes[0][0].get("type") == "string" and _is_text(*shapes[1])


def _pattern(node: Schema) -> list[str] | None:
    if "pattern" not in node:
        return None
    example = next((e for e in node.get("examples", []) if isinstance(e, str)), "")
    shown = f"; ví dụ · e.g. {example}" if example else ""
    return [node["pattern"], f"Không đúng dạng · Not in the expected form{shown}"]


def _root(kind: str) -> tuple[Schema, str]:
    """The schema of a kind of file, resolved, and the schema file it lies in."""
    return resolve(schema_files()[file_of(kind)], file_of(kind))


def _entry(kind: str) -> tuple[Schema, str]:
    """The schema of one record: a conference, or one entry of a reference file."""
    root, file = _root(kind)
    return (root, file) if kind == "conference" else resolve(*next(iter(children(root, file)))[1:])


def _entry_name(kind: str) -> str:
    """Where an entry of a reference file has its name, in the form: name, or its Vietnamese."""
    entry, entry_file = _entry(kind)
    name = next(((child, at) for key, child, at in children(entry, entry_file) if key == "name"), None)
    bilingual = name is not None and (_is_text(*resolve(*name)) or _is_name(*resolve(*name)))
    return "name.vi" if bilingual else "name"


def _reference_picker(kind: str, multiple: bool) -> dict[str, Any]:
    """A picker of the entries of a reference file, showing each entry's name (in Vietnamese) and id."""
    shown = f"{ENTRIES}.*.{_entry_name(kind)}"
    return {
        "widget": "relation",
        "collection": kind,
        "file": kind,
        "value_field": f"{ENTRIES}.*.id",
        "search_fields": [f"{ENTRIES}.*.id", shown],
        "display_fields": [shown, f"{ENTRIES}.*.id"],
        "multiple": multiple,
        "options_length": 50,
    }


def _widget(node: Schema, file: str, required: bool) -> dict[str, Any]:
    """What the form shows for a value of this schema (without its name, label or required); required
    says whether the value must be given, so that the parts of an optional one are optional too."""
    node, file = resolve(node, file)
    if node.get("x-references"):
        return _reference_picker(node["x-references"], multiple=False)
    if _is_text(node, file) or _is_name(node, file):
        text, text_file = forms(node, file)[-1]
        box = "text" if node.get("x-long-text") else "string"
        name = _is_name(node, file)
        return {
            "widget": "object",
            "collapsed": False,
            "fields": [
                {
                    "name": key,
                    "label": _label(resolve(child, at)[0], key),
                    "widget": box,
                    "required": required and not (name and key == "en"),
                }
                for key, child, at in children(text, text_file)
            ],
        }
    shape, at = forms(node, file)[0]
    if "enum" in shape:
        return {"widget": "select", "options": shape["enum"]}
    kind = shape.get("type")
    if kind == "object":
        return {"widget": "object", "collapsed": False, "fields": _fields(node, file, required)}
    if kind == "array":
        items, items_file = resolve(shape["items"], at)
        if items.get("x-references"):
            return _reference_picker(items["x-references"], multiple=True)
        if _is_text(items, items_file):
            return {"widget": "list", "fields": _widget(items, items_file, True)["fields"]}
        if items.get("type") == "object":
            return {"widget": "list", "collapsed": True, "fields": _fields(items, items_file)}
        return {"widget": "list"}
    if kind in ("integer", "number"):
        return {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
    if kind == "boolean":
        return {"widget": "boolean"}
    return {"widget": "string", **({"pattern": _pattern(shape)} if _pattern(shape) else {})}


def _required(node: Schema, file: str) -> set[str]:
    """The properties every form of a node requires."""
    shapes = [shape for shape, _ in forms(node, file)]
    sets = [set(node.get("required", [])) | set(shape.get("required", [])) for shape in shapes]
    return set.intersection(*sets) if sets else set()


def _fields(node: Schema, file: str, given: bool = True) -> list[dict[str, Any]]:
    """The form fields of an object's properties, in the schema's order (none required if the object
    itself need not be given)."""
    node, file = resolve(node, file)
    required = _required(node, file) if given else set()
    found: list[dict[str, Any]] = []
    seen: set[str] = set()
    for name, child, at in children(node, file):
        if name == ANY or name in seen:
            continue
        seen.add(name)
        resolved, _ = resolve(child, at)
        field = {"name": name, "label": _label(resolved, name), "hint": _hint(resolved)}
        if may_be_unknown(resolved) and not resolved.get("enum"):
            tick = {"name": name + NOT_RECORDED, "label": NOT_RECORDED_LABEL, "widget": "boolean", "required": False}
            found.append(tick)
            found.append({**field, **_widget(child, at, False), "required": False})
        else:
            found.append({**field, **_widget(child, at, name in required), "required": name in required})
    return found


def _key_orders(node: Schema, file: str, path: str = "") -> dict[str, list[str]]:
    """The order of the keys of each object, by its path (list items and reference ids as *)."""
    node, file = resolve(node, file)
    orders: dict[str, list[str]] = {}
    names = [name for name, _, _ in children(node, file) if name != ANY]
    if names:
        orders[path] = list(dict.fromkeys(names))
    for name, child, at in children(node, file):
        orders.update(_key_orders(child, at, f"{path}.{name}" if path else name))
    return orders


def _format(kind: str) -> dict[str, Any]:
    """What the editor's script needs to read and write one kind of file."""
    root, file = _root(kind)
    entry = _entry(kind)
    fields = _fields(*entry)
    return {
        "schemaLine": SCHEMA_LINE[kind],
        "reference": kind != "conference",
        "notRecorded": [f["name"].removesuffix(NOT_RECORDED) for f in fields if f["name"].endswith(NOT_RECORDED)],
        "unknown": UNKNOWN,
        "names": _name_paths(*entry),
        "order": _key_orders(root, file),
    }


def _name_paths(node: Schema, file: str, path: tuple[str, ...] = ()) -> list[str]:
    """Where a proper name stands (one text, or bilingual), as dotted paths with * for list items."""
    node, file = resolve(node, file)
    if _is_name(node, file):
        return [".".join(path)]
    found: list[str] = []
    for name, child, at in children(node, file):
        found += _name_paths(child, at, (*path, name))
    return list(dict.fromkeys(found))


def _collection(kind: str) -> dict[str, Any]:
    """Decap's collection for a kind of file: a folder of conferences, or a reference file."""
    root, file = _root(kind)
    label = _label(root, kind)
    if kind == "conference":
        return {
            "name": "conferences",
            "label": label,
            "label_singular": label,
            "folder": "content/conferences",
            "extension": "yaml",
            "format": "archive-conference",
            "create": True,
            "delete": False,
            "identifier_field": "id",
            "slug": "{{fields.id}}",
            "summary": "{{date}} · {{title.vi}}",
            "sortable_fields": ["date", "id"],
            "editor": {"preview": False},
            "fields": _fields(root, file),
        }
    entry, entry_file = _entry(kind)
    slug, _ = resolve(root["propertyNames"], file)
    id_field = {"name": "id", "label": "Mã · Id", "hint": _hint(slug), **_widget(slug, file, True), "required": True}
    label = _label(entry, kind)
    return {
        "name": kind,
        "label": label,
        "format": f"archive-{kind}",
        "delete": False,
        "editor": {"preview": False},
        "files": [
            {
                "name": kind,
                "label": label,
                "file": f"content/{kind}.yaml",
                "fields": [
                    {
                        "name": ENTRIES,
                        "label": label,
                        "label_singular": label,
                        "widget": "list",
                        "collapsed": True,
                        "summary": f"{{{{fields.{_entry_name(kind)}}}}} · {{{{fields.id}}}}",
                        "fields": [id_field, *_fields(entry, entry_file)],
                    }
                ],
            }
        ],
    }


def settings(
    repo: str | None = None,
    branch: str = BRANCH,
    auth_url: str | None = None,
    auth_site: str | None = None,
    local_api: str | None = None,
) -> dict[str, Any]:
    """The editor's configuration (Decap's, whole) and what its script needs for each kind of file.
    Sign-in goes to auth_url (an OAuth service), or to Netlify's for the site auth_site. With local_api
    (decap-server's address), an editor opened on this computer works on its files."""
    backend: dict[str, Any] = {"name": "github", "repo": repo or "OWNER/REPOSITORY", "branch": branch}
    if auth_url:
        backend |= {"base_url": auth_url.rstrip("/"), "auth_endpoint": "auth"}
    if auth_site:
        backend |= {"site_domain": auth_site}
    kinds = ["conference", *REFERENCE_KINDS]
    return {
        "config": {
            "load_config_file": False,
            **({"local_backend": {"url": local_api}} if local_api else {}),
            "backend": backend,
            "locale": "vi",
            "media_folder": "content/media",
            "site_url": "../",
            "logo_url": "logo.svg",
            "collections": [_collection(kind) for kind in kinds],
        },
        "formats": {f"archive-{kind}": _format(kind) for kind in kinds},
        "implicit": implicit_patterns(),
    }


def write_editor(out: Path, **options: Any) -> Path:
    """Write the editor into a folder: its page, script and style, Decap's bundle, and its settings
    (the options are those of `settings`)."""
    decap, yaml_lib = NODE_MODULES / "decap-cms" / "dist", NODE_MODULES / "yaml" / "browser" / "dist"
    if not (decap / "decap-cms.js").exists() or not yaml_lib.exists():
        raise FileNotFoundError("the editor's packages are missing: run `npm ci` (or `make edit`) first")
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(EDITOR_DIR, out)
    for script in decap.glob("*decap-cms.js"):
        shutil.copy2(script, out / script.name)
    shutil.copytree(yaml_lib, out / "yaml")
    shutil.copy2(LOGO, out / "logo.svg")
    text = json.dumps(settings(**options), ensure_ascii=False, indent=1)
    (out / "settings.json").write_text(text + "\n", encoding="utf-8")
    return out
