"""The downloads described for data portals and search engines: a DCAT catalogue (data/catalog.jsonld)
and schema.org Dataset data for the data page, from one list of the files, each with the licence,
the publisher, the languages and the day the content last changed."""

from __future__ import annotations

import datetime
from typing import Any

from .locale import LANGUAGES
from .settings import LICENSE, PUBLISHER

DOWNLOADS = (
    ("archive.json", "application/json", "Every conference with its references resolved, and the reference files."),
    ("conferences.csv", "text/csv", "One row per conference (UTF-8 with a byte-order mark)."),
    ("figures.csv", "text/csv", "One row per figure reported at a conference (UTF-8 with a byte-order mark)."),
    ("datapackage.json", "application/json", "The CSV files described in the Frictionless Data standard."),
)
"""The files of the data folder a reuser downloads: name, media type, what it holds."""
TITLE = {"vi": "Lưu trữ hội nghị ngành Công Thương", "en": "Industry and Trade Conference Archive"}
DESCRIPTION = (
    "Conferences of Viet Nam's Ministry of Industry and Trade with the provinces' Departments of Industry "
    "and Trade: dates, places, chairs, attendance, key figures, conclusions and sources, in Vietnamese and English."
)


def dcat(data_url: str, modified: datetime.date | None) -> dict[str, Any]:
    """The catalogue, with one dataset and a distribution per download (data_url: the data folder's address)."""
    dated = {"dct:modified": {"@value": modified.isoformat(), "@type": "xsd:date"}} if modified else {}
    common = {
        "dct:license": {"@id": LICENSE["path"]},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": PUBLISHER},
        "dct:language": [{"@id": f"http://id.loc.gov/vocabulary/iso639-1/{lang}"} for lang in LANGUAGES],
        **dated,
    }
    titles = [{"@value": text, "@language": lang} for lang, text in TITLE.items()]
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": data_url + "catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": titles,
        **common,
        "dcat:dataset": {
            "@id": data_url + "#dataset",
            "@type": "dcat:Dataset",
            "dct:title": titles,
            "dct:description": DESCRIPTION,
            **common,
            "dcat:distribution": [
                {
                    "@type": "dcat:Distribution",
                    "dcat:downloadURL": {"@id": data_url + name},
                    "dcat:mediaType": media_type,
                    "dct:description": about,
                    "dct:license": {"@id": LICENSE["path"]},
                }
                for name, media_type, about in DOWNLOADS
            ],
        },
    }


def dataset(data_url: str, page_url: str, lang: str, modified: datetime.date | None) -> dict[str, Any]:
    """schema.org Dataset data for the data page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": data_url + "#dataset",
        "name": TITLE[lang],
        "description": DESCRIPTION,
        "url": page_url,
        "license": LICENSE["path"],
        "publisher": {"@type": "Organization", "name": PUBLISHER},
        "creator": {"@type": "Organization", "name": PUBLISHER},
        "inLanguage": list(LANGUAGES),
        "isAccessibleForFree": True,
        "distribution": [
            {"@type": "DataDownload", "contentUrl": data_url + name, "encodingFormat": media_type, "description": about}
            for name, media_type, about in DOWNLOADS
        ],
    }
    if modified:
        data["dateModified"] = modified.isoformat()
    return data
