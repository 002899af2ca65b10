<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BulkActions</name>
    <message numerus="yes">
        <source>Add these tags to the %n selected entries:</source>
        <translation>
            <numerusform>Add these tags to the selected entry:</numerusform>
            <numerusform>Add these tags to the %n selected entries:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove these tags from the %n selected entries:</source>
        <translation>
            <numerusform>Remove these tags from the selected entry:</numerusform>
            <numerusform>Remove these tags from the %n selected entries:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The country of the %n selected entries:</source>
        <translation>
            <numerusform>The country of the selected entry:</numerusform>
            <numerusform>The country of the %n selected entries:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The organization the %n selected organizations are part of:</source>
        <translation>
            <numerusform>The organization the selected organization is part of:</numerusform>
            <numerusform>The organization the %n selected organizations are part of:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changing %n entries…</source>
        <translation>
            <numerusform>Changing %n entry…</numerusform>
            <numerusform>Changing %n entries…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redoing %n entries…</source>
        <translation>
            <numerusform>Redoing %n entry…</numerusform>
            <numerusform>Redoing %n entries…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undoing %n entries…</source>
        <translation>
            <numerusform>Undoing %n entry…</numerusform>
            <numerusform>Undoing %n entries…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message numerus="yes">
        <source>%n groups of entries that may be one and the same. Choose one and Merge… to join them.</source>
        <translation>
            <numerusform>%n group of entries that may be one and the same. Choose it and Merge… to join them.</numerusform>
            <numerusform>%n groups of entries that may be one and the same. Choose one and Merge… to join them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message numerus="yes">
        <source>Nothing was saved: %n fields need attention.</source>
        <translation>
            <numerusform>Nothing was saved: %n field needs attention.</numerusform>
            <numerusform>Nothing was saved: %n fields need attention.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryList</name>
    <message numerus="yes">
        <source>{counted}; %n selected</source>
        <translation>
            <numerusform>{counted}; %n selected</numerusform>
            <numerusform>{counted}; %n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n officials</source>
        <translation>
            <numerusform>{shown} of %n official</numerusform>
            <numerusform>{shown} of %n officials</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n countries</source>
        <translation>
            <numerusform>{shown} of %n country</numerusform>
            <numerusform>{shown} of %n countries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n organizations</source>
        <translation>
            <numerusform>{shown} of %n organization</numerusform>
            <numerusform>{shown} of %n organizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n initiatives</source>
        <translation>
            <numerusform>{shown} of %n initiative</numerusform>
            <numerusform>{shown} of %n initiatives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n events</source>
        <translation>
            <numerusform>{shown} of %n event</numerusform>
            <numerusform>{shown} of %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n sources</source>
        <translation>
            <numerusform>{shown} of %n source</numerusform>
            <numerusform>{shown} of %n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n entries in the trash</source>
        <translation>
            <numerusform>{shown} of %n entry in the trash</numerusform>
            <numerusform>{shown} of %n entries in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n entries</source>
        <translation>
            <numerusform>{shown} of %n entry</numerusform>
            <numerusform>{shown} of %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The selected entries (%n)</source>
        <translation>
            <numerusform>The selected entry (%n)</numerusform>
            <numerusform>The selected entries (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n selected entries</source>
        <translation>
            <numerusform>the selected entry</numerusform>
            <numerusform>the %n selected entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n files you edited since the last export left as they are</source>
        <translation>
            <numerusform>, %n file you edited since the last export left as it is</numerusform>
            <numerusform>, %n files you edited since the last export left as they are</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n new versions written beside files you edited</source>
        <translation>
            <numerusform>, %n new version written beside a file you edited</numerusform>
            <numerusform>, %n new versions written beside files you edited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n sources given a citation key</source>
        <translation>
            <numerusform>; %n source given a citation key</numerusform>
            <numerusform>; %n sources given a citation key</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n files</source>
        <translation>
            <numerusform>{done} of %n file</numerusform>
            <numerusform>{done} of %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relations</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more citations</source>
        <translation>
            <numerusform>and %n more citation</numerusform>
            <numerusform>and %n more citations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n relations</source>
        <translation>
            <numerusform>{name}: %n relation</numerusform>
            <numerusform>{name}: %n relations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>{done} of %n notes</source>
        <translation>
            <numerusform>{done} of %n note</numerusform>
            <numerusform>{done} of %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notes from {folder}: %n notes updated, {unchanged} unchanged</source>
        <translation>
            <numerusform>Notes from {folder}: %n note updated, {unchanged} unchanged</numerusform>
            <numerusform>Notes from {folder}: %n notes updated, {unchanged} unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not imported because they changed in Roundtable too</source>
        <translation>
            <numerusform>, %n not imported because it changed in Roundtable too</numerusform>
            <numerusform>, %n not imported because they changed in Roundtable too</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not in this library</source>
        <translation>
            <numerusform>, %n not in this library</numerusform>
            <numerusform>, %n not in this library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n already present</source>
        <translation>
            <numerusform>; %n already present</numerusform>
            <numerusform>; %n already present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n kept as you have them (they differ from the file)</source>
        <translation>
            <numerusform>; %n kept as you have it (it differs from the file)</numerusform>
            <numerusform>; %n kept as you have them (they differ from the file)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkdownImportDialog</name>
    <message numerus="yes">
        <source>%n notes to create</source>
        <translation>
            <numerusform>%n note to create</numerusform>
            <numerusform>%n notes to create</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes created</source>
        <translation>
            <numerusform>%n note created</numerusform>
            <numerusform>%n notes created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n on entries)</source>
        <translation>
            <numerusform> (%n on an entry)</numerusform>
            <numerusform> (%n on entries)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n imported before</source>
        <translation>
            <numerusform>, %n imported before</numerusform>
            <numerusform>, %n imported before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n links to entries</source>
        <translation>
            <numerusform>; %n link to an entry</numerusform>
            <numerusform>; %n links to entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n left as written</source>
        <translation>
            <numerusform>, %n left as written</numerusform>
            <numerusform>, %n left as written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n files skipped</source>
        <translation>
            <numerusform>; %n file skipped</numerusform>
            <numerusform>; %n files skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n attachments left alone</source>
        <translation>
            <numerusform>; %n attachment left alone</numerusform>
            <numerusform>; %n attachments left alone</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <source>%n other names</source>
        <translation>
            <numerusform>%n other name</numerusform>
            <numerusform>%n other names</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n facts</source>
        <translation>
            <numerusform>%n fact</numerusform>
            <numerusform>%n facts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n titles</source>
        <translation>
            <numerusform>%n title</numerusform>
            <numerusform>%n titles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n memberships</source>
        <translation>
            <numerusform>%n membership</numerusform>
            <numerusform>%n memberships</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participants</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parties</source>
        <translation>
            <numerusform>%n party</numerusform>
            <numerusform>%n parties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statements</source>
        <translation>
            <numerusform>%n statement</numerusform>
            <numerusform>%n statements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n citations</source>
        <translation>
            <numerusform>%n citation</numerusform>
            <numerusform>%n citations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n citations of it as a source</source>
        <translation>
            <numerusform>%n citation of it as a source</numerusform>
            <numerusform>%n citations of it as a source</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentions in notes</source>
        <translation>
            <numerusform>%n mention in a note</numerusform>
            <numerusform>%n mentions in notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tags</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n references from other entries</source>
        <translation>
            <numerusform>%n reference from another entry</numerusform>
            <numerusform>%n references from other entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevisionListModel</name>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceForm</name>
    <message numerus="yes">
        <source>Nothing was saved: %n fields need attention.</source>
        <translation>
            <numerusform>Nothing was saved: %n field needs attention.</numerusform>
            <numerusform>Nothing was saved: %n fields need attention.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceReader</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n paragraph</numerusform>
            <numerusform>%n paragraphs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) cited</source>
        <translation>
            <numerusform>%n passage cited</numerusform>
            <numerusform>%n passages cited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s) not found in this text</source>
        <translation>
            <numerusform>%n quote not found in this text</numerusform>
            <numerusform>%n quotes not found in this text</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TableImportDialog</name>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsModel</name>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsView</name>
    <message numerus="yes">
        <source>Show the %n notes tagged “{tag}”</source>
        <translation>
            <numerusform>Show the %n note tagged “{tag}”</numerusform>
            <numerusform>Show the %n notes tagged “{tag}”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message numerus="yes">
        <source>Every %n years</source>
        <translation>
            <numerusform>Every year</numerusform>
            <numerusform>Every %n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n months</source>
        <translation>
            <numerusform>Every month</numerusform>
            <numerusform>Every %n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n days</source>
        <translation>
            <numerusform>Every day</numerusform>
            <numerusform>Every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n citations</source>
        <translation>
            <numerusform>%n citation</numerusform>
            <numerusform>%n citations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <source>%n lanes</source>
        <translation>
            <numerusform>%n lane</numerusform>
            <numerusform>%n lanes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_StepWords</name>
    <message numerus="yes">
        <source>Add {tags} to %n entries</source>
        <translation>
            <numerusform>Add {tags} to %n entry</numerusform>
            <numerusform>Add {tags} to %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove {tags} from %n entries</source>
        <translation>
            <numerusform>Remove {tags} from %n entry</numerusform>
            <numerusform>Remove {tags} from %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n entries to the Trash</source>
        <translation>
            <numerusform>Move %n entry to the Trash</numerusform>
            <numerusform>Move %n entries to the Trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the parent organization of %n entries</source>
        <translation>
            <numerusform>Set the parent organization of %n entry</numerusform>
            <numerusform>Set the parent organization of %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the country of %n entries</source>
        <translation>
            <numerusform>Set the country of %n entry</numerusform>
            <numerusform>Set the country of %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message numerus="yes">
        <source>Wrote {path}: %n rows.</source>
        <translation>
            <numerusform>Wrote {path}: %n row.</numerusform>
            <numerusform>Wrote {path}: %n rows.</numerusform>
        </translation>
    </message>
</context>
</TS>
