"""A tiny zotero.sqlite, built with Zotero's own table definitions (resource/schema/userdata.sql
of Zotero 7, schema 107+, and the item type, field and creator type tables its schema.js
makes) for the tables app/io/bibliography.py reads."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA = """
CREATE TABLE itemTypes (itemTypeID INTEGER PRIMARY KEY, typeName TEXT, templateItemTypeID INT, display INT DEFAULT 1);
CREATE TABLE fields (fieldID INTEGER PRIMARY KEY, fieldName TEXT, fieldFormatID INT);
CREATE TABLE creatorTypes (creatorTypeID INTEGER PRIMARY KEY, creatorType TEXT);
CREATE TABLE libraries (
    libraryID INTEGER PRIMARY KEY, type TEXT NOT NULL, editable INT NOT NULL, filesEditable INT NOT NULL,
    version INT NOT NULL DEFAULT 0, storageVersion INT NOT NULL DEFAULT 0, lastSync INT NOT NULL DEFAULT 0,
    archived INT NOT NULL DEFAULT 0
);
CREATE TABLE items (
    itemID INTEGER PRIMARY KEY, itemTypeID INT NOT NULL,
    dateAdded TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    dateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    clientDateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    libraryID INT NOT NULL, key TEXT NOT NULL, version INT NOT NULL DEFAULT 0, synced INT NOT NULL DEFAULT 0,
    UNIQUE (libraryID, key),
    FOREIGN KEY (libraryID) REFERENCES libraries(libraryID) ON DELETE CASCADE
);
CREATE TABLE itemDataValues (valueID INTEGER PRIMARY KEY, value UNIQUE);
CREATE TABLE itemData (
    itemID INT, fieldID INT, valueID, PRIMARY KEY (itemID, fieldID),
    FOREIGN KEY (itemID) REFERENCES items(itemID) ON DELETE CASCADE,
    FOREIGN KEY (valueID) REFERENCES itemDataValues(valueID)
);
CREATE TABLE itemNotes (
    itemID INTEGER PRIMARY KEY, parentItemID INT, note TEXT, title TEXT,
    FOREIGN KEY (itemID) REFERENCES items(itemID) ON DELETE CASCADE
);
CREATE TABLE itemAttachments (
    itemID INTEGER PRIMARY KEY, parentItemID INT, linkMode INT, contentType TEXT, charsetID INT, path TEXT,
    syncState INT DEFAULT 0, storageModTime INT, storageHash TEXT,
    FOREIGN KEY (itemID) REFERENCES items(itemID) ON DELETE CASCADE
);
CREATE TABLE tags (tagID INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE itemTags (
    itemID INT NOT NULL, tagID INT NOT NULL, type INT NOT NULL, PRIMARY KEY (itemID, tagID),
    FOREIGN KEY (itemID) REFERENCES items(itemID) ON DELETE CASCADE,
    FOREIGN KEY (tagID) REFERENCES tags(tagID) ON DELETE CASCADE
);
CREATE TABLE creators (
    creatorID INTEGER PRIMARY KEY, firstName TEXT, lastName TEXT, fieldMode INT,
    UNIQUE (lastName, firstName, fieldMode)
);
CREATE TABLE itemCreators (
    itemID INT NOT NULL, creatorID INT NOT NULL, creatorTypeID INT NOT NULL DEFAULT 1,
    orderIndex INT NOT NULL DEFAULT 0,
    PRIMARY KEY (itemID, creatorID, creatorTypeID, orderIndex), UNIQUE (itemID, orderIndex),
    FOREIGN KEY (itemID) REFERENCES items(itemID) ON DELETE CASCADE,
    FOREIGN KEY (creatorID) REFERENCES creators(creatorID) ON DELETE CASCADE,
    FOREIGN KEY (creatorTypeID) REFERENCES creatorTypes(creatorTypeID)
);
CREATE TABLE collections (
    collectionID INTEGER PRIMARY KEY, collectionName TEXT NOT NULL, parentCollectionID INT DEFAULT NULL,
    clientDateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, libraryID INT NOT NULL, key TEXT NOT NULL,
    version INT NOT NULL DEFAULT 0, synced INT NOT NULL DEFAULT 0, UNIQUE (libraryID, key),
    FOREIGN KEY (parentCollectionID) REFERENCES collections(collectionID) ON DELETE CASCADE
);
CREATE TABLE collectionItems (
    collectionID INT NOT NULL, itemID INT NOT NULL, orderIndex INT NOT NULL DEFAULT 0,
    PRIMARY KEY (collectionID, itemID),
    FOREIGN KEY (collectionID) REFERENCES collections(collectionID) ON DELETE CASCADE,
    FOREIGN KEY (itemID) REFERENCES items(itemID) ON DELETE CASCADE
);
CREATE TABLE deletedItems (
    itemID INTEGER PRIMARY KEY, dateDeleted DEFAULT CURRENT_TIMESTAMP NOT NULL,
    FOREIGN KEY (itemID) REFERENCES items(itemID) ON DELETE CASCADE
);
CREATE TABLE feedItems (
    itemID INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, readTime TIMESTAMP, translatedTime TIMESTAMP,
    FOREIGN KEY (itemID) REFERENCES items(itemID) ON DELETE CASCADE
);
"""

ITEM_TYPES = (
    "annotation",
    "attachment",
    "note",
    "journalArticle",
    "newspaperArticle",
    "report",
    "webpage",
    "book",
)
FIELDS = (
    "title",
    "publicationTitle",
    "websiteTitle",
    "publisher",
    "institution",
    "date",
    "url",
    "DOI",
    "language",
    "extra",
    "citationKey",
    "reportType",
)
CREATOR_TYPES = ("author", "contributor", "editor")


@dataclass
class Item:
    type: str
    fields: dict[str, str]
    creators: list[tuple[str, str, str, int]] = field(default_factory=list)  # first, last, role, mode
    tags: list[str] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)
    deleted: bool = False
    feed: bool = False
    # Files Zotero keeps for it: (file name, media type, bytes, link mode); link mode 0 is a file
    # imported into storage/<key>/, 1 a saved web page, 2 a file linked elsewhere (not copied).
    files: list[tuple[str, str, bytes, int]] = field(default_factory=list)


def build(path: Path, items: list[Item], collections: dict[str, str | None]) -> Path:
    """A zotero.sqlite at `path` holding `items`; `collections` maps a collection's name to its
    parent's name (None at the top)."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(SCHEMA)
        conn.executemany(
            "INSERT INTO itemTypes (itemTypeID, typeName) VALUES (?, ?)", enumerate(ITEM_TYPES, 1)
        )
        conn.executemany("INSERT INTO fields (fieldID, fieldName) VALUES (?, ?)", enumerate(FIELDS, 1))
        conn.executemany(
            "INSERT INTO creatorTypes (creatorTypeID, creatorType) VALUES (?, ?)", enumerate(CREATOR_TYPES, 1)
        )
        conn.execute(
            "INSERT INTO libraries (libraryID, type, editable, filesEditable) VALUES (1, 'user', 1, 1)"
        )
        collection_ids: dict[str, int] = {}
        for n, (name, parent) in enumerate(collections.items(), 1):
            conn.execute(
                "INSERT INTO collections (collectionID, collectionName, parentCollectionID, libraryID, key) "
                "VALUES (?, ?, ?, 1, ?)",
                (n, name, collection_ids.get(parent) if parent else None, f"COLL{n:04d}"),
            )
            collection_ids[name] = n
        values: dict[str, int] = {}
        creators: dict[tuple[str, str, int], int] = {}
        tags: dict[str, int] = {}
        attachment_id = 1000
        for item_id, item in enumerate(items, 1):
            conn.execute(
                "INSERT INTO items (itemID, itemTypeID, libraryID, key) VALUES (?, ?, 1, ?)",
                (item_id, ITEM_TYPES.index(item.type) + 1, f"ITEM{item_id:04d}"),
            )
            for name, media_type, data, mode in item.files:
                attachment_id += 1
                key = f"ATT{attachment_id:05d}"
                conn.execute(
                    "INSERT INTO items (itemID, itemTypeID, libraryID, key) VALUES (?, ?, 1, ?)",
                    (attachment_id, ITEM_TYPES.index("attachment") + 1, key),
                )
                stored = f"storage:{name}" if mode in (0, 1) else str(path.parent / "elsewhere" / name)
                conn.execute(
                    "INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (attachment_id, item_id, mode, media_type, stored),
                )
                folder = path.parent / "storage" / key if mode in (0, 1) else path.parent / "elsewhere"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(data)
            for name, value in item.fields.items():
                if value not in values:
                    values[value] = len(values) + 1
                    conn.execute(
                        "INSERT INTO itemDataValues (valueID, value) VALUES (?, ?)", (values[value], value)
                    )
                conn.execute(
                    "INSERT INTO itemData (itemID, fieldID, valueID) VALUES (?, ?, ?)",
                    (item_id, FIELDS.index(name) + 1, values[value]),
                )
            for order, (first, last, role, mode) in enumerate(item.creators):
                ident = (first, last, mode)
                if ident not in creators:
                    creators[ident] = len(creators) + 1
                    conn.execute(
                        "INSERT INTO creators (creatorID, firstName, lastName, fieldMode) VALUES (?, ?, ?, ?)",
                        (creators[ident], first, last, mode),
                    )
                conn.execute(
                    "INSERT INTO itemCreators (itemID, creatorID, creatorTypeID, orderIndex) VALUES (?, ?, ?, ?)",
                    (item_id, creators[ident], CREATOR_TYPES.index(role) + 1, order),
                )
            for tag in item.tags:
                if tag not in tags:
                    tags[tag] = len(tags) + 1
                    conn.execute("INSERT INTO tags (tagID, name) VALUES (?, ?)", (tags[tag], tag))
                conn.execute(
                    "INSERT INTO itemTags (itemID, tagID, type) VALUES (?, ?, 0)", (item_id, tags[tag])
                )
            for name in item.collections:
                conn.execute(
                    "INSERT INTO collectionItems (collectionID, itemID) VALUES (?, ?)",
                    (collection_ids[name], item_id),
                )
            if item.deleted:
                conn.execute("INSERT INTO deletedItems (itemID) VALUES (?)", (item_id,))
            if item.feed:
                conn.execute(
                    "INSERT INTO feedItems (itemID, guid) VALUES (?, ?)", (item_id, f"guid-{item_id}")
                )
        conn.commit()
    finally:
        conn.close()
    return path
