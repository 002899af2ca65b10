<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <source>{done} of %n files</source>
        <translation>
            <numerusform>{done} of %n file</numerusform>
            <numerusform>{done} of %n files</numerusform>
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
</TS>
