<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>&amp;About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library holds {sources} sources and {citations} citations; each citation names its source, the exact quote and a reliability grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{article}, published by {publisher}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundled dataset is built from its founding article, {article}, whose full text ships with Roundtable, and from further coverage of the event. This library holds {sources} sources and {citations} citations; each names its source, the exact quote and a reliability grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bundled dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, loaded into this library on {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An offline research desk for China–ASEAN cooperation on artificial intelligence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{revision} (this version&apos;s newest: {head})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema revision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file manager could open the folder; its path is above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AliasKinds</name>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>official name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abbreviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>former name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <source>System ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies when Roundtable starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>{problem} Copy your text elsewhere to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: backing up failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring needs Roundtable started normally (this window has no library host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a consistent copy of the database into its backups folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the database with one of its backups (the current one is backed up first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged file, kept before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a schema update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is an empty database; it holds nothing to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be restored ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} has {count} broken references and cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is the database itself, not a backup of it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>{app}: restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups of &lt;b&gt;{name}&lt;/b&gt;, kept in {folder}. Restoring one replaces the database with it; the current database is backed up first, so you can come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why} (cannot be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roundtable databases (*.sqlite3 *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the database with the backup {when} ({name})?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It holds {entries} entries and {notes} notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: restore this backup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current database is backed up first, so you can restore it again later. The backup is checked before anything is replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckDatabase</name>
    <message>
        <source>officials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>initiatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>citations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every page of the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: checking the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: database check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is in good order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check found problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: {path}
Integrity: {integrity}
Broken references: {broken}
Schema revision: {revision} (newest known: {head})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check could not run: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every page and reference of the database, and say what was found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Checking</name>
    <message>
        <source>The file is sound: SQLite read every page and index and found nothing wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is damaged: SQLite found a problem in its structure ({first}). Restore a backup (File ▸ Restore from backup…, or `roundtable restore`); Roundtable keeps the damaged file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is damaged: SQLite found {count} problems in its structure (the first: {first}). Restore a backup (File ▸ Restore from backup…, or `roundtable restore`); Roundtable keeps the damaged file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The references between entries could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} references point at entries or notes that no longer exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every reference between entries, notes and sources points at something that exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The schema revision is {revision}, not this version&apos;s {head}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search index does not match the library ({problems}). `roundtable check --reindex` rebuilds it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It holds {entries} entries and {notes} notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its entries could not be counted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateEntryDialog</name>
    <message>
        <source>Create an entry?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry is called “{name}”. Create one with that name?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the next start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose Another File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the Default File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roundtable opens this file the next time it starts, creating a new library if the file does not exist yet. Starting it with --db or ROUNDTABLE_DB overrides this; the command line always uses those or the default file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} (the default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file manager could open the folder; its path is above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Citations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(for {field})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reliability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the Trash since {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources for this entry: {marks}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry in the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cited for ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on {entry}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standalone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentioned in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note on this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} at {event}, reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}, reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} at {event}, said (in translation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}, said (in translation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} at {event}, said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}, said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>membership: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>participant: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>party: {value}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailChoices</name>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>official name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abbreviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>former name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO alpha-2 code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO alpha-3 code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unverified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Entry details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entry to read about it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &amp;Permanently…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New {kind}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot undo or redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved “{name}” to the Trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Permanently?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “{name}” permanently?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its other names, titles, facts and citations are deleted with it, and entries that refer to it lose the reference. Notes on it are kept. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Permanently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “{name}” permanently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry cannot change its kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change cannot be repeated: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another entry now has this one&apos;s place; it cannot be brought back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{slug}” is now the slug of {holder}; this change cannot be repeated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Edit {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separated by commas; policy/ethics nests under policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Other Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hint} (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other name {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>derived from the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was saved: %n fields need attention.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryList</name>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n officials</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n countries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n organizations</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n initiatives</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n events</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n sources</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n entries in the trash</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryPicker</name>
    <message>
        <source>Type to choose from {kinds}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The disk is full, so nothing was saved. Free some space and try again; your data is as it was before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be written to (the file or its folder is read-only). Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy: another program is writing to it. Nothing was saved; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged, so nothing was written to it. Use Help ▸ Check database, or restore a backup (File ▸ Restore from backup…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk reported an error while reading or writing the database. Nothing was saved; check the disk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported a problem, and nothing was saved: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export entries and notes to Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a data file, or notes edited in an exported vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>officials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>initiatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved searches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>refused to write {file}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write {file}: {error}; the files written before it are complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write into {folder}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not record the export in {file}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder {folder}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to write: choose a folder for a vault or a file for a digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder} is a file; choose a folder for the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{target} is a folder; choose a file name for the digest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDefaults</name>
    <message>
        <source>[[Wiki links]] (Obsidian, Zettlr, Logseq)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative Markdown links (any editor, GitHub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave them, and write the new version beside each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave them as they are, and list them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything: all entries and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The selected entries (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Entries and notes tagged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the search for “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list filtered by “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the list as shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current search results ({shown})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes only, each in a file of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vault: a folder per kind, a file per entry (Obsidian, Zettlr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A digest: one file, a section per entry (for a draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files you edited since the last export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the digest to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the selected entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tagged {tag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the current search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept, as you edited it: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You edited {file}; the new version is {beside}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed (the entry was renamed): {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {entries} and {notes} ({scope}): {files} written, {unchanged} unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n files you edited since the last export left as they are</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n new versions written beside files you edited</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n files</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. The files written before are complete; export again to finish.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Links:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files you edited since the last export:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Export dialog starts from these, and remembers the folder it last wrote to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>{app}: {what} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 3166-1 alpha-2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 3166-1 alpha-3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 3166-1 numeric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abbreviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO alpha-2 code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO alpha-3 code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO numeric code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title as stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASEAN membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Reopen the last entry on start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size, panes and sort orders are always kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two letters, e.g. LA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>three letters, e.g. LAO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>three digits, e.g. 418</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ministry, company, intergovernmental body, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>centre, programme, platform, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>announced, proposed, launched, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roundtable, forum, expo, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>news article, government release, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <source>{app}: the backup was not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the check did not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up today&apos;s changes to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The daily backup failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: cannot restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program holds this database, or its folder is read-only, so it cannot be replaced. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} The database was not replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup {name}. The database it replaced is kept as {kept}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Roundtable data file (JSON or YAML): entries, notes, sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes you edited in an exported vault (a folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A data file is checked completely before anything is written, and written all or nothing. Entries you changed are kept as you have them. Notes brought back from a vault keep their old text as a revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes from the vault in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roundtable data (*.json *.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported; nothing was changed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n notes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Updated: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in this library: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept yours: {entry}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Notes from {folder}: %n notes updated, {unchanged} unchanged</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not imported because they changed in Roundtable too</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not in this library</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from {file}: {made}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n already present</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n kept as you have them (they differ from the file)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Official</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>the Roundtable window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process {pid}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} ({where}, since {time} UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} ({where})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another Roundtable process</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter the List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry called “{slug}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags, separated by commas (policy/ethics nests under policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write in Markdown. Type [[ to link an entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text and its preview side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the rendered note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[[{text}]] links to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No note open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On {entry} ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standalone note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title: {first}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title (the first line, if left empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Not saved.&lt;/b&gt; {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your text is kept here; saving is retried every few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotePreview</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry called “{target}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[image: {alt}]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesFeature</name>
    <message>
        <source>Your work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing carries the tag “{tag}” any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be changed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry is called “{name}”, and none can be created: the database is open for reading only ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Store typing within:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes are stored this long after your last keystroke at the latest, and at least this often while you keep typing; always at once when you leave a note or the window. A crash loses at most this much typing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes on this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes mentioning this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standalone notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New standalone note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new note on {entry}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an entry first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open note is not saved yet, so it stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be changed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} is not possible: the database is open for reading only ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing a new note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an entry first: a new note is written on the entry shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open note is not saved yet; a new one is not started until it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note could not be created: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving a note to the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note could not be moved to the Trash: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untitled note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved “{title}” to the Trash (Ctrl+Z brings it back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note could not be restored: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored “{title}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the note&apos;s text could not be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot undo or redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored an earlier version; the text it replaced is in the history (Ctrl+Z undoes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That version could not be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note is not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open note could not be saved:

{reason}

If you close now, what you wrote since the last save is lost. Cancel to keep the window open (copy the text elsewhere if the problem persists).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;note on this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;standalone note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the note to the &amp;Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the notes &amp;panel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesTableModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standalone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesTrash</name>
    <message>
        <source>Notes in the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note in the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a note to read it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note could not be deleted: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the note “{title}” permanently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Permanently?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the note “{title}” permanently?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its text and its history are deleted with it. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Permanently</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>Last updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sort by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New standalone note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z to A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A to Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{notes} tagged “{tag}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{notes} matching “{words}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>{path} is a folder, not a Roundtable database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be read: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is an empty file, not a Roundtable database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a Roundtable database (it is not an SQLite file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be opened: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is damaged or not a database ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program is holding it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk reported an error; it may be full or failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be read right now ({error}): {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is an SQLite database of another application (application id {id}), not a Roundtable database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a damaged Roundtable database: its schema revision is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a newer Roundtable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was written by {writer} (schema revision {revision}); this is Roundtable {version} (schema revision {head}), which cannot open it. Update Roundtable to use this file; it has not been changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is open read-only: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} must be brought up to date by Roundtable before it can be read, and it is open read-only ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder {folder}: {error}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is damaged ({problem}), so it was not brought up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is on a network share ({network}). SQLite cannot lock files reliably there: two computers using it at once can damage it. Keep it on this computer&apos;s own disk and back it up to the share instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is in a folder that {cloud} synchronises. A sync client can copy the file while Roundtable is writing it, or replace it with another computer&apos;s copy, and damage it. Keep it outside the synced folder; Roundtable&apos;s backups can go there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder {folder} cannot be written to ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be written to ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create a new database there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set up the empty database there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bring this database (written by an older Roundtable) up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roundtable cannot write here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roundtable needs to {doing}, but {reason}. Nothing was changed. Choose another file, or make the folder writable and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is damaged: reading it failed ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can restore one of its backups (the damaged file is kept), open it read-only to read or copy what is still there, or open another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can restore one of its backups (the damaged file is kept) or open another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can open it read-only to read or copy what is still there, or open another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can open another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{refused} Roundtable has not written anything to it. {ways}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database needs a newer Roundtable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{refused} Roundtable has not written anything to it. Free some space or check the disk, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Roundtable database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{refused} Roundtable has not written anything to it. Choose a Roundtable database, or a new file name to start one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is being changed by {who}. Only one program may change it at a time. You can open it read-only now, or try again when the other program has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is being changed by {who}. Only one program may change it at a time. You can try again when the other program has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is changing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} (and {more} more problems)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check at start-up found damage in {name}: {found}. To keep the damage from spreading, Roundtable will not write to it; it stays open for reading. Restore a backup to continue working (the damaged file is kept). Help ▸ Check database gives the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check at start-up found damage in {name}: {found}. To keep the damage from spreading, Roundtable will not write to it; it stays open for reading. Help ▸ Check database gives the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the start-up check found damage in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} failed its start-up check, so nothing is written to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Read-only notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it cannot be changed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; This database is open for reading only: {reason}. Nothing you do here can change it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it open read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a Roundtable database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roundtable databases (*.sqlite3 *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: where this database is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is said once for this file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Related</name>
    <message>
        <source>Officials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevisionListModel</name>
    <message>
        <source>Current · {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevisionsPanel</name>
    <message>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring keeps the current text in the history; Ctrl+Z in the editor undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedSearchList</name>
    <message>
        <source>Saved searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet: search (Ctrl+K), then “Save search…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the saved search “{name}”? The entries stay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>A saved search needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to save: the search box is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This search cannot be saved: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved search is already called “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown kind &apos;{word}&apos;; choose one of: {choices}, note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no country is called &apos;{value}&apos;; use its ISO code (LA) or its name (Laos)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no tag is called &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no source has the address or slug &apos;{value}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search everything  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <source>&amp;Search everything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ilter the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search &amp;syntax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save “{query}” as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the search as “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchFields</name>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abbreviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>official name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑ ↓ move · Enter opens · Esc goes back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syntax</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>More in {group}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>· on {entry}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Found in: {field}. Enter opens it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchRunner</name>
    <message>
        <source>The search failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchSyntax</name>
    <message>
        <source>&lt;b&gt;Search everything&lt;/b&gt;: names and aliases in every script, titles, summaries, facts, statements, quotes, source texts and notes. Accents and case do not matter; Chinese, Thai, Lao, Khmer and Burmese are found from one character on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything you write must hold. ↑ ↓ move, Enter opens, Esc goes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both words, in any order, in the same text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the exact phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave out texts that contain ASEAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only one kind: official, country, organization, initiative, event, source, note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about one country: its ISO code or its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tagged policy/ethics, or with a tag nested under it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from one source: a domain of its address, or its slug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a minus leaves out what a filter selects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tags</name>
    <message>
        <source>“{text}” is not a tag: it has no letters or digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”: a tag cannot contain a comma (commas separate tags).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start}…: a tag can be at most {limit} characters long.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagsModel</name>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{tag}: {notes}, {entries} (tags nested under it included)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagsView</name>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a tag to see the entries carrying it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tags yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show its notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries tagged “{tag}” ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries are tagged “{tag}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Show the %n notes tagged “{tag}”</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Entries in the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Permanently…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Cannot repeat “{step}”: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move “{name}” to the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move note “{title}” to the Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore note “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-09-18).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a day of the calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end ({end}) is before the start ({start}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} or {rest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it under {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in {kinds} is called “{value}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} entries are called “{value}”; choose one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is listed under {kind}, not under {kinds}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry cannot refer to itself here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use lowercase letters a–z, digits and single hyphens, e.g. chen-gang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{slug}” is already the slug of {holder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write {hint}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a web address starting with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} is already the code of {holder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a language tag such as zh-Hans, th, lo, km or vi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a script code such as Hans, Thai, Laoo, Khmr or Latn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only officials hold titles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is required.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Row</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {row}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_TaskDialog</name>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
