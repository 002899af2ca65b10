<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>&amp;About {app}</source>
        <translation>关于 {app}(&amp;A)</translation>
    </message>
    <message>
        <source>This library holds {sources} sources and {citations} citations; each citation names its source, the exact quote and a reliability grade.</source>
        <translation>本资料库收有 {sources} 个来源和 {citations} 条引文；每条引文都注明来源、原文引语和可靠性等级。</translation>
    </message>
    <message>
        <source>{article}, published by {publisher}</source>
        <translation>{article}（{publisher} 发布）</translation>
    </message>
    <message>
        <source>The bundled dataset is built from its founding article, {article}, whose full text ships with Roundtable, and from further coverage of the event. This library holds {sources} sources and {citations} citations; each names its source, the exact quote and a reliability grade.</source>
        <translation>内置数据集依据其奠基文章 {article}（全文随 Roundtable 一同提供）以及对该活动的其他报道整理而成。本资料库收有 {sources} 个来源和 {citations} 条引文；每条引文都注明来源、原文引语和可靠性等级。</translation>
    </message>
    <message>
        <source>the bundled dataset</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <source>{name}, version {version}</source>
        <translation>{name}，第 {version} 版</translation>
    </message>
    <message>
        <source>{name}, loaded into this library on {date}</source>
        <translation>{name}，于 {date} 载入本资料库</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>An offline research desk for China–ASEAN cooperation on artificial intelligence.</source>
        <translation>中国—东盟人工智能合作离线研究工作台。</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{revision} (this version&apos;s newest: {head})</source>
        <translation>{revision}（本版本支持的最新架构版本：{head}）</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Schema revision:</source>
        <translation>架构版本：</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>Built with:</source>
        <translation>构建组件：</translation>
    </message>
    <message>
        <source>No file manager could open the folder; its path is above.</source>
        <translation>没有文件管理器能打开该文件夹；其路径见上方。</translation>
    </message>
</context>
<context>
    <name>AliasKinds</name>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>official name</source>
        <translation>正式名称</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>异写</translation>
    </message>
    <message>
        <source>abbreviation</source>
        <translation>缩写</translation>
    </message>
    <message>
        <source>former name</source>
        <translation>曾用名</translation>
    </message>
</context>
<context>
    <name>AppearancePage</name>
    <message>
        <source>System ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language applies when Roundtable starts again.</source>
        <translation>更改语言后，需重新启动 Roundtable 才会生效。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>配色(&amp;C)：</translation>
    </message>
    <message>
        <source>As recorded</source>
        <translation>按记录</translation>
    </message>
    <message>
        <source>Show &amp;names in:</source>
        <translation>名称显示为(&amp;N)：</translation>
    </message>
    <message>
        <source>An entry with an other name written in this script shows it in the lists, on its page and in search results; the lists still sort by the names as recorded.</source>
        <translation>条目若有以此文字书写的其他名称，会在列表、条目页面和搜索结果中显示该名称；列表仍按记录的名称排序。</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>{problem} Copy your text elsewhere to keep it.</source>
        <translation>{problem} 请把文字复制到别处保存。</translation>
    </message>
    <message>
        <source>Roundtable could not store the text ({error}); if this goes on, copy your text elsewhere to keep it.</source>
        <translation>Roundtable 无法保存这段文字（{error}）；如果问题持续，请把文字复制到别处保存。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>yyyy年M月d日 ddd HH:mm</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>已备份到 {path}。</translation>
    </message>
    <message>
        <source>{app}: backing up failed</source>
        <translation>{app}：备份失败</translation>
    </message>
    <message>
        <source>Restoring needs Roundtable started normally (this window has no library host).</source>
        <translation>恢复备份需要以正常方式启动 Roundtable（此窗口没有资料库宿主）。</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Write a consistent copy of the database into its backups folder</source>
        <translation>将数据库的一致副本写入其备份文件夹</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Replace the database with one of its backups (the current one is backed up first)</source>
        <translation>用数据库的某个备份替换它（会先备份当前数据库）</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>Backed up by you</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Damaged file, kept before a restore</source>
        <translation>损坏的文件，恢复前保留</translation>
    </message>
    <message>
        <source>Before a schema update</source>
        <translation>架构升级前</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>无法读取（{error}）</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is an empty database; it holds nothing to restore.</source>
        <translation>{path} 是空数据库，没有可恢复的内容。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be restored ({error}).</source>
        <translation>{path} 已损坏，无法恢复（{error}）。</translation>
    </message>
    <message>
        <source>{path} has {count} broken references and cannot be restored.</source>
        <translation>{path} 有 {count} 处失效引用，无法恢复。</translation>
    </message>
    <message>
        <source>That is the database itself, not a backup of it.</source>
        <translation>这是数据库本身，而不是它的备份。</translation>
    </message>
    <message>
        <source>{path} is damaged ({problem}), so it was not backed up: a copy would carry the damage and could take a sound backup&apos;s place. Your backups are as they were; run `roundtable check` to see what is wrong, then restore a backup (`roundtable restore`, or File ▸ Restore from backup… in the window).</source>
        <translation>{path} 已损坏（{problem}），因此没有备份：副本会带着损坏，并可能挤掉完好的备份。你的备份保持原样；请运行 `roundtable check` 查看问题所在，然后恢复一个备份（`roundtable restore`，或在窗口中选择 文件 ▸ 从备份恢复…）。</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>{app}: restore from a backup</source>
        <translation>{app}：从备份恢复</translation>
    </message>
    <message>
        <source>Backups of &lt;b&gt;{name}&lt;/b&gt;, kept in {folder}. Restoring one replaces the database with it; the current database is backed up first, so you can come back.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 的备份，保存在 {folder}。恢复某个备份会用它替换数据库；当前数据库会先行备份，因此随时可以改回来。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation>此数据库还没有备份。</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore from a &amp;file…</source>
        <translation>从文件恢复(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>{why} (cannot be read)</source>
        <translation>{why}（无法读取）</translation>
    </message>
    <message>
        <source>taken {when}</source>
        <translation>{when} 的</translation>
    </message>
    <message>
        <source>Restore from a backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <source>Roundtable databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Roundtable 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>from a file</source>
        <translation>来自文件的</translation>
    </message>
    <message>
        <source>Replace the database with the backup {when} ({name})?</source>
        <translation>要用{when}备份（{name}）替换数据库吗？</translation>
    </message>
    <message>
        <source>It holds {entries} entries and {notes} notes.</source>
        <translation>其中有 {entries} 个条目和 {notes} 篇笔记。</translation>
    </message>
    <message>
        <source>{app}: restore this backup?</source>
        <translation>{app}：恢复此备份？</translation>
    </message>
    <message>
        <source>The current database is backed up first, so you can restore it again later. The backup is checked before anything is replaced.</source>
        <translation>当前数据库会先行备份，以后仍可恢复。替换前会先检查该备份。</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>Bibliography</name>
    <message>
        <source>Import &amp;Bibliography…</source>
        <translation>导入参考文献(&amp;B)…</translation>
    </message>
    <message>
        <source>Import sources from CSL-JSON, BibTeX or RIS, or from Zotero&apos;s data folder</source>
        <translation>从 CSL-JSON、BibTeX 或 RIS 文件，或从 Zotero 数据文件夹导入来源</translation>
    </message>
    <message>
        <source>Export Bi&amp;bliography…</source>
        <translation>导出参考文献(&amp;B)…</translation>
    </message>
    <message>
        <source>Write every source as CSL-JSON, BibLaTeX or RIS, for Pandoc, Zotero or Zettlr</source>
        <translation>将所有来源写为 CSL-JSON、BibLaTeX 或 RIS，供 Pandoc、Zotero 或 Zettlr 使用</translation>
    </message>
    <message>
        <source>CSL-JSON (*.json)</source>
        <translation>CSL-JSON (*.json)</translation>
    </message>
    <message>
        <source>BibLaTeX (*.bib)</source>
        <translation>BibLaTeX (*.bib)</translation>
    </message>
    <message>
        <source>RIS (*.ris)</source>
        <translation>RIS (*.ris)</translation>
    </message>
    <message>
        <source>Export the bibliography</source>
        <translation>导出参考文献</translation>
    </message>
    <message>
        <source>Bibliography exported</source>
        <translation>参考文献已导出</translation>
    </message>
    <message>
        <source>Bibliography not exported</source>
        <translation>参考文献未导出</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Wrote {path}: {count} sources.</source>
        <translation>已写入 {path}：{count} 个来源。</translation>
    </message>
    <message>
        <source>{count} sources got a citation key, kept in the library from now on.</source>
        <translation>有 {count} 个来源获得了引用键，此后将保存在资料库中。</translation>
    </message>
    <message>
        <source>{path} is not a bibliography Roundtable reads: it reads CSL-JSON (.json), BibTeX (.bib), RIS (.ris) and a Zotero data folder.</source>
        <translation>{path} 不是 Roundtable 能读取的参考文献：可读取 CSL-JSON（.json）、BibTeX（.bib）、RIS（.ris）和 Zotero 数据文件夹。</translation>
    </message>
    <message>
        <source>{path} holds no bibliography entries.</source>
        <translation>{path} 中没有参考文献条目。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {error}.</source>
        <translation>无法读取 {path}：{error}。</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text (byte {at}); save it as UTF-8 and try again.</source>
        <translation>{path} 不是 UTF-8 文本（第 {at} 字节）；请另存为 UTF-8 后重试。</translation>
    </message>
    <message>
        <source>{path} is not a {format} file: {detail}.</source>
        <translation>{path} 不是 {format} 文件：{detail}。</translation>
    </message>
    <message>
        <source>{path}: the key {key} is used by two entries (the second at line {line}).</source>
        <translation>{path}：键 {key} 被两个条目使用（第二个在第 {line} 行）。</translation>
    </message>
    <message>
        <source>{path}: the entry at line {line} cannot be read as BibTeX.</source>
        <translation>{path}：第 {line} 行的条目无法按 BibTeX 读取。</translation>
    </message>
    <message>
        <source>{path}: {count} entries cannot be read as BibTeX, the first at line {line}.</source>
        <translation>{path}：有 {count} 个条目无法按 BibTeX 读取，第一个在第 {line} 行。</translation>
    </message>
    <message>
        <source>{path} holds no zotero.sqlite; choose Zotero&apos;s data folder (Zotero ▸ Settings ▸ Advanced ▸ Files and Folders).</source>
        <translation>{path} 中没有 zotero.sqlite；请选择 Zotero 的数据文件夹（Zotero ▸ 设置 ▸ 高级 ▸ 文件和文件夹）。</translation>
    </message>
    <message>
        <source>{path} cannot be read as a Zotero database ({detail}).</source>
        <translation>{path} 无法作为 Zotero 数据库读取（{detail}）。</translation>
    </message>
    <message>
        <source>Reading the bibliography</source>
        <translation>正在读取参考文献</translation>
    </message>
    <message>
        <source>Backing up the library</source>
        <translation>正在备份资料库</translation>
    </message>
    <message>
        <source>Writing sources</source>
        <translation>正在写入来源</translation>
    </message>
    <message>
        <source>Imported {file}: {created} new sources, {updated} updated, {kept} left because you changed them, {same} already up to date, {skipped} skipped.</source>
        <translation>已导入 {file}：新增 {created} 个来源，更新 {updated} 个，{kept} 个因您已修改而保留，{same} 个已是最新，跳过 {skipped} 个。</translation>
    </message>
    <message>
        <source>{file} would give {created} new sources, {updated} updated, {kept} left because you changed them, {same} already up to date, {skipped} skipped. Nothing was written.</source>
        <translation>{file} 将新增 {created} 个来源，更新 {updated} 个，{kept} 个因您已修改而保留，{same} 个已是最新，跳过 {skipped} 个。未写入任何内容。</translation>
    </message>
    <message>
        <source>new: {name}</source>
        <translation>新增：{name}</translation>
    </message>
    <message>
        <source>updated: {name} ({fields}); left because you changed them: {kept}</source>
        <translation>已更新：{name}（{fields}）；因您已修改而保留：{kept}</translation>
    </message>
    <message>
        <source>updated: {name} ({fields})</source>
        <translation>已更新：{name}（{fields}）</translation>
    </message>
    <message>
        <source>left because you changed it: {name} ({fields})</source>
        <translation>因您已修改而保留：{name}（{fields}）</translation>
    </message>
    <message>
        <source>skipped: {name}: {reason}</source>
        <translation>已跳过：{name}：{reason}</translation>
    </message>
    <message>
        <source>files kept with {name}: {files}</source>
        <translation>随 {name} 保留的文件：{files}</translation>
    </message>
    <message>
        <source>it has no title</source>
        <translation>没有标题</translation>
    </message>
    <message>
        <source>the same source as {other} in this file</source>
        <translation>与本文件中的 {other} 是同一来源</translation>
    </message>
    <message>
        <source>it is in the Trash; restore it to update it</source>
        <translation>它在回收站中；恢复后才能更新</translation>
    </message>
    <message>
        <source>{count} sources have no citation key yet, and {name} is open read-only ({reason}); close the window that has it open and export again, so their keys are kept.</source>
        <translation>有 {count} 个来源还没有引用键，而 {name} 以只读方式打开（{reason}）；请关闭打开它的窗口后再导出，以便保存这些键。</translation>
    </message>
</context>
<context>
    <name>BibliographyDialog</name>
    <message>
        <source>Import Bibliography</source>
        <translation>导入参考文献</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>A .json, .bib or .ris file, or Zotero&apos;s data folder</source>
        <translation>.json、.bib 或 .ris 文件，或 Zotero 数据文件夹</translation>
    </message>
    <message>
        <source>Choose &amp;File…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose &amp;Zotero Folder…</source>
        <translation>选择 Zotero 文件夹(&amp;Z)…</translation>
    </message>
    <message>
        <source>Bibliography:</source>
        <translation>参考文献：</translation>
    </message>
    <message>
        <source>Sources are matched by citation key, DOI, web address, then title and date, so nothing comes in twice. The preview lists what would be created, updated, left because you changed it and skipped; nothing is written until you import. Zotero&apos;s database is read from a copy and never written; the PDFs and snapshots it stored are kept with their sources.</source>
        <translation>来源依次按引用键、DOI、网址、标题与日期匹配，因此不会重复导入。预览列出将新增、更新、因您已修改而保留以及跳过的条目；在您点击导入之前不会写入任何内容。Zotero 的数据库从副本读取，从不写入；它保存的 PDF 和网页快照随各自的来源一并保留。</translation>
    </message>
    <message>
        <source>Import a bibliography</source>
        <translation>导入参考文献</translation>
    </message>
    <message>
        <source>Bibliographies (*.json *.bib *.ris);;All files (*)</source>
        <translation>参考文献 (*.json *.bib *.ris);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Zotero&apos;s data folder</source>
        <translation>Zotero 数据文件夹</translation>
    </message>
    <message>
        <source>Choose a bibliography file or Zotero&apos;s data folder.</source>
        <translation>请选择参考文献文件或 Zotero 数据文件夹。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Nothing was imported; nothing was changed: {reason}</source>
        <translation>未导入任何内容，也未做任何更改：{reason}</translation>
    </message>
    <message>
        <source>{stage}: {percent}%</source>
        <translation>{stage}：{percent}%</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>导入已取消；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>Bulk</name>
    <message>
        <source>No entry among {kinds} is called “{value}”.</source>
        <translation>{kinds}中没有名为“{value}”的条目。</translation>
    </message>
    <message>
        <source>Type the tags to add, with commas between them.</source>
        <translation>请输入要添加的标签，用逗号分隔。</translation>
    </message>
    <message>
        <source>Type the tags to remove, with commas between them.</source>
        <translation>请输入要移除的标签，用逗号分隔。</translation>
    </message>
    <message>
        <source>These entries have no such field.</source>
        <translation>这些条目没有此字段。</translation>
    </message>
    <message>
        <source>The entry they were set to has been deleted since.</source>
        <translation>它们所设置的条目此后已被删除。</translation>
    </message>
    <message>
        <source>Choose entries of one kind.</source>
        <translation>请选择同一类型的条目。</translation>
    </message>
    <message>
        <source>These entries no longer exist.</source>
        <translation>这些条目已不存在。</translation>
    </message>
    <message>
        <source>Choose a country in the library.</source>
        <translation>请选择资料库中的国家。</translation>
    </message>
    <message>
        <source>Choose an organization in the library.</source>
        <translation>请选择资料库中的组织。</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <source>Add &amp;Tags…</source>
        <translation>添加标签(&amp;T)…</translation>
    </message>
    <message>
        <source>Re&amp;move Tags…</source>
        <translation>移除标签(&amp;M)…</translation>
    </message>
    <message>
        <source>Set &amp;Country…</source>
        <translation>设置国家(&amp;C)…</translation>
    </message>
    <message>
        <source>Set &amp;Parent Organization…</source>
        <translation>设置上级组织(&amp;P)…</translation>
    </message>
    <message>
        <source>Move to T&amp;rash</source>
        <translation>移到回收站(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport Selection…</source>
        <translation>导出所选条目(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Selected Entries</source>
        <translation>所选条目(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>Add these tags to the %n selected entries:</source>
        <translation>
            <numerusform>为选中的 %n 个条目添加这些标签：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove these tags from the %n selected entries:</source>
        <translation>
            <numerusform>从选中的 %n 个条目中移除这些标签：</numerusform>
        </translation>
    </message>
    <message>
        <source>Separated by commas; policy/ethics nests under policy</source>
        <translation>用逗号分隔；policy/ethics 是 policy 的下级标签</translation>
    </message>
    <message numerus="yes">
        <source>The country of the %n selected entries:</source>
        <translation>
            <numerusform>选中的 %n 个条目所属的国家：</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave it empty to take their country away.</source>
        <translation>留空则清除它们的国家。</translation>
    </message>
    <message numerus="yes">
        <source>The organization the %n selected organizations are part of:</source>
        <translation>
            <numerusform>选中的 %n 个组织所隶属的组织：</numerusform>
        </translation>
    </message>
    <message>
        <source>Leave it empty to make them part of none.</source>
        <translation>留空则使它们不隶属于任何组织。</translation>
    </message>
    <message numerus="yes">
        <source>Changing %n entries…</source>
        <translation>
            <numerusform>正在更改 %n 个条目…</numerusform>
        </translation>
    </message>
    <message>
        <source>Redone: {step}</source>
        <translation>已重做：{step}</translation>
    </message>
    <message>
        <source>Undone: {step}</source>
        <translation>已撤销：{step}</translation>
    </message>
    <message numerus="yes">
        <source>Redoing %n entries…</source>
        <translation>
            <numerusform>正在重做 %n 个条目…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undoing %n entries…</source>
        <translation>
            <numerusform>正在撤销 %n 个条目…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to change: they were that way already.</source>
        <translation>无需更改：它们本来就是这样。</translation>
    </message>
    <message>
        <source>{step}. Undo (Ctrl+Z) takes it back.</source>
        <translation>{step}。撤销（Ctrl+Z）可还原。</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>未做任何更改</translation>
    </message>
</context>
<context>
    <name>CheckDatabase</name>
    <message>
        <source>officials</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>initiatives</source>
        <translation>倡议</translation>
    </message>
    <message>
        <source>events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>citations</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>statements</source>
        <translation>发言</translation>
    </message>
    <message>
        <source>in trash</source>
        <translation>回收站中</translation>
    </message>
    <message>
        <source>Checking every page of the database…</source>
        <translation>正在检查数据库的每一页…</translation>
    </message>
    <message>
        <source>{app}: checking the database</source>
        <translation>{app}：正在检查数据库</translation>
    </message>
    <message>
        <source>{app}: database check</source>
        <translation>{app}：数据库检查</translation>
    </message>
    <message>
        <source>The database is in good order.</source>
        <translation>数据库状况良好。</translation>
    </message>
    <message>
        <source>The check found problems.</source>
        <translation>检查发现了问题。</translation>
    </message>
    <message>
        <source>File: {path}
Integrity: {integrity}
Broken references: {broken}
Schema revision: {revision} (newest known: {head})</source>
        <translation>文件：{path}
完整性：{integrity}
失效引用：{broken}
架构版本：{revision}（已知最新：{head}）</translation>
    </message>
    <message>
        <source>could not be checked (the file is damaged)</source>
        <translation>无法检查（文件已损坏）</translation>
    </message>
    <message>
        <source>The check could not run: {reason}</source>
        <translation>无法进行检查：{reason}</translation>
    </message>
    <message>
        <source>&amp;Check database</source>
        <translation>检查数据库(&amp;C)</translation>
    </message>
    <message>
        <source>Check every page and reference of the database, and say what was found</source>
        <translation>检查数据库的每一页和每一处引用，并报告结果</translation>
    </message>
</context>
<context>
    <name>Checking</name>
    <message>
        <source>The file is sound: SQLite read every page and index and found nothing wrong.</source>
        <translation>文件完好：SQLite 读取了每一页和每个索引，没有发现问题。</translation>
    </message>
    <message>
        <source>The file is damaged: SQLite found a problem in its structure ({first}). Restore a backup (File ▸ Restore from backup…, or `roundtable restore`); Roundtable keeps the damaged file.</source>
        <translation>文件已损坏：SQLite 在其结构中发现一个问题（{first}）。请恢复备份（文件 ▸ 从备份恢复…，或 `roundtable restore`）；Roundtable 会保留损坏的文件。</translation>
    </message>
    <message>
        <source>The file is damaged: SQLite found {count} problems in its structure (the first: {first}). Restore a backup (File ▸ Restore from backup…, or `roundtable restore`); Roundtable keeps the damaged file.</source>
        <translation>文件已损坏：SQLite 在其结构中发现 {count} 个问题（第一个：{first}）。请恢复备份（文件 ▸ 从备份恢复…，或 `roundtable restore`）；Roundtable 会保留损坏的文件。</translation>
    </message>
    <message>
        <source>The references between entries could not be checked.</source>
        <translation>无法检查条目之间的引用。</translation>
    </message>
    <message>
        <source>{count} references point at entries or notes that no longer exist.</source>
        <translation>有 {count} 处引用指向已不存在的条目或笔记。</translation>
    </message>
    <message>
        <source>Every reference between entries, notes and sources points at something that exists.</source>
        <translation>条目、笔记和来源之间的所有引用都指向存在的对象。</translation>
    </message>
    <message>
        <source>The schema revision is {revision}, not this version&apos;s {head}.</source>
        <translation>架构版本是 {revision}，而不是本版本的 {head}。</translation>
    </message>
    <message>
        <source>The search index does not match the library ({problems}). `roundtable check --reindex` rebuilds it.</source>
        <translation>搜索索引与资料库不一致（{problems}）。`roundtable check --reindex` 可重建索引。</translation>
    </message>
    <message>
        <source>The lists do not show what the library holds ({problems}). `roundtable check --reindex` rebuilds them.</source>
        <translation>列表与资料库内容不一致（{problems}）。`roundtable check --reindex` 可重建列表。</translation>
    </message>
    <message>
        <source>It holds {entries} entries and {notes} notes.</source>
        <translation>其中有 {entries} 个条目和 {notes} 篇笔记。</translation>
    </message>
    <message>
        <source>Its entries could not be counted.</source>
        <translation>无法统计其中的条目。</translation>
    </message>
    <message>
        <source>The file {filename} of the source “{source}” is missing ({path}). Restore a backup (File ▸ Restore from backup…, or `roundtable restore`) to bring it back, or add the file to the source again.</source>
        <translation>来源“{source}”的文件 {filename} 不见了（{path}）。请恢复备份（文件 ▸ 从备份恢复…，或 `roundtable restore`）找回它，或重新为该来源添加文件。</translation>
    </message>
    <message>
        <source>The file {filename} of the source “{source}” has changed since it was added ({path}): its bytes no longer match its checksum. Restore a backup to bring the original back, or add the file to the source again.</source>
        <translation>来源“{source}”的文件 {filename} 在添加后已被改动（{path}）：其内容与校验和不再一致。请恢复备份找回原文件，或重新为该来源添加文件。</translation>
    </message>
    <message>
        <source>The text of “{source}” no longer holds the quote “{quote}” (citation {id}); the nearest passage ({locator}) reads “{nearest}”.</source>
        <translation>“{source}”的正文中已找不到引文“{quote}”（引用 {id}）；最接近的段落（{locator}）为“{nearest}”。</translation>
    </message>
    <message>
        <source>The text of “{source}” no longer holds the quote “{quote}” (citation {id}), nor anything like it.</source>
        <translation>“{source}”的正文中已找不到引文“{quote}”（引用 {id}），也没有相近的内容。</translation>
    </message>
    <message>
        <source>… and {count} more of these (`roundtable check --json` lists them all).</source>
        <translation>……另有 {count} 条（`roundtable check --json` 会全部列出）。</translation>
    </message>
    <message>
        <source>the same name, “{value}”</source>
        <translation>相同的名称“{value}”</translation>
    </message>
    <message>
        <source>“{value}” as a name or other name</source>
        <translation>名称或其他名称“{value}”</translation>
    </message>
    <message>
        <source>the ISO code {value}</source>
        <translation>ISO 代码 {value}</translation>
    </message>
    <message>
        <source>the web address {value}</source>
        <translation>网址 {value}</translation>
    </message>
    <message>
        <source>the DOI {value}</source>
        <translation>DOI {value}</translation>
    </message>
    <message>
        <source>Possibly one and the same ({kind}, sharing {why}): {names}. Possible duplicates in the window merges them if they are.</source>
        <translation>可能是同一对象（{kind}，共同点：{why}）：{names}。若确实如此，可在窗口的“可能的重复项”中合并它们。</translation>
    </message>
    <message>
        <source>… and {count} more possible duplicates (`roundtable check --json` lists them all).</source>
        <translation>……另有 {count} 组可能的重复项（`roundtable check --json` 会全部列出）。</translation>
    </message>
    <message>
        <source>No country has a name in {language} ({code}) yet; add one to a country as an other name, citing where it comes from.</source>
        <translation>还没有任何国家有{language}（{code}）名称；请为国家添加一个作为其他名称，并引用其出处。</translation>
    </message>
    <message>
        <source>No name in {language} ({code}) for {names}; add one as an other name, citing where it comes from.</source>
        <translation>{names} 没有{language}（{code}）名称；请添加一个作为其他名称，并引用其出处。</translation>
    </message>
    <message>
        <source>{count} of {total} sources have no title and give no reason why (their name says the title was not recorded): {names}. Give each its title, or cite its name with a note saying why the title cannot be had.</source>
        <translation>{total} 个来源中有 {count} 个没有标题，也未说明原因（其名称表示未记录标题）：{names}。请为每个来源补上标题，或为其名称添加引文并注明为何无法获得标题。</translation>
    </message>
    <message>
        <source>{count} of {total} citations have neither a quote nor a note, so a reader sees only the source&apos;s address: {citations}. Add the source&apos;s words, or a note saying what in it supports the fact.</source>
        <translation>{total} 条引文中有 {count} 条既无引语也无注释，读者只能看到来源的网址：{citations}。请加上来源原文，或用注释说明来源中何处支持该事实。</translation>
    </message>
    <message>
        <source>{count} names of {total} people are missing in a language that a source cited for them is written in, or that their country speaks: {names}. Add each as an other name in that language, citing a source that prints it.</source>
        <translation>{total} 位人物中缺少 {count} 个名称，所缺语言为其引用来源所用的语言或其国家的语言：{names}。请以该语言添加为别名，并引用印有该名称的来源。</translation>
    </message>
    <message>
        <source>The fact “{text}” of {entry} is dated {date}, yet it cites {source}, published {published}, before it: that source cannot report it. Cite one that can, or date the fact as the source does.</source>
        <translation>{entry} 的一条事实日期为 {date}，却引用了发布于此前（{published}）的 {source}：该来源不可能报道此事。请引用能够支持它的来源，或按来源所述确定事实的日期。事实：{text}</translation>
    </message>
    <message>
        <source>… and {count} more such citations (`roundtable check --json` lists them all).</source>
        <translation>…另有 {count} 条此类引文（`roundtable check --json` 会全部列出）。</translation>
    </message>
</context>
<context>
    <name>CitationRow</name>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>New Source…</source>
        <translation>新建来源…</translation>
    </message>
    <message>
        <source>Add a source and cite it here</source>
        <translation>添加一个来源并在此引用</translation>
    </message>
    <message>
        <source>The exact words of the source</source>
        <translation>来源的原话</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>p. 12, ¶ 3 (blank: found from the quote)</source>
        <translation>第 12 页第 3 段（留空：根据引文查找）</translation>
    </message>
    <message>
        <source>Locator</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>as the source</source>
        <translation>同来源</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CiteForm</name>
    <message>
        <source>A new fact</source>
        <translation>新的事实</translation>
    </message>
    <message>
        <source>An existing fact</source>
        <translation>已有的事实</translation>
    </message>
    <message>
        <source>A title (role) with its dates</source>
        <translation>职务（含日期）</translation>
    </message>
    <message>
        <source>A statement</source>
        <translation>发言</translation>
    </message>
    <message>
        <source>A membership</source>
        <translation>成员资格</translation>
    </message>
    <message>
        <source>A participation in an event</source>
        <translation>参加活动</translation>
    </message>
    <message>
        <source>A party to an initiative</source>
        <translation>倡议的参与方</translation>
    </message>
    <message>
        <source>direct (the speaker&apos;s own words)</source>
        <translation>直接引语（发言人原话）</translation>
    </message>
    <message>
        <source>reported (as the source tells it)</source>
        <translation>间接转述（来源的转述）</translation>
    </message>
    <message>
        <source>translated</source>
        <translation>译文</translation>
    </message>
    <message>
        <source>Cite</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>From “{source}”</source>
        <translation>出自“{source}”</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>Locator</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>as the source states it</source>
        <translation>按来源的表述</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>how the source names the speaker, if not so</source>
        <translation>来源对发言人的称呼（如有不同）</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>原话</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Speaker as named</source>
        <translation>来源所称发言人</translation>
    </message>
    <message>
        <source>Member of</source>
        <translation>所属组织</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>倡议</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Choose the entry this passage is about.</source>
        <translation>请选择这段文字所涉及的条目。</translation>
    </message>
    <message>
        <source>Nothing is called “{name}”; choose an entry from the list.</source>
        <translation>没有名为“{name}”的条目；请从列表中选择。</translation>
    </message>
    <message>
        <source>Choose the fact.</source>
        <translation>请选择事实。</translation>
    </message>
    <message>
        <source>Choose the {kind} from the list.</source>
        <translation>请从列表中选择{kind}。</translation>
    </message>
</context>
<context>
    <name>Citing</name>
    <message>
        <source>&amp;Cite…</source>
        <translation>引用(&amp;C)…</translation>
    </message>
    <message>
        <source>Cite the selected passage for an entry ({key})</source>
        <translation>将所选段落引用到某个条目（{key}）</translation>
    </message>
    <message>
        <source>Cited for “{name}”.</source>
        <translation>已引用到“{name}”。</translation>
    </message>
</context>
<context>
    <name>CreateEntryDialog</name>
    <message>
        <source>Create an entry?</source>
        <translation>新建条目？</translation>
    </message>
    <message>
        <source>No entry is called “{name}”. Create one with that name?</source>
        <translation>没有名为“{name}”的条目。要以此名称新建一个吗？</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Create…</source>
        <translation>新建…</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Open now:</source>
        <translation>当前打开：</translation>
    </message>
    <message>
        <source>At the next start:</source>
        <translation>下次启动时：</translation>
    </message>
    <message>
        <source>Choose Another File…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <source>Use the Default File</source>
        <translation>使用默认文件</translation>
    </message>
    <message>
        <source>Roundtable opens this file the next time it starts, creating a new library if the file does not exist yet. Starting it with --db or ROUNDTABLE_DB overrides this; the command line always uses those or the default file.</source>
        <translation>Roundtable 下次启动时会打开此文件；文件尚不存在时会新建资料库。以 --db 或 ROUNDTABLE_DB 启动时以它们为准；命令行始终使用它们或默认文件。</translation>
    </message>
    <message>
        <source>{path} (the default)</source>
        <translation>{path}（默认）</translation>
    </message>
    <message>
        <source>No file manager could open the folder; its path is above.</source>
        <translation>没有文件管理器能打开该文件夹；其路径见上方。</translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Citations</source>
        <translation>引文</translation>
    </message>
    <message>
        <source>(for {field})</source>
        <translation>（对应{field}）</translation>
    </message>
    <message>
        <source>reliability:</source>
        <translation>可靠性：</translation>
    </message>
    <message>
        <source>In the Trash since {date}.</source>
        <translation>自 {date} 起在回收站中。</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>标签：{tags}</translation>
    </message>
    <message>
        <source>Sources for this entry: {marks}</source>
        <translation>本条目的来源：{marks}</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>自 {date}</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>至 {date}</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>成员资格</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>发言</translation>
    </message>
    <message>
        <source>an entry in the trash</source>
        <translation>回收站中的条目</translation>
    </message>
    <message>
        <source>Cited for ({count})</source>
        <translation>引用处（{count}）</translation>
    </message>
    <message>
        <source>… and {count} more, not listed here (filter the list to see them all).</source>
        <translation>……另有 {count} 项未在此列出（在列表中筛选即可查看全部）。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>on {entry}</source>
        <translation>关于 {entry}</translation>
    </message>
    <message>
        <source>standalone</source>
        <translation>独立笔记</translation>
    </message>
    <message>
        <source>Mentioned in</source>
        <translation>提及本条目的笔记</translation>
    </message>
    <message>
        <source>New note on this entry</source>
        <translation>为本条目写新笔记</translation>
    </message>
    <message>
        <source>Archived text</source>
        <translation>存档文本</translation>
    </message>
    <message>
        <source>{who} at {event}, reported</source>
        <translation>{who}在{event}上（转述）</translation>
    </message>
    <message>
        <source>{who}, reported</source>
        <translation>{who}（转述）</translation>
    </message>
    <message>
        <source>{who} at {event}, said (in translation)</source>
        <translation>{who}在{event}上表示（译文）</translation>
    </message>
    <message>
        <source>{who}, said (in translation)</source>
        <translation>{who}表示（译文）</translation>
    </message>
    <message>
        <source>{who} at {event}, said</source>
        <translation>{who}在{event}上表示</translation>
    </message>
    <message>
        <source>{who}, said</source>
        <translation>{who}表示</translation>
    </message>
    <message>
        <source>fact: {words}</source>
        <translation>事实：{words}</translation>
    </message>
    <message>
        <source>{role}: {entry}</source>
        <translation>{role}：{entry}</translation>
    </message>
    <message>
        <source>party ({role}): {entry}</source>
        <translation>参与方（{role}）：{entry}</translation>
    </message>
    <message>
        <source>statement: “{words}”</source>
        <translation>发言：“{words}”</translation>
    </message>
    <message>
        <source>name {value}</source>
        <translation>名称 {value}</translation>
    </message>
    <message>
        <source>the entry as a whole</source>
        <translation>整个条目</translation>
    </message>
    <message>
        <source>membership: {value}</source>
        <translation>成员资格：{value}</translation>
    </message>
    <message>
        <source>title: {value}</source>
        <translation>职务：{value}</translation>
    </message>
</context>
<context>
    <name>DetailChoices</name>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>official name</source>
        <translation>正式名称</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>异写</translation>
    </message>
    <message>
        <source>abbreviation</source>
        <translation>缩写</translation>
    </message>
    <message>
        <source>former name</source>
        <translation>曾用名</translation>
    </message>
    <message>
        <source>capital</source>
        <translation>首都</translation>
    </message>
    <message>
        <source>ISO alpha-2 code</source>
        <translation>ISO 二位字母代码</translation>
    </message>
    <message>
        <source>ISO alpha-3 code</source>
        <translation>ISO 三位字母代码</translation>
    </message>
    <message>
        <source>ISO numeric code</source>
        <translation>ISO 数字代码</translation>
    </message>
    <message>
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>publisher</source>
        <translation>发布者</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>发言</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>未核实</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>Entry details</source>
        <translation>条目详情</translation>
    </message>
    <message>
        <source>Select an entry to read about it.</source>
        <translation>选择一个条目以查看详情。</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>Possible duplicates</source>
        <translation>可能的重复项</translation>
    </message>
    <message>
        <source>Why, and the entries</source>
        <translation>原因与条目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message numerus="yes">
        <source>%n groups of entries that may be one and the same. Choose one and Merge… to join them.</source>
        <translation>
            <numerusform>%n 组条目可能是同一对象。选择一组后点击“合并…”即可将其合而为一。</numerusform>
        </translation>
    </message>
    <message>
        <source>No entries share a name, an other name, an ISO code or a web address.</source>
        <translation>没有条目共用名称、其他名称、ISO 代码或网址。</translation>
    </message>
    <message>
        <source>Same name: {value}</source>
        <translation>名称相同：{value}</translation>
    </message>
    <message>
        <source>Name or other name: {value}</source>
        <translation>名称或其他名称：{value}</translation>
    </message>
    <message>
        <source>Same ISO code: {value}</source>
        <translation>ISO 代码相同：{value}</translation>
    </message>
    <message>
        <source>Same web address: {value}</source>
        <translation>网址相同：{value}</translation>
    </message>
    <message>
        <source>Same DOI: {value}</source>
        <translation>DOI 相同：{value}</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit Entry…</source>
        <translation>编辑条目(&amp;E)…</translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Delete &amp;Permanently…</source>
        <translation>永久删除(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;New {kind}…</source>
        <translation>新建{kind}(&amp;N)…</translation>
    </message>
    <message>
        <source>Cannot undo or redo</source>
        <translation>无法撤销或重做</translation>
    </message>
    <message>
        <source>Created “{name}”.</source>
        <translation>已新建“{name}”。</translation>
    </message>
    <message>
        <source>Saved “{name}”.</source>
        <translation>已保存“{name}”。</translation>
    </message>
    <message>
        <source>Moved “{name}” to the Trash.</source>
        <translation>已将“{name}”移到回收站。</translation>
    </message>
    <message>
        <source>Restored “{name}”.</source>
        <translation>已恢复“{name}”。</translation>
    </message>
    <message>
        <source>Delete Permanently?</source>
        <translation>永久删除？</translation>
    </message>
    <message>
        <source>Delete “{name}” permanently?</source>
        <translation>要永久删除“{name}”吗？</translation>
    </message>
    <message>
        <source>Its other names, titles, facts and citations are deleted with it, and entries that refer to it lose the reference. Notes on it are kept. This cannot be undone.</source>
        <translation>其其他名称、职务、事实和引文会一并删除，引用它的条目将失去该引用。关于它的笔记会保留。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete Permanently</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Deleted “{name}” permanently.</source>
        <translation>已永久删除“{name}”。</translation>
    </message>
    <message>
        <source>This entry no longer exists.</source>
        <translation>此条目已不存在。</translation>
    </message>
    <message>
        <source>An entry cannot change its kind.</source>
        <translation>条目不能更改类型。</translation>
    </message>
    <message>
        <source>A citation cannot be added to that.</source>
        <translation>无法为此添加引用。</translation>
    </message>
    <message>
        <source>What this citation supports is no longer on this entry.</source>
        <translation>此引用所支持的内容已不在该条目上。</translation>
    </message>
    <message>
        <source>This change cannot be repeated: {reason}</source>
        <translation>无法再次执行此更改：{reason}</translation>
    </message>
    <message>
        <source>Another entry now has this one&apos;s place; it cannot be brought back.</source>
        <translation>另一个条目已占用了它的位置，无法恢复。</translation>
    </message>
    <message>
        <source>“{slug}” is now the slug of {holder}; this change cannot be repeated.</source>
        <translation>“{slug}”现在是{holder}的标识名；无法再次执行此更改。</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Edit {name}</source>
        <translation>编辑“{name}”</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>新建{kind}</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>标识名</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Separated by commas; policy/ethics nests under policy</source>
        <translation>用逗号分隔；policy/ethics 归在 policy 之下</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>Add Other Name</source>
        <translation>添加其他名称</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>{hint} (required)</source>
        <translation>{hint}（必填）</translation>
    </message>
    <message>
        <source>other name {n}</source>
        <translation>其他名称 {n}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>derived from the name</source>
        <translation>根据名称生成</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was saved: %n fields need attention.</source>
        <translation>
            <numerusform>未保存任何内容：有 %n 个字段需要修改。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryList</name>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Entries shown</source>
        <translation>显示的条目</translation>
    </message>
    <message>
        <source>The list could not be read: {reason}</source>
        <translation>无法读取列表：{reason}</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message numerus="yes">
        <source>{counted}; %n selected</source>
        <translation>
            <numerusform>{counted}；已选 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n officials</source>
        <translation>
            <numerusform>{shown} / %n 位官员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n countries</source>
        <translation>
            <numerusform>{shown} / %n 个国家</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n organizations</source>
        <translation>
            <numerusform>{shown} / %n 个组织</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n initiatives</source>
        <translation>
            <numerusform>{shown} / %n 项倡议</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n events</source>
        <translation>
            <numerusform>{shown} / %n 场活动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n sources</source>
        <translation>
            <numerusform>{shown} / %n 个来源</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n entries in the trash</source>
        <translation>
            <numerusform>回收站中 {shown} / %n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n entries</source>
        <translation>
            <numerusform>{shown} / %n 个条目</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntryPicker</name>
    <message>
        <source>Type to choose from {kinds}</source>
        <translation>输入以从{kinds}中选择</translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <source>{status} since {date}</source>
        <translation>{status}（自 {date} 起）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The disk is full, so nothing was saved. Free some space and try again; your data is as it was before.</source>
        <translation>磁盘已满，未保存任何内容。请腾出一些空间后重试；您的数据保持原样。</translation>
    </message>
    <message>
        <source>The database cannot be written to (the file or its folder is read-only). Nothing was saved.</source>
        <translation>无法写入数据库（文件或其所在文件夹为只读）。未保存任何内容。</translation>
    </message>
    <message>
        <source>The database is busy: another program is writing to it. Nothing was saved; try again in a moment.</source>
        <translation>数据库正忙：另一个程序正在写入。未保存任何内容；请稍后重试。</translation>
    </message>
    <message>
        <source>The database file is damaged, so nothing was written to it. Use Help ▸ Check database, or restore a backup (File ▸ Restore from backup…).</source>
        <translation>数据库文件已损坏，未写入任何内容。请使用“帮助 ▸ 检查数据库”，或恢复备份（文件 ▸ 从备份恢复…）。</translation>
    </message>
    <message>
        <source>The disk reported an error while reading or writing the database. Nothing was saved; check the disk and try again.</source>
        <translation>读写数据库时磁盘报告了错误。未保存任何内容；请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>The database reported a problem, and nothing was saved: {error}.</source>
        <translation>数据库报告了问题，未保存任何内容：{error}。</translation>
    </message>
    <message>
        <source>{reason} Nothing was saved.</source>
        <translation>{reason} 未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export entries and notes to Markdown</source>
        <translation>将条目和笔记导出为 Markdown</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a data file, or notes edited in an exported vault</source>
        <translation>导入数据文件，或在导出的笔记库中编辑过的笔记</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>officials</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>initiatives</source>
        <translation>倡议</translation>
    </message>
    <message>
        <source>statements</source>
        <translation>发言</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>saved searches</source>
        <translation>已保存的搜索</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>refused to write {file}: {error}</source>
        <translation>拒绝写入 {file}：{error}</translation>
    </message>
    <message>
        <source>could not write {file}: {error}; the files written before it are complete</source>
        <translation>无法写入 {file}：{error}；此前写入的文件都是完整的</translation>
    </message>
    <message>
        <source>could not write into {folder}: {error}</source>
        <translation>无法写入 {folder}：{error}</translation>
    </message>
    <message>
        <source>could not record the export in {file}: {error}</source>
        <translation>无法在 {file} 中记录本次导出：{error}</translation>
    </message>
    <message>
        <source>cannot create the folder {folder}: {error}</source>
        <translation>无法创建文件夹 {folder}：{error}</translation>
    </message>
    <message>
        <source>nothing to write: choose a folder for a vault or a file for a digest</source>
        <translation>没有可写入的目标：请为笔记库选择文件夹，或为汇编选择文件</translation>
    </message>
    <message>
        <source>{folder} is a file; choose a folder for the vault</source>
        <translation>{folder} 是文件；请为笔记库选择文件夹</translation>
    </message>
    <message>
        <source>{target} is a folder; choose a file name for the digest</source>
        <translation>{target} 是文件夹；请为汇编选择文件名</translation>
    </message>
</context>
<context>
    <name>ExportDefaults</name>
    <message>
        <source>[[Wiki links]] (Obsidian, Zettlr, Logseq)</source>
        <translation>[[Wiki 链接]]（Obsidian、Zettlr、Logseq）</translation>
    </message>
    <message>
        <source>Relative Markdown links (any editor, GitHub)</source>
        <translation>相对 Markdown 链接（任何编辑器、GitHub）</translation>
    </message>
    <message>
        <source>Leave them, and write the new version beside each</source>
        <translation>保留原文件，并在旁边写入新版本</translation>
    </message>
    <message>
        <source>Leave them as they are, and list them</source>
        <translation>保持原样，并列出这些文件</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>What</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>Everything: all entries and notes</source>
        <translation>全部：所有条目和笔记</translation>
    </message>
    <message>
        <source>One kind:</source>
        <translation>某一类：</translation>
    </message>
    <message numerus="yes">
        <source>The selected entries (%n)</source>
        <translation>
            <numerusform>选中的条目（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries and notes tagged:</source>
        <translation>带有以下标签的条目和笔记：</translation>
    </message>
    <message>
        <source>the search for “{text}”</source>
        <translation>对“{text}”的搜索</translation>
    </message>
    <message>
        <source>the list filtered by “{text}”</source>
        <translation>按“{text}”筛选的列表</translation>
    </message>
    <message>
        <source>the list as shown</source>
        <translation>当前显示的列表</translation>
    </message>
    <message>
        <source>The current search results ({shown})</source>
        <translation>当前搜索结果（{shown}）</translation>
    </message>
    <message>
        <source>Notes only, each in a file of its own</source>
        <translation>仅笔记，每篇一个文件</translation>
    </message>
    <message>
        <source>As</source>
        <translation>导出形式</translation>
    </message>
    <message>
        <source>A vault: a folder per kind, a file per entry (Obsidian, Zettlr)</source>
        <translation>笔记库：每类一个文件夹，每个条目一个文件（Obsidian、Zettlr）</translation>
    </message>
    <message>
        <source>A digest: one file, a section per entry (for a draft)</source>
        <translation>汇编：单个文件，每个条目一节（便于起草）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Links:</source>
        <translation>链接：</translation>
    </message>
    <message>
        <source>Footnotes quoting each source</source>
        <translation>脚注，引述各来源原文</translation>
    </message>
    <message>
        <source>Pandoc citations [@key], with the sources in references.json beside them</source>
        <translation>Pandoc 引用 [@key]，来源写入旁边的 references.json</translation>
    </message>
    <message>
        <source>Citations:</source>
        <translation>引用：</translation>
    </message>
    <message>
        <source>Files you edited since the last export</source>
        <translation>上次导出后您编辑过的文件</translation>
    </message>
    <message>
        <source>Show the files</source>
        <translation>显示文件</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Write the digest to</source>
        <translation>将汇编写入</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>请选择导出的位置。</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>全部</translation>
    </message>
    <message numerus="yes">
        <source>the %n selected entries</source>
        <translation>
            <numerusform>选中的 %n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>tagged {tag}</source>
        <translation>标签为 {tag}</translation>
    </message>
    <message>
        <source>the current search results</source>
        <translation>当前搜索结果</translation>
    </message>
    <message>
        <source>notes only</source>
        <translation>仅笔记</translation>
    </message>
    <message>
        <source>Kept, as you edited it: {file}</source>
        <translation>已保留（您编辑过）：{file}</translation>
    </message>
    <message>
        <source>You edited {file}; the new version is {beside}</source>
        <translation>您编辑过 {file}；新版本为 {beside}</translation>
    </message>
    <message>
        <source>Removed (the entry was renamed): {file}</source>
        <translation>已删除（条目已改名）：{file}</translation>
    </message>
    <message>
        <source>Note: {problem}</source>
        <translation>注意：{problem}</translation>
    </message>
    <message>
        <source>Exported {entries} and {notes} ({scope}): {files} written, {unchanged} unchanged</source>
        <translation>已导出 {entries}和 {notes}（{scope}）：写入 {files}，{unchanged} 个未变</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n 篇笔记</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n files you edited since the last export left as they are</source>
        <translation>
            <numerusform>，上次导出后您编辑过的 %n 个文件保持原样</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n new versions written beside files you edited</source>
        <translation>
            <numerusform>，在您编辑过的文件旁写入了 %n 个新版本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n sources given a citation key</source>
        <translation>
            <numerusform>；%n 个来源获得了引用键</numerusform>
        </translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n files</source>
        <translation>
            <numerusform>{done} / %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. The files written before are complete; export again to finish.</source>
        <translation>已取消。此前写入的文件都是完整的；再次导出即可完成。</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Links:</source>
        <translation>链接(&amp;L)：</translation>
    </message>
    <message>
        <source>Files you edited since the last export:</source>
        <translation>上次导出后您编辑过的文件：</translation>
    </message>
    <message>
        <source>The Export dialog starts from these, and remembers the folder it last wrote to.</source>
        <translation>“导出”对话框以这些设置为起点，并记住上次写入的文件夹。</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
</context>
<context>
    <name>FactForm</name>
    <message>
        <source>citation {n}</source>
        <translation>引用 {n}</translation>
    </message>
    <message>
        <source>Add Citation</source>
        <translation>添加引用</translation>
    </message>
    <message>
        <source>No citation yet: add the source this comes from.</source>
        <translation>尚无引用：请添加其出处。</translation>
    </message>
    <message>
        <source>Citations</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>The fact in a sentence or two</source>
        <translation>用一两句话写出事实</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>As the source states it</source>
        <translation>按来源的表述</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Member of</source>
        <translation>所属组织</translation>
    </message>
    <message>
        <source>As</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>谁</translation>
    </message>
    <message>
        <source>The words as the source gives them</source>
        <translation>来源所载的原话</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>原话</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>At</source>
        <translation>场合</translation>
    </message>
    <message>
        <source>How the source names the speaker, when it differs</source>
        <translation>来源对发言人的称呼（如有不同）</translation>
    </message>
    <message>
        <source>Speaker as named</source>
        <translation>来源所称发言人</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>Add Fact</source>
        <translation>添加事实</translation>
    </message>
    <message>
        <source>fact {n}</source>
        <translation>事实 {n}</translation>
    </message>
    <message>
        <source>No facts yet.</source>
        <translation>尚无事实。</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Add Title</source>
        <translation>添加职务</translation>
    </message>
    <message>
        <source>title {n}</source>
        <translation>职务 {n}</translation>
    </message>
    <message>
        <source>No titles yet.</source>
        <translation>尚无职务。</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>成员资格</translation>
    </message>
    <message>
        <source>Add Membership</source>
        <translation>添加成员资格</translation>
    </message>
    <message>
        <source>membership {n}</source>
        <translation>成员资格 {n}</translation>
    </message>
    <message>
        <source>No memberships yet.</source>
        <translation>尚无成员资格。</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>Add Participant</source>
        <translation>添加参与者</translation>
    </message>
    <message>
        <source>participant {n}</source>
        <translation>参与者 {n}</translation>
    </message>
    <message>
        <source>No participants yet.</source>
        <translation>尚无参与者。</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Add Party</source>
        <translation>添加参与方</translation>
    </message>
    <message>
        <source>party {n}</source>
        <translation>参与方 {n}</translation>
    </message>
    <message>
        <source>No parties yet.</source>
        <translation>尚无参与方。</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>发言</translation>
    </message>
    <message>
        <source>Add Statement</source>
        <translation>添加发言</translation>
    </message>
    <message>
        <source>statement {n}</source>
        <translation>发言 {n}</translation>
    </message>
    <message>
        <source>No statements yet.</source>
        <translation>尚无发言。</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>{app}: {what} failed</source>
        <translation>{app}：{what}失败</translation>
    </message>
    <message>
        <source>{what} failed.</source>
        <translation>{what}失败。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Something went wrong: {error}.</source>
        <translation>出现问题：{error}。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Official name</source>
        <translation>正式名称</translation>
    </message>
    <message>
        <source>ISO 3166-1 alpha-2</source>
        <translation>ISO 3166-1 二位字母代码</translation>
    </message>
    <message>
        <source>ISO 3166-1 alpha-3</source>
        <translation>ISO 3166-1 三位字母代码</translation>
    </message>
    <message>
        <source>ISO 3166-1 numeric</source>
        <translation>ISO 3166-1 数字代码</translation>
    </message>
    <message>
        <source>Capital</source>
        <translation>首都</translation>
    </message>
    <message>
        <source>Abbreviation</source>
        <translation>缩写</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>隶属于</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Announced at</source>
        <translation>宣布于（活动）</translation>
    </message>
    <message>
        <source>Announced on</source>
        <translation>宣布日期</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布者</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Citation key</source>
        <translation>引用键</translation>
    </message>
    <message>
        <source>DOI</source>
        <translation>DOI</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Archived copy</source>
        <translation>存档副本</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>可靠性</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ISO alpha-2 code</source>
        <translation>ISO 二位字母代码</translation>
    </message>
    <message>
        <source>ISO alpha-3 code</source>
        <translation>ISO 三位字母代码</translation>
    </message>
    <message>
        <source>ISO numeric code</source>
        <translation>ISO 数字代码</translation>
    </message>
    <message>
        <source>Archived text</source>
        <translation>存档文本</translation>
    </message>
    <message>
        <source>Title as stated</source>
        <translation>职务（原文表述）</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>ISO code</source>
        <translation>ISO 代码</translation>
    </message>
    <message>
        <source>ASEAN membership</source>
        <translation>东盟成员资格</translation>
    </message>
    <message>
        <source>Officials</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>倡议</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>标识名</translation>
    </message>
    <message>
        <source>uid</source>
        <translation>唯一标识</translation>
    </message>
    <message>
        <source>Entry kind</source>
        <translation>条目类型</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>Title from</source>
        <translation>职务起始</translation>
    </message>
    <message>
        <source>Title until</source>
        <translation>职务截止</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>not an ordinary file</source>
        <translation>非普通文件</translation>
    </message>
    <message>
        <source>{path} is {what}, not an ordinary file; Roundtable reads only ordinary files.</source>
        <translation>{path} 是{what}，不是普通文件；Roundtable 只读取普通文件。</translation>
    </message>
    <message>
        <source>{path} is larger than {limit} MB, more than Roundtable reads from one file.</source>
        <translation>{path} 大于 {limit} MB，超出 Roundtable 从单个文件读取的上限。</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Reopen the last entry on start</source>
        <translation>启动时重新打开上次查看的条目</translation>
    </message>
    <message>
        <source>Window size, panes and sort orders are always kept.</source>
        <translation>窗口大小、窗格布局和排序方式始终会保留。</translation>
    </message>
</context>
<context>
    <name>GraphLegend</name>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Graph</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Around the current entry</source>
        <translation>围绕当前条目</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>整个资料库</translation>
    </message>
    <message>
        <source>Depth </source>
        <translation>深度 </translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Zoom out (wheel)</source>
        <translation>缩小（滚轮）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in (wheel)</source>
        <translation>放大（滚轮）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>显示整个关系图</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Picture (PNG)…</source>
        <translation>图片（PNG）…</translation>
    </message>
    <message>
        <source>Drawing (SVG)…</source>
        <translation>矢量图（SVG）…</translation>
    </message>
    <message>
        <source>Graph for Gephi (GraphML)…</source>
        <translation>供 Gephi 使用的关系图（GraphML）…</translation>
    </message>
    <message>
        <source>Graph for Gephi (GEXF)…</source>
        <translation>供 Gephi 使用的关系图（GEXF）…</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>所有国家</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>正在布局…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relations</source>
        <translation>
            <numerusform>%n 条关系</numerusform>
        </translation>
    </message>
    <message>
        <source>No entries to show</source>
        <translation>没有可显示的条目</translation>
    </message>
    <message>
        <source>From {start} to {end}</source>
        <translation>自 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Cited: {source}</source>
        <translation>引用：{source}</translation>
    </message>
    <message numerus="yes">
        <source>and %n more citations</source>
        <translation>
            <numerusform>另有 %n 条引文</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n relations</source>
        <translation>
            <numerusform>{name}：%n 条关系</numerusform>
        </translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>GraphML (*.graphml)</source>
        <translation>GraphML (*.graphml)</translation>
    </message>
    <message>
        <source>GEXF (*.gexf)</source>
        <translation>GEXF (*.gexf)</translation>
    </message>
    <message>
        <source>Export the graph</source>
        <translation>导出关系图</translation>
    </message>
    <message>
        <source>Graph not exported</source>
        <translation>关系图未导出</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>Graphs</name>
    <message>
        <source>Graph</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>关系图(&amp;G)</translation>
    </message>
    <message>
        <source>Entries as nodes and their relations as edges</source>
        <translation>以条目为节点、以其关系为连线</translation>
    </message>
</context>
<context>
    <name>Hints</name>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY、YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>two letters, e.g. LA</source>
        <translation>两个字母，如 LA</translation>
    </message>
    <message>
        <source>three letters, e.g. LAO</source>
        <translation>三个字母，如 LAO</translation>
    </message>
    <message>
        <source>three digits, e.g. 418</source>
        <translation>三位数字，如 418</translation>
    </message>
    <message>
        <source>ministry, company, intergovernmental body, …</source>
        <translation>部委、公司、政府间机构……</translation>
    </message>
    <message>
        <source>centre, programme, platform, …</source>
        <translation>中心、项目、平台……</translation>
    </message>
    <message>
        <source>announced, proposed, launched, …</source>
        <translation>已宣布、已提议、已启动……</translation>
    </message>
    <message>
        <source>roundtable, forum, expo, …</source>
        <translation>圆桌会议、论坛、博览会……</translation>
    </message>
    <message>
        <source>news article, government release, …</source>
        <translation>新闻报道、政府发布……</translation>
    </message>
    <message>
        <source>one name a line</source>
        <translation>每行一个名字</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>en, zh-Hans, lo, th…</source>
        <translation>en、zh-Hans、lo、th…</translation>
    </message>
    <message>
        <source>10.1000/xyz, or https://doi.org/…</source>
        <translation>10.1000/xyz，或 https://doi.org/…</translation>
    </message>
    <message>
        <source>given on export when left blank, e.g. smith2024digital</source>
        <translation>留空则在导出时生成，如 smith2024digital</translation>
    </message>
</context>
<context>
    <name>Host</name>
    <message>
        <source>{app}: the backup was not restored</source>
        <translation>{app}：备份未恢复</translation>
    </message>
    <message>
        <source>the check did not finish</source>
        <translation>检查未完成</translation>
    </message>
    <message>
        <source>Roundtable keeps a copy of your library each day in {folder}; File ▸ Restore from backup… brings one back.</source>
        <translation>Roundtable 每天都会把资料库复制一份到 {folder}；用 文件 ▸ 从备份恢复… 即可取回。</translation>
    </message>
    <message>
        <source>Backed up today&apos;s changes to {path}.</source>
        <translation>已将今天的更改备份到 {path}。</translation>
    </message>
    <message>
        <source>The daily backup failed: {reason}</source>
        <translation>每日备份失败：{reason}</translation>
    </message>
    <message>
        <source>{app}: cannot restore</source>
        <translation>{app}：无法恢复</translation>
    </message>
    <message>
        <source>Another program holds this database, or its folder is read-only, so it cannot be replaced. Nothing was changed.</source>
        <translation>另一个程序占用着此数据库，或其文件夹为只读，因此无法替换。未做任何更改。</translation>
    </message>
    <message>
        <source>{reason} Nothing was changed.</source>
        <translation>{reason} 未做任何更改。</translation>
    </message>
    <message>
        <source>{reason} The database was not replaced.</source>
        <translation>{reason} 数据库未被替换。</translation>
    </message>
    <message>
        <source>Restored the backup {name}.</source>
        <translation>已恢复备份 {name}。</translation>
    </message>
    <message>
        <source>Restored the backup {name}. The database it replaced is kept as {kept}.</source>
        <translation>已恢复备份 {name}。被替换的数据库保留为 {kept}。</translation>
    </message>
    <message>
        <source>Setting up your library…</source>
        <translation>正在准备您的资料库…</translation>
    </message>
    <message>
        <source>Bringing your library up to date…</source>
        <translation>正在更新您的资料库…</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>What</source>
        <translation>导入内容</translation>
    </message>
    <message>
        <source>A Roundtable data file (JSON or YAML): entries, notes, sources</source>
        <translation>Roundtable 数据文件（JSON 或 YAML）：条目、笔记、来源</translation>
    </message>
    <message>
        <source>Notes you edited in an exported vault (a folder)</source>
        <translation>在导出的笔记库中编辑过的笔记（一个文件夹）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>A data file is checked completely before anything is written, and written all or nothing. Entries you changed are kept as you have them. Notes brought back from a vault keep their old text as a revision.</source>
        <translation>数据文件在写入前会经过完整检查，要么全部写入，要么完全不写。您改过的条目保持您的版本。从笔记库带回的笔记会把旧文本保留为历史版本。</translation>
    </message>
    <message>
        <source>Notes from the vault in</source>
        <translation>笔记库所在文件夹</translation>
    </message>
    <message>
        <source>Import a data file</source>
        <translation>导入数据文件</translation>
    </message>
    <message>
        <source>Roundtable data (*.json *.yaml *.yml);;All files (*)</source>
        <translation>Roundtable 数据 (*.json *.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose what to import.</source>
        <translation>请选择要导入的内容。</translation>
    </message>
    <message>
        <source>Nothing was imported; nothing was changed:</source>
        <translation>未导入任何内容，也未做任何更改：</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n notes</source>
        <translation>
            <numerusform>{done} / %n 篇笔记</numerusform>
        </translation>
    </message>
    <message>
        <source>{stage}: {percent}%</source>
        <translation>{stage}：{percent}%</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>导入已取消；没有做任何更改。</translation>
    </message>
    <message>
        <source>Updated: {title}</source>
        <translation>已更新：{title}</translation>
    </message>
    <message>
        <source>Not imported: {note}</source>
        <translation>未导入：{note}</translation>
    </message>
    <message>
        <source>Not in this library: {note}</source>
        <translation>不在本资料库中：{note}</translation>
    </message>
    <message>
        <source>Kept yours: {entry}</source>
        <translation>保留了您的版本：{entry}</translation>
    </message>
    <message>
        <source>Attached file not found beside the data file: {file}</source>
        <translation>数据文件旁找不到附件：{file}</translation>
    </message>
    <message numerus="yes">
        <source>Notes from {folder}: %n notes updated, {unchanged} unchanged</source>
        <translation>
            <numerusform>来自 {folder} 的笔记：更新 %n 篇，{unchanged} 篇未变</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not imported because they changed in Roundtable too</source>
        <translation>
            <numerusform>，%n 篇因在 Roundtable 中也有改动而未导入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not in this library</source>
        <translation>
            <numerusform>，%n 篇不在本资料库中</numerusform>
        </translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Imported from {file}: {made}</source>
        <translation>已从 {file} 导入：{made}</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>没有新内容</translation>
    </message>
    <message numerus="yes">
        <source>; %n already present</source>
        <translation>
            <numerusform>；%n 项已存在</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n kept as you have them (they differ from the file)</source>
        <translation>
            <numerusform>；%n 项保持您的版本（与文件不同）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Checking references</source>
        <translation>正在检查引用</translation>
    </message>
    <message>
        <source>Backing up the library</source>
        <translation>正在备份资料库</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>正在写入</translation>
    </message>
    <message>
        <source>Indexing for search and lists</source>
        <translation>正在为搜索和列表建立索引</translation>
    </message>
    <message>
        <source>Copying attached files</source>
        <translation>正在复制附件</translation>
    </message>
    <message>
        <source>the attached files were to come from {folder}, which is not a folder</source>
        <translation>附件应来自 {folder}，但它不是文件夹</translation>
    </message>
    <message>
        <source>{file} cannot be read: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <source>{file} is not the file the data file lists: its bytes do not have the SHA-256 it is named by (it was changed or damaged after the export)</source>
        <translation>{file} 不是数据文件所列的文件：其内容与文件名中的 SHA-256 不符（导出后被改动或损坏）</translation>
    </message>
    <message>
        <source>{file} is {actual} bytes, and the data file lists {size}</source>
        <translation>{file} 大小为 {actual} 字节，而数据文件所列为 {size}</translation>
    </message>
    <message>
        <source>Checking the rows</source>
        <translation>正在检查各行</translation>
    </message>
</context>
<context>
    <name>KeySuggestion</name>
    <message>
        <source>{key} (given on export if left blank)</source>
        <translation>{key}（留空则在导出时生成）</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Official</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>Officials</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>倡议</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>倡议</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Chinese (Simplified)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Chinese (Traditional)</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Lao</source>
        <translation>老挝语</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰语</translation>
    </message>
    <message>
        <source>Khmer</source>
        <translation>高棉语</translation>
    </message>
    <message>
        <source>Burmese</source>
        <translation>缅甸语</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>马来语</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>印度尼西亚语</translation>
    </message>
    <message>
        <source>Filipino</source>
        <translation>菲律宾语</translation>
    </message>
    <message>
        <source>Tetum</source>
        <translation>德顿语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>the Roundtable window</source>
        <translation>Roundtable 窗口</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>{host} 上的进程 {pid}</translation>
    </message>
    <message>
        <source>process {pid}</source>
        <translation>进程 {pid}</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>另一个进程</translation>
    </message>
    <message>
        <source>{who} ({where}, since {time} UTC)</source>
        <translation>{who}（{where}，自 UTC {time} 起）</translation>
    </message>
    <message>
        <source>{who} ({where})</source>
        <translation>{who}（{where}）</translation>
    </message>
    <message>
        <source>another Roundtable process</source>
        <translation>另一个 Roundtable 进程</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Filter the List</source>
        <translation>筛选列表(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Next &amp;Pane</source>
        <translation>下一个窗格(&amp;P)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Pane</source>
        <translation>上一个窗格(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>This entry no longer exists.</source>
        <translation>此条目已不存在。</translation>
    </message>
    <message>
        <source>No entry called “{slug}”.</source>
        <translation>没有名为“{slug}”的条目。</translation>
    </message>
</context>
<context>
    <name>MarkdownImport</name>
    <message>
        <source>Import &amp;Markdown Folder…</source>
        <translation>导入 Markdown 文件夹(&amp;M)…</translation>
    </message>
    <message>
        <source>Import a folder of Markdown notes from Obsidian, Zettlr or another editor</source>
        <translation>导入来自 Obsidian、Zettlr 或其他编辑器的 Markdown 笔记文件夹</translation>
    </message>
    <message>
        <source>Reading the notes</source>
        <translation>正在读取笔记</translation>
    </message>
    <message>
        <source>Backing up the library</source>
        <translation>正在备份资料库</translation>
    </message>
    <message>
        <source>Writing the notes</source>
        <translation>正在写入笔记</translation>
    </message>
    <message>
        <source>a link to a file outside the folder</source>
        <translation>指向文件夹外文件的链接</translation>
    </message>
    <message>
        <source>not UTF-8 text (byte {at})</source>
        <translation>不是 UTF-8 文本（第 {at} 字节）</translation>
    </message>
    <message>
        <source>holds NUL bytes: not text</source>
        <translation>含有空字节：不是文本</translation>
    </message>
    <message>
        <source>written by Roundtable&apos;s export; bring its notes back with import-notes</source>
        <translation>由 Roundtable 的导出生成；请用 roundtable import-notes 导回其中的笔记</translation>
    </message>
    <message>
        <source>{folder} is not a folder</source>
        <translation>{folder} 不是文件夹</translation>
    </message>
    <message>
        <source>{folder} cannot be read: {error}</source>
        <translation>无法读取 {folder}：{error}</translation>
    </message>
</context>
<context>
    <name>MarkdownImportDialog</name>
    <message>
        <source>Import Markdown Folder</source>
        <translation>导入 Markdown 文件夹</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>A folder of .md files, such as an Obsidian vault</source>
        <translation>包含 .md 文件的文件夹，如 Obsidian 笔记库</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Each file becomes a note: on the entry its front matter or its name names, or on its own. Tags come from its front matter and its #tags; [[links]] to entries become links, the others stay as written. Nothing is written until you press Import, and then all or nothing, after a backup. Files imported before are skipped.</source>
        <translation>每个文件成为一篇笔记：归入其前置元数据或文件名所指的条目，否则单独存在。标签取自其前置元数据和 #标签；指向条目的 [[链接]] 成为链接，其余保持原样。在您点击导入之前不会写入任何内容；导入时先备份，然后要么全部写入，要么全不写入。以前导入过的文件会被跳过。</translation>
    </message>
    <message>
        <source>Import the notes in</source>
        <translation>导入此文件夹中的笔记</translation>
    </message>
    <message>
        <source>Choose a folder of Markdown notes.</source>
        <translation>请选择 Markdown 笔记文件夹。</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>{stage}: {percent}%</source>
        <translation>{stage}：{percent}%</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>导入已取消；未做任何更改。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message numerus="yes">
        <source>%n notes to create</source>
        <translation>
            <numerusform>将创建 %n 篇笔记</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes created</source>
        <translation>
            <numerusform>已创建 %n 篇笔记</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n on entries)</source>
        <translation>
            <numerusform>（其中 %n 篇归入条目）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n imported before</source>
        <translation>
            <numerusform>，%n 篇此前已导入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n links to entries</source>
        <translation>
            <numerusform>；%n 处链接指向条目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n left as written</source>
        <translation>
            <numerusform>，%n 处保持原样</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n files skipped</source>
        <translation>
            <numerusform>；跳过 %n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n attachments left alone</source>
        <translation>
            <numerusform>；%n 个附件未处理</numerusform>
        </translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Backed up first: {file}</source>
        <translation>已先备份：{file}</translation>
    </message>
    <message>
        <source>Skipped {file}: {reason}</source>
        <translation>已跳过 {file}：{reason}</translation>
    </message>
    <message>
        <source>Left as written in {file}: {link}</source>
        <translation>{file} 中保持原样：{link}</translation>
    </message>
    <message>
        <source>Tag left out in {file}: {reason}</source>
        <translation>{file} 中略去的标签：{reason}</translation>
    </message>
    <message>
        <source>Attachment left alone: {file}</source>
        <translation>未处理的附件：{file}</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>Choose at least two different entries to merge.</source>
        <translation>请至少选择两个不同的条目进行合并。</translation>
    </message>
    <message>
        <source>One of these entries no longer exists; nothing was merged.</source>
        <translation>其中一个条目已不存在；未合并任何内容。</translation>
    </message>
    <message>
        <source>“{name}” is in the Trash; restore it before merging it.</source>
        <translation>“{name}”在回收站中；请先恢复再合并。</translation>
    </message>
    <message>
        <source>Only entries of one kind can be merged: these are {kinds}.</source>
        <translation>只能合并同一类型的条目：这些条目分别是{kinds}。</translation>
    </message>
    <message>
        <source>The entry to keep must be one of those merged.</source>
        <translation>要保留的条目必须是被合并的条目之一。</translation>
    </message>
    <message>
        <source>A value to keep must come from one of the entries merged.</source>
        <translation>要保留的值必须来自被合并的条目之一。</translation>
    </message>
    <message>
        <source>The entries merged have changed since (one was deleted for good?), so the merge cannot be undone or redone.</source>
        <translation>被合并的条目此后已有改动（其中一个已被永久删除？），因此无法撤销或重做此次合并。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge {kind}</source>
        <translation>合并{kind}</translation>
    </message>
    <message>
        <source>Choose the entry to keep and, in each row, the value it keeps. The others&apos; names become its other names; their facts, titles, citations, notes and tags move to it, and they go to the Trash. Undo puts everything back.</source>
        <translation>请选择要保留的条目，并在每一行选择它保留的值。其他条目的名称将成为它的其他名称；它们的事实、职务、引文、笔记和标签都移到它名下，而它们本身移到回收站。撤销可将一切还原。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep “{name}”</source>
        <translation>保留“{name}”</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}：{value}</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Into “{kept}”: {moved}.</source>
        <translation>并入“{kept}”：{moved}。</translation>
    </message>
    <message>
        <source>their names only</source>
        <translation>仅它们的名称</translation>
    </message>
    <message>
        <source>To the Trash: {names}.</source>
        <translation>移到回收站：{names}。</translation>
    </message>
    <message numerus="yes">
        <source>%n other names</source>
        <translation>
            <numerusform>%n 个其他名称</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n facts</source>
        <translation>
            <numerusform>%n 条事实</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n titles</source>
        <translation>
            <numerusform>%n 个职务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n memberships</source>
        <translation>
            <numerusform>%n 项成员资格</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participants</source>
        <translation>
            <numerusform>%n 位参与者</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parties</source>
        <translation>
            <numerusform>%n 个参与方</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n statements</source>
        <translation>
            <numerusform>%n 条发言</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n citations</source>
        <translation>
            <numerusform>%n 条引文</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n citations of it as a source</source>
        <translation>
            <numerusform>%n 条以它为来源的引文</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n 篇笔记</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mentions in notes</source>
        <translation>
            <numerusform>笔记中的 %n 处提及</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tags</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n references from other entries</source>
        <translation>
            <numerusform>%n 处来自其他条目的引用</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Merging</name>
    <message>
        <source>Possible duplicates</source>
        <translation>可能的重复项</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>Join entries that are one and the same into one</source>
        <translation>将实为同一对象的多个条目合并为一个</translation>
    </message>
    <message>
        <source>Cannot merge</source>
        <translation>无法合并</translation>
    </message>
    <message>
        <source>Merging into “{name}”…</source>
        <translation>正在合并到“{name}”…</translation>
    </message>
    <message>
        <source>Merge into “{name}”</source>
        <translation>合并到“{name}”</translation>
    </message>
    <message>
        <source>Redoing the merge into “{name}”…</source>
        <translation>正在重做合并到“{name}”…</translation>
    </message>
    <message>
        <source>Undoing the merge into “{name}”…</source>
        <translation>正在撤销合并到“{name}”…</translation>
    </message>
    <message>
        <source>Redone: {step}</source>
        <translation>已重做：{step}</translation>
    </message>
    <message>
        <source>Undone: {step}</source>
        <translation>已撤销：{step}</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>未做任何更改</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note on</source>
        <translation>笔记所属</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tags, separated by commas (policy/ethics nests under policy)</source>
        <translation>标签，用逗号分隔（policy/ethics 归在 policy 之下）</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>笔记正文</translation>
    </message>
    <message>
        <source>Write in Markdown. Type [[ to link an entry.</source>
        <translation>用 Markdown 书写。输入 [[ 可链接条目。</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Only the text</source>
        <translation>只显示正文</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分栏</translation>
    </message>
    <message>
        <source>The text and its preview side by side</source>
        <translation>正文与预览并排显示</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Only the rendered note</source>
        <translation>只显示渲染后的笔记</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>保存状态</translation>
    </message>
    <message>
        <source>[[{text}]] links to {name}</source>
        <translation>[[{text}]] 链接到 {name}</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>已于 {time} 保存</translation>
    </message>
    <message>
        <source>No note open.</source>
        <translation>没有打开的笔记。</translation>
    </message>
    <message>
        <source>On {entry} ({kind})</source>
        <translation>关于 {entry}（{kind}）</translation>
    </message>
    <message>
        <source>Standalone note</source>
        <translation>独立笔记</translation>
    </message>
    <message>
        <source>created {time}</source>
        <translation>创建于 {time}</translation>
    </message>
    <message>
        <source>Title: {first}</source>
        <translation>标题：{first}</translation>
    </message>
    <message>
        <source>Title (the first line, if left empty)</source>
        <translation>标题（留空则取第一行）</translation>
    </message>
    <message>
        <source>Tags not saved: {reason}</source>
        <translation>标签未保存：{reason}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not saved.&lt;/b&gt; {reason}</source>
        <translation>&lt;b&gt;未保存。&lt;/b&gt;{reason}</translation>
    </message>
    <message>
        <source>Your text is kept here; saving is retried every few seconds.</source>
        <translation>您的文字仍保留在这里；每隔几秒会重试保存。</translation>
    </message>
</context>
<context>
    <name>NotePreview</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>No entry called “{target}”</source>
        <translation>没有名为“{target}”的条目</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>[image: {alt}]</source>
        <translation>[图片：{alt}]</translation>
    </message>
</context>
<context>
    <name>NotesFeature</name>
    <message>
        <source>Your work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>笔记(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <source>New Note</source>
        <translation>新建笔记</translation>
    </message>
    <message>
        <source>A new standalone note (Ctrl+Alt+N)</source>
        <translation>新建独立笔记（Ctrl+Alt+N）</translation>
    </message>
    <message>
        <source>Move Note to Trash</source>
        <translation>将笔记移到回收站</translation>
    </message>
    <message>
        <source>Nothing carries the tag “{tag}” any more.</source>
        <translation>已没有内容带有标签“{tag}”。</translation>
    </message>
    <message>
        <source>it cannot be changed now</source>
        <translation>目前无法更改</translation>
    </message>
    <message>
        <source>No entry is called “{name}”, and none can be created: the database is open for reading only ({reason}).</source>
        <translation>没有名为“{name}”的条目，也无法新建：数据库以只读方式打开（{reason}）。</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Store typing within:</source>
        <translation>输入后保存时限(&amp;S)：</translation>
    </message>
    <message>
        <source>Notes are stored this long after your last keystroke at the latest, and at least this often while you keep typing; always at once when you leave a note or the window. A crash loses at most this much typing.</source>
        <translation>笔记最迟在您最后一次按键后这么久保存；持续输入时，至少每隔这么久保存一次；离开笔记或窗口时立即保存。程序崩溃时，最多丢失这段时间内输入的内容。</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes on this entry</source>
        <translation>本条目的笔记</translation>
    </message>
    <message>
        <source>Notes mentioning this entry</source>
        <translation>提及本条目的笔记</translation>
    </message>
    <message>
        <source>Standalone notes</source>
        <translation>独立笔记</translation>
    </message>
    <message>
        <source>All notes</source>
        <translation>全部笔记</translation>
    </message>
    <message>
        <source>Which notes</source>
        <translation>显示哪些笔记</translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation>筛选笔记</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>新建笔记</translation>
    </message>
    <message>
        <source>New standalone note</source>
        <translation>新建独立笔记</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>A new note on {entry}</source>
        <translation>为 {entry} 写新笔记</translation>
    </message>
    <message>
        <source>Open an entry first</source>
        <translation>请先打开一个条目</translation>
    </message>
    <message>
        <source>The open note is not saved yet, so it stays open.</source>
        <translation>当前笔记尚未保存，因此保持打开。</translation>
    </message>
    <message>
        <source>it cannot be changed now</source>
        <translation>目前无法更改</translation>
    </message>
    <message>
        <source>{what} is not possible: the database is open for reading only ({reason}).</source>
        <translation>无法{what}：数据库以只读方式打开（{reason}）。</translation>
    </message>
    <message>
        <source>Writing a new note</source>
        <translation>写新笔记</translation>
    </message>
    <message>
        <source>Open an entry first: a new note is written on the entry shown.</source>
        <translation>请先打开一个条目：新笔记会写在当前显示的条目上。</translation>
    </message>
    <message>
        <source>The open note is not saved yet; a new one is not started until it is.</source>
        <translation>当前笔记尚未保存；保存之前不会新建笔记。</translation>
    </message>
    <message>
        <source>The note could not be created: {reason}</source>
        <translation>无法新建笔记：{reason}</translation>
    </message>
    <message>
        <source>Moving a note to the Trash</source>
        <translation>将笔记移到回收站</translation>
    </message>
    <message>
        <source>The note could not be moved to the Trash: {reason}</source>
        <translation>无法将笔记移到回收站：{reason}</translation>
    </message>
    <message>
        <source>untitled note</source>
        <translation>无标题笔记</translation>
    </message>
    <message>
        <source>Moved “{title}” to the Trash (Ctrl+Z brings it back).</source>
        <translation>已将“{title}”移到回收站（按 Ctrl+Z 可找回）。</translation>
    </message>
    <message>
        <source>Restoring a note</source>
        <translation>恢复笔记</translation>
    </message>
    <message>
        <source>The note could not be restored: {reason}</source>
        <translation>无法恢复笔记：{reason}</translation>
    </message>
    <message>
        <source>Restored “{title}”.</source>
        <translation>已恢复“{title}”。</translation>
    </message>
    <message>
        <source>the note&apos;s text could not be stored</source>
        <translation>笔记正文无法保存</translation>
    </message>
    <message>
        <source>Cannot undo or redo</source>
        <translation>无法撤销或重做</translation>
    </message>
    <message>
        <source>Restored an earlier version; the text it replaced is in the history (Ctrl+Z undoes).</source>
        <translation>已恢复较早的版本；被替换的文字保存在历史版本中（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <source>That version could not be restored.</source>
        <translation>无法恢复该版本。</translation>
    </message>
    <message>
        <source>Your note is not saved</source>
        <translation>您的笔记尚未保存</translation>
    </message>
    <message>
        <source>The open note could not be saved:

{reason}

If you close now, what you wrote since the last save is lost. Cancel to keep the window open (copy the text elsewhere if the problem persists).</source>
        <translation>当前笔记无法保存：

{reason}

如果现在关闭，上次保存之后写的内容将会丢失。点击“取消”可保持窗口打开（如果问题持续存在，请把文字复制到别处）。</translation>
    </message>
    <message>
        <source>the database cannot be written.</source>
        <translation>数据库无法写入。</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>笔记(&amp;N)</translation>
    </message>
    <message>
        <source>New &amp;note on this entry</source>
        <translation>为本条目新建笔记(&amp;N)</translation>
    </message>
    <message>
        <source>New &amp;standalone note</source>
        <translation>新建独立笔记(&amp;S)</translation>
    </message>
    <message>
        <source>Note &amp;history</source>
        <translation>笔记历史版本(&amp;H)</translation>
    </message>
    <message>
        <source>Move the note to the &amp;Trash</source>
        <translation>将笔记移到回收站(&amp;T)</translation>
    </message>
    <message>
        <source>Show the notes &amp;panel</source>
        <translation>显示笔记面板(&amp;P)</translation>
    </message>
</context>
<context>
    <name>NotesTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Standalone</source>
        <translation>独立笔记</translation>
    </message>
</context>
<context>
    <name>NotesTrash</name>
    <message>
        <source>Notes in the Trash</source>
        <translation>回收站中的笔记</translation>
    </message>
    <message>
        <source>Note in the Trash</source>
        <translation>回收站中的笔记</translation>
    </message>
    <message>
        <source>Choose a note to read it here.</source>
        <translation>选择一篇笔记，在这里阅读。</translation>
    </message>
    <message>
        <source>The note could not be deleted: {reason}</source>
        <translation>无法删除笔记：{reason}</translation>
    </message>
    <message>
        <source>Deleted the note “{title}” permanently.</source>
        <translation>已永久删除笔记“{title}”。</translation>
    </message>
    <message>
        <source>Delete Permanently?</source>
        <translation>永久删除？</translation>
    </message>
    <message>
        <source>Delete the note “{title}” permanently?</source>
        <translation>要永久删除笔记“{title}”吗？</translation>
    </message>
    <message>
        <source>Its text and its history are deleted with it. This cannot be undone.</source>
        <translation>其正文和历史版本会一并删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete Permanently</source>
        <translation>永久删除</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>Last updated</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation>筛选笔记</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>&amp;Sort by:</source>
        <translation>排序方式(&amp;S)：</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>All notes</source>
        <translation>全部笔记</translation>
    </message>
    <message>
        <source>Notes shown</source>
        <translation>显示的笔记</translation>
    </message>
    <message>
        <source>New standalone note</source>
        <translation>新建独立笔记</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <source>Z to A</source>
        <translation>Z 到 A</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>最早的在前</translation>
    </message>
    <message>
        <source>A to Z</source>
        <translation>A 到 Z</translation>
    </message>
    <message>
        <source>The notes could not be read: {reason}</source>
        <translation>无法读取笔记：{reason}</translation>
    </message>
    <message>
        <source>Counting notes…</source>
        <translation>正在统计笔记…</translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n 篇笔记</numerusform>
        </translation>
    </message>
    <message>
        <source>{notes} tagged “{tag}”</source>
        <translation>{notes}，标签为“{tag}”</translation>
    </message>
    <message>
        <source>{notes} matching “{words}”</source>
        <translation>{notes}，与“{words}”匹配</translation>
    </message>
</context>
<context>
    <name>Opening</name>
    <message>
        <source>{path} is a folder, not a Roundtable database file.</source>
        <translation>{path} 是文件夹，不是 Roundtable 数据库文件。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {error}.</source>
        <translation>无法读取 {path}：{error}。</translation>
    </message>
    <message>
        <source>{path} is an empty file, not a Roundtable database.</source>
        <translation>{path} 是空文件，不是 Roundtable 数据库。</translation>
    </message>
    <message>
        <source>{path} is not a Roundtable database (it is not an SQLite file).</source>
        <translation>{path} 不是 Roundtable 数据库（它不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>{path} cannot be opened: {error}.</source>
        <translation>无法打开 {path}：{error}。</translation>
    </message>
    <message>
        <source>{path} is damaged or not a database ({error}).</source>
        <translation>{path} 已损坏或不是数据库（{error}）。</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>another program is holding it</source>
        <translation>另一个程序正占用它</translation>
    </message>
    <message>
        <source>it is read-only</source>
        <translation>它是只读的</translation>
    </message>
    <message>
        <source>the disk reported an error; it may be full or failing</source>
        <translation>磁盘报告了错误，可能已满或出现故障</translation>
    </message>
    <message>
        <source>{path} cannot be read right now ({error}): {why}.</source>
        <translation>目前无法读取 {path}（{error}）：{why}。</translation>
    </message>
    <message>
        <source>{path} is a damaged Roundtable database: its table {table} is missing.</source>
        <translation>{path} 是一个已损坏的 Roundtable 数据库：缺少数据表 {table}。</translation>
    </message>
    <message>
        <source>{path} is an SQLite database of another application (application id {id}), not a Roundtable database.</source>
        <translation>{path} 是其他应用程序的 SQLite 数据库（应用程序 ID {id}），不是 Roundtable 数据库。</translation>
    </message>
    <message>
        <source>{path} is a damaged Roundtable database: its schema revision is missing.</source>
        <translation>{path} 是已损坏的 Roundtable 数据库：缺少架构版本。</translation>
    </message>
    <message>
        <source>a newer Roundtable</source>
        <translation>较新版本的 Roundtable</translation>
    </message>
    <message>
        <source>{path} was written by {writer} (schema revision {revision}); this is Roundtable {version} (schema revision {head}), which cannot open it. Update Roundtable to use this file; it has not been changed.</source>
        <translation>{path} 由{writer}写入（架构版本 {revision}）；当前为 Roundtable {version}（架构版本 {head}），无法打开它。请升级 Roundtable 以使用此文件；文件未被更改。</translation>
    </message>
    <message>
        <source>{name} is open read-only: {reason}</source>
        <translation>{name} 以只读方式打开：{reason}</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{path} must be brought up to date by Roundtable before it can be read, and it is open read-only ({reason}).</source>
        <translation>{path} 须先由 Roundtable 升级才能读取，而它以只读方式打开（{reason}）。</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder}: {error}.</source>
        <translation>无法创建文件夹 {folder}：{error}。</translation>
    </message>
    <message>
        <source>{path} is damaged ({problem}), so it was not brought up to date.</source>
        <translation>{path} 已损坏（{problem}），因此未升级。</translation>
    </message>
    <message>
        <source>This database is on a network share ({network}). SQLite cannot lock files reliably there: two computers using it at once can damage it. Keep it on this computer&apos;s own disk and back it up to the share instead.</source>
        <translation>此数据库位于网络共享（{network}）上。SQLite 无法在那里可靠地锁定文件：两台计算机同时使用可能会损坏它。请把它放在本机自己的磁盘上，改为备份到共享位置。</translation>
    </message>
    <message>
        <source>This database is in a folder that {cloud} synchronises. A sync client can copy the file while Roundtable is writing it, or replace it with another computer&apos;s copy, and damage it. Keep it outside the synced folder; Roundtable&apos;s backups can go there.</source>
        <translation>此数据库位于由 {cloud} 同步的文件夹中。同步客户端可能在 Roundtable 写入时复制该文件，或用另一台计算机上的副本替换它，从而造成损坏。请把它放在同步文件夹之外；Roundtable 的备份可以放在那里。</translation>
    </message>
    <message>
        <source>the folder {folder} cannot be written to ({error})</source>
        <translation>文件夹 {folder} 无法写入（{error}）</translation>
    </message>
    <message>
        <source>the file cannot be written to ({error})</source>
        <translation>文件无法写入（{error}）</translation>
    </message>
    <message>
        <source>create a new database there</source>
        <translation>在那里新建数据库</translation>
    </message>
    <message>
        <source>set up the empty database there</source>
        <translation>在那里初始化空数据库</translation>
    </message>
    <message>
        <source>bring this database (written by an older Roundtable) up to date</source>
        <translation>升级此数据库（由旧版 Roundtable 写入）</translation>
    </message>
    <message>
        <source>Roundtable cannot write here</source>
        <translation>Roundtable 无法在此处写入</translation>
    </message>
    <message>
        <source>Roundtable needs to {doing}, but {reason}. Nothing was changed. Choose another file, or make the folder writable and try again.</source>
        <translation>Roundtable 需要{doing}，但{reason}。未做任何更改。请选择其他文件，或让该文件夹可写后重试。</translation>
    </message>
    <message>
        <source>{path} is damaged: reading it failed ({error}).</source>
        <translation>{path} 已损坏：读取失败（{error}）。</translation>
    </message>
    <message>
        <source>You can restore one of its backups (the damaged file is kept), open it read-only to read or copy what is still there, or open another file.</source>
        <translation>您可以恢复它的某个备份（损坏的文件会保留），以只读方式打开它来阅读或复制尚存的内容，或者打开其他文件。</translation>
    </message>
    <message>
        <source>You can restore one of its backups (the damaged file is kept) or open another file.</source>
        <translation>您可以恢复它的某个备份（损坏的文件会保留），或者打开其他文件。</translation>
    </message>
    <message>
        <source>You can open it read-only to read or copy what is still there, or open another file.</source>
        <translation>您可以以只读方式打开它来阅读或复制尚存的内容，或者打开其他文件。</translation>
    </message>
    <message>
        <source>You can open another file.</source>
        <translation>您可以打开其他文件。</translation>
    </message>
    <message>
        <source>This database is damaged</source>
        <translation>此数据库已损坏</translation>
    </message>
    <message>
        <source>{refused} Roundtable has not written anything to it. {ways}</source>
        <translation>{refused} Roundtable 没有向它写入任何内容。{ways}</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <source>This database needs a newer Roundtable</source>
        <translation>此数据库需要较新版本的 Roundtable</translation>
    </message>
    <message>
        <source>This database cannot be read</source>
        <translation>无法读取此数据库</translation>
    </message>
    <message>
        <source>{refused} Roundtable has not written anything to it. Free some space or check the disk, then try again.</source>
        <translation>{refused} Roundtable 没有向它写入任何内容。请腾出一些空间或检查磁盘，然后重试。</translation>
    </message>
    <message>
        <source>This is not a Roundtable database</source>
        <translation>这不是 Roundtable 数据库</translation>
    </message>
    <message>
        <source>{refused} Roundtable has not written anything to it. Choose a Roundtable database, or a new file name to start one.</source>
        <translation>{refused} Roundtable 没有向它写入任何内容。请选择一个 Roundtable 数据库，或输入新文件名来新建一个。</translation>
    </message>
    <message>
        <source>{name} is being changed by {who}. Only one program may change it at a time. You can open it read-only now, or try again when the other program has finished.</source>
        <translation>{who}正在更改 {name}。同一时间只能有一个程序更改它。您可以现在以只读方式打开它，或等另一个程序结束后重试。</translation>
    </message>
    <message>
        <source>{name} is being changed by {who}. Only one program may change it at a time. You can try again when the other program has finished.</source>
        <translation>{who}正在更改 {name}。同一时间只能有一个程序更改它。您可以等另一个程序结束后重试。</translation>
    </message>
    <message>
        <source>This database is in use</source>
        <translation>此数据库正在使用中</translation>
    </message>
    <message>
        <source>{who} is changing it</source>
        <translation>{who}正在更改它</translation>
    </message>
    <message>
        <source>{first} (and {more} more problems)</source>
        <translation>{first}（另有 {more} 个问题）</translation>
    </message>
    <message>
        <source>The check at start-up found damage in {name}: {found}. To keep the damage from spreading, Roundtable will not write to it; it stays open for reading. Restore a backup to continue working (the damaged file is kept). Help ▸ Check database gives the details.</source>
        <translation>启动时的检查发现 {name} 已损坏：{found}。为防止损坏扩散，Roundtable 不会再写入它；它保持只读打开。请恢复备份以继续工作（损坏的文件会保留）。“帮助 ▸ 检查数据库”可查看详情。</translation>
    </message>
    <message>
        <source>The check at start-up found damage in {name}: {found}. To keep the damage from spreading, Roundtable will not write to it; it stays open for reading. Help ▸ Check database gives the details.</source>
        <translation>启动时的检查发现 {name} 已损坏：{found}。为防止损坏扩散，Roundtable 不会再写入它；它保持只读打开。“帮助 ▸ 检查数据库”可查看详情。</translation>
    </message>
    <message>
        <source>the start-up check found damage in the file</source>
        <translation>启动检查发现文件已损坏</translation>
    </message>
    <message>
        <source>{name} failed its start-up check, so nothing is written to it.</source>
        <translation>{name} 未通过启动检查，因此不会向它写入任何内容。</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>Paste Text for “{name}”</source>
        <translation>为“{name}”粘贴正文</translation>
    </message>
    <message>
        <source>This text replaces the source&apos;s text; Undo brings the text it had back.</source>
        <translation>此文本将替换来源的正文；撤销可恢复原来的正文。</translation>
    </message>
    <message>
        <source>Paste the source&apos;s text: a blank line between paragraphs.</source>
        <translation>粘贴来源的正文：段落之间空一行。</translation>
    </message>
    <message>
        <source>Source text</source>
        <translation>来源正文</translation>
    </message>
    <message>
        <source>Paste the text here (Ctrl+V)</source>
        <translation>在此粘贴正文（Ctrl+V）</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the entry, note or view on screen</source>
        <translation>打印屏幕上的条目、笔记或视图</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the entry, note or view on screen as a PDF file</source>
        <translation>将屏幕上的条目、笔记或视图保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Notes digest</source>
        <translation>笔记汇编</translation>
    </message>
    <message>
        <source>The page could not be drawn.</source>
        <translation>无法绘制该页面。</translation>
    </message>
    <message>
        <source>Nothing to print: open an entry, a note or a view first.</source>
        <translation>没有可打印的内容：请先打开一个条目、笔记或视图。</translation>
    </message>
    <message>
        <source>Print “{title}”</source>
        <translation>打印“{title}”</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation>PDF 未保存</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>Read-only notice</source>
        <translation>只读提示</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <source>it cannot be changed now</source>
        <translation>目前无法更改</translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; This database is open for reading only: {reason}. Nothing you do here can change it.</source>
        <translation>&lt;b&gt;只读。&lt;/b&gt;此数据库以只读方式打开：{reason}。您在这里的任何操作都不会更改它。</translation>
    </message>
</context>
<context>
    <name>ReaderText</name>
    <message>
        <source>p. {page}, ¶ {number}</source>
        <translation>第 {page} 页，第 {number} 段</translation>
    </message>
    <message>
        <source>¶ {number}</source>
        <translation>第 {number} 段</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>打开其他文件…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keep it open read-only</source>
        <translation>保持只读打开</translation>
    </message>
    <message>
        <source>Open or create a Roundtable database</source>
        <translation>打开或新建 Roundtable 数据库</translation>
    </message>
    <message>
        <source>Roundtable databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Roundtable 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{app}: where this database is</source>
        <translation>{app}：此数据库的位置</translation>
    </message>
    <message>
        <source>This is said once for this file.</source>
        <translation>对每个文件只提示一次。</translation>
    </message>
</context>
<context>
    <name>Related</name>
    <message>
        <source>Officials</source>
        <translation>官员</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>下属机构</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>倡议</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>Announced here</source>
        <translation>在此宣布</translation>
    </message>
    <message>
        <source>Events within</source>
        <translation>下设活动</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
</context>
<context>
    <name>Relations</name>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Member of</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Party to</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Participant in</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>隶属</translation>
    </message>
    <message>
        <source>Cited by</source>
        <translation>被引用</translation>
    </message>
    <message>
        <source>Mentioned in</source>
        <translation>被提及</translation>
    </message>
</context>
<context>
    <name>Reliability</name>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>未核实</translation>
    </message>
</context>
<context>
    <name>RevisionListModel</name>
    <message>
        <source>Current · {time}</source>
        <translation>当前 · {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevisionsPanel</name>
    <message>
        <source>Revisions</source>
        <translation>历史版本</translation>
    </message>
    <message>
        <source>Revision preview</source>
        <translation>历史版本预览</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>Restoring keeps the current text in the history; Ctrl+Z in the editor undoes it.</source>
        <translation>恢复时会把当前文字保存在历史版本中；在编辑器中按 Ctrl+Z 可撤销。</translation>
    </message>
</context>
<context>
    <name>Row</name>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove {row}</source>
        <translation>移除{row}</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>{action} ({key})</source>
        <translation>{action}（{key}）</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
</context>
<context>
    <name>SavedSearchList</name>
    <message>
        <source>Saved searches</source>
        <translation>已保存的搜索</translation>
    </message>
    <message>
        <source>None yet: search (Ctrl+K), then “Save search…”.</source>
        <translation>暂无：先搜索（Ctrl+K），再点“保存搜索…”。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete saved search</source>
        <translation>删除已保存的搜索</translation>
    </message>
    <message>
        <source>Delete the saved search “{name}”? The entries stay.</source>
        <translation>要删除已保存的搜索“{name}”吗？条目不受影响。</translation>
    </message>
</context>
<context>
    <name>Scripts</name>
    <message>
        <source>Simplified Chinese</source>
        <translation>简体汉字</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁体汉字</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>拉丁字母</translation>
    </message>
    <message>
        <source>Lao script</source>
        <translation>老挝文</translation>
    </message>
    <message>
        <source>Thai script</source>
        <translation>泰文</translation>
    </message>
    <message>
        <source>Khmer script</source>
        <translation>高棉文</translation>
    </message>
    <message>
        <source>Myanmar script</source>
        <translation>缅甸文</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>A saved search needs a name.</source>
        <translation>已保存的搜索需要一个名称。</translation>
    </message>
    <message>
        <source>There is nothing to save: the search box is empty.</source>
        <translation>没有可保存的内容：搜索框是空的。</translation>
    </message>
    <message>
        <source>This search cannot be saved: {reason}.</source>
        <translation>无法保存此搜索：{reason}。</translation>
    </message>
    <message>
        <source>A saved search is already called “{name}”.</source>
        <translation>已有一个名为“{name}”的已保存搜索。</translation>
    </message>
    <message>
        <source>unknown kind &apos;{word}&apos;; choose one of: {choices}, note</source>
        <translation>未知类型“{word}”；请从以下选择：{choices}、note</translation>
    </message>
    <message>
        <source>no country is called &apos;{value}&apos;; use its ISO code (LA) or its name (Laos)</source>
        <translation>没有名为“{value}”的国家；请使用其 ISO 代码（LA）或名称（Laos）</translation>
    </message>
    <message>
        <source>no tag is called &apos;{value}&apos;</source>
        <translation>没有名为“{value}”的标签</translation>
    </message>
    <message>
        <source>no source has the address or slug &apos;{value}&apos;</source>
        <translation>没有网址或标识名为“{value}”的来源</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search everything</source>
        <translation>全局搜索</translation>
    </message>
    <message>
        <source>Search everything  (Ctrl+K)</source>
        <translation>全局搜索  (Ctrl+K)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”.</source>
        <translation>没有找到与“{text}”相关的内容。</translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <source>&amp;Search everything…</source>
        <translation>全局搜索(&amp;S)…</translation>
    </message>
    <message>
        <source>Search &amp;syntax</source>
        <translation>搜索语法(&amp;S)</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <source>Save “{query}” as:</source>
        <translation>将“{query}”保存为：</translation>
    </message>
    <message>
        <source>{problem} Replace it?</source>
        <translation>{problem}要替换它吗？</translation>
    </message>
    <message>
        <source>Saved the search as “{name}”.</source>
        <translation>已将搜索保存为“{name}”。</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>搜索语法</translation>
    </message>
</context>
<context>
    <name>SearchFields</name>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>other name</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>abbreviation</source>
        <translation>缩写</translation>
    </message>
    <message>
        <source>official name</source>
        <translation>正式名称</translation>
    </message>
    <message>
        <source>note title</source>
        <translation>笔记标题</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>fact</source>
        <translation>事实</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>发言</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>引语</translation>
    </message>
    <message>
        <source>capital</source>
        <translation>首都</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>source text</source>
        <translation>来源文本</translation>
    </message>
    <message>
        <source>note</source>
        <translation>笔记</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>搜索状态</translation>
    </message>
    <message>
        <source>↑ ↓ move · Enter opens · Esc goes back</source>
        <translation>↑ ↓ 移动 · Enter 打开 · Esc 返回</translation>
    </message>
    <message>
        <source>Save search…</source>
        <translation>保存搜索…</translation>
    </message>
    <message>
        <source>Syntax</source>
        <translation>语法</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>More in {group}…</source>
        <translation>{group}中的更多结果…</translation>
    </message>
    <message>
        <source>· on {entry}</source>
        <translation>· 关于 {entry}</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Found in: {field}. Enter opens it.</source>
        <translation>匹配位置：{field}。按 Enter 打开。</translation>
    </message>
</context>
<context>
    <name>SearchRunner</name>
    <message>
        <source>The search failed: {reason}</source>
        <translation>搜索失败：{reason}</translation>
    </message>
</context>
<context>
    <name>SearchSyntax</name>
    <message>
        <source>&lt;b&gt;Search everything&lt;/b&gt;: names and aliases in every script, titles, summaries, facts, statements, quotes, source texts and notes. Accents and case do not matter; Chinese, Thai, Lao, Khmer and Burmese are found from one character on.</source>
        <translation>&lt;b&gt;全局搜索&lt;/b&gt;：各种文字的名称和别名、职务、摘要、事实、发言、引语、来源文本和笔记。不区分重音符号和大小写；中文、泰文、老挝文、高棉文和缅甸文从单个字符起即可搜索。</translation>
    </message>
    <message>
        <source>Everything you write must hold. ↑ ↓ move, Enter opens, Esc goes back.</source>
        <translation>输入的所有条件须同时满足。↑ ↓ 移动，Enter 打开，Esc 返回。</translation>
    </message>
    <message>
        <source>both words, in any order, in the same text</source>
        <translation>同一段文本中同时包含两个词，顺序不限</translation>
    </message>
    <message>
        <source>the exact phrase</source>
        <translation>完全一致的短语</translation>
    </message>
    <message>
        <source>leave out texts that contain ASEAN</source>
        <translation>排除包含 ASEAN 的文本</translation>
    </message>
    <message>
        <source>only one kind: official, country, organization, initiative, event, source, note</source>
        <translation>只搜索一类：official（官员）、country（国家）、organization（组织）、initiative（倡议）、event（活动）、source（来源）、note（笔记）</translation>
    </message>
    <message>
        <source>about one country: its ISO code or its name</source>
        <translation>与某个国家相关：用其 ISO 代码或名称</translation>
    </message>
    <message>
        <source>tagged policy/ethics, or with a tag nested under it</source>
        <translation>带有 policy/ethics 标签或其下级标签</translation>
    </message>
    <message>
        <source>from one source: a domain of its address, or its slug</source>
        <translation>出自某个来源：用其网址的域名或标识名</translation>
    </message>
    <message>
        <source>a minus leaves out what a filter selects</source>
        <translation>前加减号表示排除该筛选条件选中的内容</translation>
    </message>
    <message>
        <source>Best matches first: an entry whose name, or other name in any language, is what you typed (越南, Campuchia or campuchia); then names where your words are whole words or begin a word (AI finds “AI Hub” and “AIDA”), then other text where they are; matches inside a word (the “ai” of Thailand) come last. Each kind of entry is placed by its best match. Chinese, Thai, Lao, Khmer and Burmese write no spaces between words, so there every match counts as a word.</source>
        <translation>最佳匹配排在最前：名称或任一语言的其他名称与输入完全相同的条目（越南、Campuchia 或 campuchia）；其次是输入的词在名称中作为完整的词或词首出现的（AI 可找到“AI Hub”和“AIDA”），再次是出现在其他文本中的；在词内部的匹配（Thailand 中的“ai”）排在最后。每类条目按其最佳匹配排序。中文、泰文、老挝文、高棉文和缅甸文的词与词之间不加空格，因此其中的每个匹配都算作词的匹配。</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Sidebar</source>
        <translation>侧边栏</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>资料库</translation>
    </message>
</context>
<context>
    <name>SourceFiles</name>
    <message>
        <source>&amp;Paste Text…</source>
        <translation>粘贴正文(&amp;P)…</translation>
    </message>
    <message>
        <source>Give this source its text by pasting it</source>
        <translation>粘贴文本作为此来源的正文</translation>
    </message>
    <message>
        <source>Add Text from &amp;File…</source>
        <translation>从文件添加正文(&amp;F)…</translation>
    </message>
    <message>
        <source>Give this source its text from a saved web page, a PDF, a text or Markdown file</source>
        <translation>从保存的网页、PDF、文本或 Markdown 文件获取此来源的正文</translation>
    </message>
    <message>
        <source>&amp;Open File</source>
        <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
        <source>Open the file this source&apos;s text came from</source>
        <translation>打开此来源正文所出自的文件</translation>
    </message>
    <message>
        <source>Source &amp;Text</source>
        <translation>来源正文(&amp;T)</translation>
    </message>
    <message>
        <source>Text from {name}</source>
        <translation>正文出自 {name}</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Add Text from File</source>
        <translation>从文件添加正文</translation>
    </message>
    <message>
        <source>Web pages, PDFs, text and Markdown ({patterns})</source>
        <translation>网页、PDF、文本和 Markdown（{patterns}）</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>Page %v of %m</source>
        <translation>第 %v 页，共 %m 页</translation>
    </message>
    <message>
        <source>No text added</source>
        <translation>未添加正文</translation>
    </message>
    <message>
        <source>Cancelled: the source is as it was.</source>
        <translation>已取消：来源保持原样。</translation>
    </message>
    <message>
        <source>Replace the Text?</source>
        <translation>替换正文？</translation>
    </message>
    <message>
        <source>“{name}” has a text already. Replace it?</source>
        <translation>“{name}”已有正文。要替换吗？</translation>
    </message>
    <message>
        <source>Quotes cited from it are looked for again in the new text; `roundtable check` lists any that are no longer found. Undo brings the old text back.</source>
        <translation>引自它的引文会在新正文中重新查找；`roundtable check` 会列出找不到的引文。撤销可恢复旧正文。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>“{name}” cannot take a text until its record is fixed ({problems}): edit it first.</source>
        <translation>“{name}”的记录需先修正（{problems}）才能添加正文：请先编辑它。</translation>
    </message>
    <message>
        <source>Text from {name} given to “{source}”.</source>
        <translation>已将 {name} 的文本作为“{source}”的正文。</translation>
    </message>
    <message>
        <source>Text given to “{source}”.</source>
        <translation>已为“{source}”添加正文。</translation>
    </message>
    <message>
        <source>{name} is missing from {folder}: restore a backup (File ▸ Restore from backup…) to bring it back, or add the file again.</source>
        <translation>{folder} 中缺少 {name}：请恢复备份（文件 ▸ 从备份恢复…）找回它，或重新添加该文件。</translation>
    </message>
    <message>
        <source>{name} in {folder} is no longer the file that was added (its contents changed): restore a backup (File ▸ Restore from backup…), or add the file again.</source>
        <translation>{folder} 中的 {name} 已不是当初添加的文件（内容已改变）：请恢复备份（文件 ▸ 从备份恢复…），或重新添加该文件。</translation>
    </message>
    <message>
        <source>Cannot Open the File</source>
        <translation>无法打开文件</translation>
    </message>
</context>
<context>
    <name>SourceFilesBar</name>
    <message>
        <source>Source text actions</source>
        <translation>来源正文操作</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SourceForm</name>
    <message>
        <source>New Source</source>
        <translation>新建来源</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Required: the title as published</source>
        <translation>必填：发表时的标题</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>发布者(&amp;P)</translation>
    </message>
    <message>
        <source>Required: a newspaper, a ministry…</source>
        <translation>必填：报社、部委……</translation>
    </message>
    <message>
        <source>One name a line</source>
        <translation>每行一个名字</translation>
    </message>
    <message>
        <source>&amp;Authors</source>
        <translation>作者(&amp;A)</translation>
    </message>
    <message>
        <source>P&amp;ublished</source>
        <translation>发布日期(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>news article, government release, …</source>
        <translation>新闻报道、政府公告……</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Web address</source>
        <translation>网址(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;DOI</source>
        <translation>DOI(&amp;D)</translation>
    </message>
    <message>
        <source>10.1000/xyz, or https://doi.org/…</source>
        <translation>10.1000/xyz，或 https://doi.org/…</translation>
    </message>
    <message>
        <source>&amp;Citation key</source>
        <translation>引用键(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reliability</source>
        <translation>可靠性(&amp;R)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was saved: %n fields need attention.</source>
        <translation>
            <numerusform>未保存任何内容：有 %n 个字段需要修改。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceReader</name>
    <message>
        <source>Source text</source>
        <translation>来源正文</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n 段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) cited</source>
        <translation>
            <numerusform>%n 处被引用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s) not found in this text</source>
        <translation>
            <numerusform>%n 条引文在此正文中未找到</numerusform>
        </translation>
    </message>
    <message>
        <source>an entry in the trash</source>
        <translation>回收站中的条目</translation>
    </message>
    <message>
        <source>Cited for:</source>
        <translation>引用处：</translation>
    </message>
    <message>
        <source>Cited for</source>
        <translation>引用处</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>{path} cannot be read ({error}).</source>
        <translation>无法读取 {path}（{error}）。</translation>
    </message>
    <message>
        <source>{path} is not a kind of file a source&apos;s text can come from: choose an HTML page, a PDF, a plain text or a Markdown file.</source>
        <translation>{path} 不是可作为来源正文的文件类型：请选择 HTML 网页、PDF、纯文本或 Markdown 文件。</translation>
    </message>
    <message>
        <source>{name} holds no text to give the source.</source>
        <translation>{name} 中没有可作为来源正文的文本。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (a byte at {offset} is not); save it as UTF-8.</source>
        <translation>{name} 不是 UTF-8 文本（第 {offset} 字节不是）；请另存为 UTF-8。</translation>
    </message>
    <message>
        <source>{name} cannot be read as a web page ({error}).</source>
        <translation>{name} 无法作为网页读取（{error}）。</translation>
    </message>
    <message>
        <source>No main text was found in {name}: it may be a page that builds its text with JavaScript; save the page from the browser after it has shown the article, or paste the text.</source>
        <translation>在 {name} 中没有找到正文：它可能是用 JavaScript 生成文字的网页；请在浏览器显示文章后再保存网页，或直接粘贴文本。</translation>
    </message>
    <message>
        <source>{name} is protected by a password; open it, save a copy without one, and add that.</source>
        <translation>{name} 有密码保护；请打开它，另存一份无密码的副本，再添加该副本。</translation>
    </message>
    <message>
        <source>{name} holds no text, only pictures of pages (a scan); Roundtable does not read text from pictures. Paste the text instead, or add a copy with a text layer.</source>
        <translation>{name} 中只有页面图片（扫描件），没有文本；Roundtable 不识别图片中的文字。请改为粘贴文本，或添加带文本层的副本。</translation>
    </message>
    <message>
        <source>{name} cannot be read as a PDF ({error}).</source>
        <translation>{name} 无法作为 PDF 读取（{error}）。</translation>
    </message>
    <message>
        <source>A title is required: the source&apos;s own title, as it is published.</source>
        <translation>标题为必填：来源发表时本身的标题。</translation>
    </message>
    <message>
        <source>“{value}” is not a title: write the source&apos;s own title, as it is published (an article&apos;s headline, a report&apos;s name).</source>
        <translation>“{value}”不是标题：请填写来源发表时本身的标题（文章标题、报告名称）。</translation>
    </message>
    <message>
        <source>A publisher is required: who published the source (a newspaper, a ministry, a website).</source>
        <translation>发布者为必填：发布该来源的机构（报社、部委、网站）。</translation>
    </message>
    <message>
        <source>“{value}” is not a publisher: write who published the source (a newspaper, a ministry, a website).</source>
        <translation>“{value}”不是发布者：请填写发布该来源的机构（报社、部委、网站）。</translation>
    </message>
    <message>
        <source>“{value}” is not a DOI: write one such as 10.1000/xyz123 (or its https://doi.org/ link).</source>
        <translation>“{value}”不是 DOI：请填写形如 10.1000/xyz123 的 DOI（或其 https://doi.org/ 链接）。</translation>
    </message>
    <message>
        <source>“{value}” cannot be a citation key: use letters, digits and _ (no spaces), with : . + ? &lt; &gt; / - only between them, e.g. smith2024digital.</source>
        <translation>“{value}”不能用作引用键：请使用字母、数字和 _（不含空格），: . + ? &lt; &gt; / - 只能出现在它们之间，如 smith2024digital。</translation>
    </message>
    <message>
        <source>“{key}” is already the citation key of {holder}.</source>
        <translation>“{key}”已是{holder}的引用键。</translation>
    </message>
    <message>
        <source>There is no text to give the source.</source>
        <translation>没有可作为来源正文的文本。</translation>
    </message>
    <message>
        <source>Only a source holds a text.</source>
        <translation>只有来源才有正文。</translation>
    </message>
</context>
<context>
    <name>TableImportDialog</name>
    <message>
        <source>Import Table</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>A .csv or .xlsx file; its first row holds the column titles</source>
        <translation>CSV 或 XLSX 文件（.csv、.xlsx）；第一行为列标题</translation>
    </message>
    <message>
        <source>Choose &amp;File…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>表格(&amp;T)：</translation>
    </message>
    <message>
        <source>Each row is one of the:</source>
        <translation>每一行是一个：</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Rows match entries by a uid column, else by name, so importing a table again creates nothing twice; an empty cell leaves the entry&apos;s field as it is. Countries and organizations are found by name, other name, slug or ISO code. The import is all or nothing: any problem and nothing is written. The library is backed up first.</source>
        <translation>各行先按唯一标识（uid）列、否则按名称匹配条目，因此再次导入同一表格不会重复创建；空单元格会使条目的相应字段保持不变。国家和组织按名称、其他名称、标识名或 ISO 代码查找。导入要么全部完成，要么完全不做：只要有任何问题，就不会写入任何内容。导入前会先备份资料库。</translation>
    </message>
    <message>
        <source>Import a table</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Choose the column that holds the names.</source>
        <translation>请选择包含名称的列。</translation>
    </message>
    <message>
        <source>To undo it, restore the backup made just before (File ▸ Restore from backup…): {name}.</source>
        <translation>如需撤销，请恢复导入前刚做的备份（文件 ▸ 从备份恢复…）：{name}。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>有问题</translation>
    </message>
    <message numerus="yes">
        <source>%n problems</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>Nothing was imported; nothing was changed: {reason}</source>
        <translation>未导入任何内容，也未做任何更改：{reason}</translation>
    </message>
    <message>
        <source>{stage}: {percent}%</source>
        <translation>{stage}：{percent}%</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>导入已取消；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Export List to &amp;CSV…</source>
        <translation>将列表导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Write the list as shown (its columns, filter and order) to a CSV file</source>
        <translation>将列表按当前显示（列、筛选和排序）写入 CSV 文件</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>List not exported</source>
        <translation>列表未导出</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Import &amp;Table…</source>
        <translation>导入表格(&amp;T)…</translation>
    </message>
    <message>
        <source>Import officials, organizations, countries, initiatives or events from CSV or XLSX</source>
        <translation>从 CSV 或 XLSX 导入官员、组织、国家、倡议或活动</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a table.</source>
        <translation>{path} 是文件夹，不是表格。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a table: save it as CSV (comma-separated values) or XLSX.</source>
        <translation>{path} 不是表格：请将其另存为 CSV（逗号分隔值）或 XLSX。</translation>
    </message>
    <message>
        <source>{path} is not a table Roundtable can read (line {line}: {reason}).</source>
        <translation>{path} 不是 Roundtable 能读取的表格（第 {line} 行：{reason}）。</translation>
    </message>
    <message>
        <source>{path} is an XLSX file; save it as CSV to import it.</source>
        <translation>{path} 是 XLSX 文件；请另存为 CSV 后再导入。</translation>
    </message>
    <message>
        <source>{path} is empty: there is no header row.</source>
        <translation>{path} 是空的：没有标题行。</translation>
    </message>
    <message>
        <source>{path} has no column titles in its first row.</source>
        <translation>{path} 的第一行没有列标题。</translation>
    </message>
    <message>
        <source>{path} has {count} columns, more than a table of entries can hold.</source>
        <translation>{path} 有 {count} 列，超出了条目表格所能容纳的列数。</translation>
    </message>
    <message>
        <source>The mapping {path} cannot be read: {reason}</source>
        <translation>无法读取映射文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>The mapping {path} should map column titles to fields.</source>
        <translation>映射文件 {path} 应将列标题映射到字段。</translation>
    </message>
    <message>
        <source>The list cannot be sorted by “{field}”; sort by one of: {known}.</source>
        <translation>列表不能按“{field}”排序；请按以下之一排序：{known}。</translation>
    </message>
    <message>
        <source>The list has no field “{field}”; choose among: {known}.</source>
        <translation>列表没有字段“{field}”；请从以下字段中选择：{known}。</translation>
    </message>
    <message>
        <source>The mapping names a column “{column}” that the table does not have.</source>
        <translation>映射中的列“{column}”在表格中不存在。</translation>
    </message>
    <message>
        <source>The mapping maps “{column}” to “{field}”, which is not a field of {kind}; use one of: {known}.</source>
        <translation>映射将“{column}”映射到“{field}”，但它不是{kind}的字段；请使用以下之一：{known}。</translation>
    </message>
    <message>
        <source>Two columns, “{first}” and “{second}”, are mapped to {field}.</source>
        <translation>“{first}”和“{second}”两列都映射到了{field}。</translation>
    </message>
    <message>
        <source>Row {row}, column “{column}”: {problem}</source>
        <translation>第 {row} 行，“{column}”列：{problem}</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <translation>第 {row} 行：{problem}</translation>
    </message>
    <message>
        <source>{path}: {count} problems to fix before it can be imported.</source>
        <translation>{path}：有 {count} 个问题需要修正后才能导入。</translation>
    </message>
    <message>
        <source>{path}: {count} problems; nothing was imported.</source>
        <translation>{path}：有 {count} 个问题；未导入任何内容。</translation>
    </message>
    <message>
        <source>{path}: {created} created, {updated} updated, {unchanged} unchanged.</source>
        <translation>{path}：新建 {created} 个，更新 {updated} 个，{unchanged} 个不变。</translation>
    </message>
    <message>
        <source>{path} would create {created}, update {updated} and leave {unchanged} unchanged; nothing was written.</source>
        <translation>{path} 将新建 {created} 个、更新 {updated} 个，{unchanged} 个保持不变；未写入任何内容。</translation>
    </message>
    <message>
        <source>{path}: the library already holds all {unchanged} rows as they are.</source>
        <translation>{path}：资料库中已有全部 {unchanged} 行，内容相同。</translation>
    </message>
    <message>
        <source>“{value}” is already on row {row}; give each entry one row.</source>
        <translation>“{value}”已在第 {row} 行；每个条目只占一行。</translation>
    </message>
    <message>
        <source>This uid is of an entry listed under {kind}.</source>
        <translation>此唯一标识属于{kind}中的一个条目。</translation>
    </message>
    <message>
        <source>{count} entries are called “{name}”; add a uid column to say which.</source>
        <translation>有 {count} 个条目名为“{name}”；请添加唯一标识（uid）列以指明是哪一个。</translation>
    </message>
    <message>
        <source>Nothing among {kinds} is called “{value}”; add it first.</source>
        <translation>{kinds}中没有名为“{value}”的条目；请先添加。</translation>
    </message>
    <message>
        <source>{count} {kinds} are called “{value}”; write its slug instead.</source>
        <translation>有 {count} 个{kinds}名为“{value}”；请改写其标识名。</translation>
    </message>
    <message>
        <source>A title is needed for its organization, dates and source.</source>
        <translation>需要填写职务，才能记录其组织、日期和来源。</translation>
    </message>
    <message>
        <source>Only {kinds} can be imported from a table.</source>
        <translation>只有{kinds}可以从表格导入。</translation>
    </message>
    <message>
        <source>The mapping does not fit the table&apos;s columns.</source>
        <translation>映射与表格的列不符。</translation>
    </message>
    <message>
        <source>Map a column to the name: every entry needs one.</source>
        <translation>请将某一列映射到名称：每个条目都需要名称。</translation>
    </message>
</context>
<context>
    <name>Tags</name>
    <message>
        <source>“{text}” is not a tag: it has no letters or digits.</source>
        <translation>“{text}”不是标签：其中没有字母或数字。</translation>
    </message>
    <message>
        <source>“{name}”: a tag cannot contain a comma (commas separate tags).</source>
        <translation>“{name}”：标签不能包含逗号（逗号用于分隔标签）。</translation>
    </message>
    <message>
        <source>{start}…: a tag can be at most {limit} characters long.</source>
        <translation>{start}…：标签最长 {limit} 个字符。</translation>
    </message>
</context>
<context>
    <name>TagsModel</name>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条目</translation>
    </message>
    <message numerus="yes">
        <source>%n notes</source>
        <translation>
            <numerusform>%n 篇笔记</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>{tag}: {notes}, {entries} (tags nested under it included)</source>
        <translation>{tag}：{notes}，{entries}（含其下级标签）</translation>
    </message>
</context>
<context>
    <name>TagsView</name>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Choose a tag to see the entries carrying it.</source>
        <translation>选择一个标签，查看带有它的条目。</translation>
    </message>
    <message>
        <source>No tags yet.</source>
        <translation>还没有标签。</translation>
    </message>
    <message>
        <source>Show its notes</source>
        <translation>显示其笔记</translation>
    </message>
    <message>
        <source>Entries tagged “{tag}” ({count})</source>
        <translation>标签为“{tag}”的条目（{count}）</translation>
    </message>
    <message>
        <source>No entries are tagged “{tag}”.</source>
        <translation>没有标签为“{tag}”的条目。</translation>
    </message>
    <message numerus="yes">
        <source>Show the %n notes tagged “{tag}”</source>
        <translation>
            <numerusform>显示标签为“{tag}”的 %n 篇笔记</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Titles</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>成员资格</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>宣布</translation>
    </message>
    <message>
        <source>Dated facts</source>
        <translation>有日期的事实</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <comment>a month on the time axis</comment>
        <translation>{year}年{month}</translation>
    </message>
    <message numerus="yes">
        <source>Every %n years</source>
        <translation>
            <numerusform>每 %n 年</numerusform>
        </translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年</translation>
    </message>
    <message numerus="yes">
        <source>Every %n months</source>
        <translation>
            <numerusform>每 %n 个月</numerusform>
        </translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月</translation>
    </message>
    <message numerus="yes">
        <source>Every %n days</source>
        <translation>
            <numerusform>每 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Known to the year or month</source>
        <translation>仅知年份或月份</translation>
    </message>
    <message>
        <source>No end recorded</source>
        <translation>未记录结束日期</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>自 {date}</translation>
    </message>
    <message>
        <source>Known to the year or month, drawn over all of it</source>
        <translation>仅知年份或月份，绘制为整段时间</translation>
    </message>
    <message numerus="yes">
        <source>%n citations</source>
        <translation>
            <numerusform>%n 条引文</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>分行</translation>
    </message>
    <message>
        <source>A lane per entry</source>
        <translation>每个条目一行</translation>
    </message>
    <message>
        <source>Lanes by kind</source>
        <translation>按类型分行</translation>
    </message>
    <message>
        <source>Lanes by country</source>
        <translation>按国家分行</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in (+, Ctrl+wheel)</source>
        <translation>放大（+、Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show all of the time the lanes span</source>
        <translation>显示各行所跨的全部时间</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Picture (PNG)…</source>
        <translation>图片（PNG）…</translation>
    </message>
    <message>
        <source>Drawing (SVG)…</source>
        <translation>矢量图（SVG）…</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>所有国家</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>No country</source>
        <translation>无国家</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message numerus="yes">
        <source>%n lanes</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing dated to show</source>
        <translation>没有可显示的有日期内容</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export the timeline</source>
        <translation>导出时间线</translation>
    </message>
    <message>
        <source>Timeline not exported</source>
        <translation>时间线未导出</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>Timelines</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Dated facts on a time axis: events, titles, memberships</source>
        <translation>时间轴上有日期的事实：活动、职务、成员资格</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Entries in the Trash</source>
        <translation>回收站中的条目</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete Permanently…</source>
        <translation>永久删除…</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Cannot repeat “{step}”: {reason}</source>
        <translation>无法执行“{step}”：{reason}</translation>
    </message>
    <message>
        <source>Edit “{name}”</source>
        <translation>编辑“{name}”</translation>
    </message>
    <message>
        <source>Create “{name}”</source>
        <translation>新建“{name}”</translation>
    </message>
    <message>
        <source>Move “{name}” to the Trash</source>
        <translation>将“{name}”移到回收站</translation>
    </message>
    <message>
        <source>Restore “{name}”</source>
        <translation>恢复“{name}”</translation>
    </message>
    <message>
        <source>Move note “{title}” to the Trash</source>
        <translation>将笔记“{title}”移到回收站</translation>
    </message>
    <message>
        <source>Restore note “{title}”</source>
        <translation>恢复笔记“{title}”</translation>
    </message>
    <message>
        <source>Cite for “{name}”</source>
        <translation>引用到“{name}”</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-09-18).</source>
        <translation>日期请写作 YYYY、YYYY-MM 或 YYYY-MM-DD（如 2025-09-18）。</translation>
    </message>
    <message>
        <source>{value} is not a day of the calendar.</source>
        <translation>{value} 不是日历上存在的日期。</translation>
    </message>
    <message>
        <source>The end ({end}) is before the start ({start}).</source>
        <translation>结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>{first} or {rest}</source>
        <translation>{first}或{rest}</translation>
    </message>
    <message>
        <source>Choose one of: {choices}.</source>
        <translation>请从以下选择：{choices}。</translation>
    </message>
    <message>
        <source>Keep it on one line.</source>
        <translation>请写在一行内。</translation>
    </message>
    <message>
        <source>Keep it under {limit} characters.</source>
        <translation>请少于 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Nothing in {kinds} is called “{value}”.</source>
        <translation>{kinds}中没有名为“{value}”的条目。</translation>
    </message>
    <message>
        <source>{count} entries are called “{value}”; choose one from the list.</source>
        <translation>有 {count} 个条目名为“{value}”；请从列表中选择一个。</translation>
    </message>
    <message>
        <source>“{value}” is listed under {kind}, not under {kinds}.</source>
        <translation>“{value}”属于{kind}，不属于{kinds}。</translation>
    </message>
    <message>
        <source>An entry cannot refer to itself here.</source>
        <translation>条目不能在此处引用自身。</translation>
    </message>
    <message>
        <source>These words are not in the source&apos;s text.</source>
        <translation>来源正文中没有这些文字。</translation>
    </message>
    <message>
        <source>These words are not in the source&apos;s text as they stand. The nearest passage reads “{passage}”; the quote has “{word}” where the passage has the word in brackets.</source>
        <translation>来源正文中没有一字不差的这些文字。最接近的段落为“{passage}”；引文在方括号所示之处写的是“{word}”。</translation>
    </message>
    <message>
        <source>Choose the source.</source>
        <translation>请选择来源。</translation>
    </message>
    <message>
        <source>Write the fact.</source>
        <translation>请填写事实。</translation>
    </message>
    <message>
        <source>Choose the organization.</source>
        <translation>请选择组织。</translation>
    </message>
    <message>
        <source>Choose who took part.</source>
        <translation>请选择参与者。</translation>
    </message>
    <message>
        <source>Choose the party.</source>
        <translation>请选择参与方。</translation>
    </message>
    <message>
        <source>Write the words as the source gives them.</source>
        <translation>请按来源填写原话。</translation>
    </message>
    <message>
        <source>Only {kinds} have these.</source>
        <translation>只有{kinds}才有这些。</translation>
    </message>
    <message>
        <source>Unknown kind {kind}.</source>
        <translation>未知类型 {kind}。</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>名称为必填项。</translation>
    </message>
    <message>
        <source>Use lowercase letters a–z, digits and single hyphens, e.g. chen-gang.</source>
        <translation>请使用小写字母 a–z、数字和单个连字符，如 chen-gang。</translation>
    </message>
    <message>
        <source>“{slug}” is already the slug of {holder}.</source>
        <translation>“{slug}”已是{holder}的标识名。</translation>
    </message>
    <message>
        <source>Write {hint}.</source>
        <translation>请填写{hint}。</translation>
    </message>
    <message>
        <source>Write a web address starting with http:// or https://.</source>
        <translation>请填写以 http:// 或 https:// 开头的网址。</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>{field}为必填项。</translation>
    </message>
    <message>
        <source>{code} is already the code of {holder}.</source>
        <translation>{code} 已是{holder}的代码。</translation>
    </message>
    <message>
        <source>The name is required.</source>
        <translation>名称为必填项。</translation>
    </message>
    <message>
        <source>Write a language tag such as zh-Hans, th, lo, km or vi.</source>
        <translation>请填写语言标签，如 zh-Hans、th、lo、km 或 vi。</translation>
    </message>
    <message>
        <source>Write a script code such as Hans, Thai, Laoo, Khmr or Latn.</source>
        <translation>请填写文字代码，如 Hans、Thai、Laoo、Khmr 或 Latn。</translation>
    </message>
    <message>
        <source>Only officials hold titles.</source>
        <translation>只有官员才有职务。</translation>
    </message>
    <message>
        <source>The title is required.</source>
        <translation>职务名称为必填项。</translation>
    </message>
</context>
<context>
    <name>Vault</name>
    <message>
        <source>line {line}, a marker of note {other}, is inside the text of note {note} (its end marker deleted, or a marker line pasted into it: a backslash before a pasted line keeps it as text)</source>
        <translation>第 {line} 行是笔记 {other} 的标记，却位于笔记 {note} 的正文中（其结束标记被删除，或有标记行被粘贴进来：在粘贴的行前加一个反斜杠即可把它保留为正文）</translation>
    </message>
    <message>
        <source>line {line}: note {note} is in this file twice</source>
        <translation>第 {line} 行：笔记 {note} 在此文件中出现了两次</translation>
    </message>
    <message>
        <source>line {line}: the end marker of note {note} has no beginning marker before it</source>
        <translation>第 {line} 行：笔记 {note} 的结束标记之前没有开始标记</translation>
    </message>
    <message>
        <source>the end marker of note {note} is missing</source>
        <translation>缺少笔记 {note} 的结束标记</translation>
    </message>
    <message>
        <source>{file} is a link to {target}, outside the vault; Roundtable reads only files inside the vault</source>
        <translation>{file} 是指向 {target} 的链接，位于导出库之外；Roundtable 只读取导出库内的文件</translation>
    </message>
    <message>
        <source>{file}: its front matter has lost its opening or closing &apos;---&apos; line</source>
        <translation>{file}：其前置元数据缺少开头或结尾的 &apos;---&apos; 行</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>founding member</source>
        <translation>创始成员</translation>
    </message>
    <message>
        <source>observer</source>
        <translation>观察员</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>候选成员</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>伙伴</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>参与者</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主办方</translation>
    </message>
    <message>
        <source>co-host</source>
        <translation>联合主办方</translation>
    </message>
    <message>
        <source>organizer</source>
        <translation>组织方</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>represented</source>
        <translation>派代表出席</translation>
    </message>
    <message>
        <source>featured country</source>
        <translation>主题国</translation>
    </message>
    <message>
        <source>witness</source>
        <translation>见证方</translation>
    </message>
    <message>
        <source>party</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>牵头方</translation>
    </message>
    <message>
        <source>developer</source>
        <translation>开发方</translation>
    </message>
    <message>
        <source>beneficiary</source>
        <translation>受益方</translation>
    </message>
    <message>
        <source>proposer</source>
        <translation>倡议方</translation>
    </message>
    <message>
        <source>direct quotation</source>
        <translation>直接引语</translation>
    </message>
    <message>
        <source>reported speech</source>
        <translation>间接引语</translation>
    </message>
    <message>
        <source>translated quotation</source>
        <translation>译文引语</translation>
    </message>
</context>
<context>
    <name>WideEditor</name>
    <message>
        <source>Write in the &amp;Centre</source>
        <translation>在中央书写(&amp;C)</translation>
    </message>
    <message>
        <source>Wide</source>
        <translation>宽屏</translation>
    </message>
    <message>
        <source>The note takes the centre of the window (Ctrl+Shift+M)</source>
        <translation>笔记占据窗口中央（Ctrl+Shift+M）</translation>
    </message>
</context>
<context>
    <name>_StepWords</name>
    <message numerus="yes">
        <source>Add {tags} to %n entries</source>
        <translation>
            <numerusform>为 %n 个条目添加 {tags}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove {tags} from %n entries</source>
        <translation>
            <numerusform>从 %n 个条目移除 {tags}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n entries to the Trash</source>
        <translation>
            <numerusform>将 %n 个条目移到回收站</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the parent organization of %n entries</source>
        <translation>
            <numerusform>设置 %n 个条目的上级组织</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the country of %n entries</source>
        <translation>
            <numerusform>设置 %n 个条目的国家</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_TaskDialog</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>已停止：{reason}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message numerus="yes">
        <source>Wrote {path}: %n rows.</source>
        <translation>
            <numerusform>已写入 {path}：%n 行。</numerusform>
        </translation>
    </message>
</context>
</TS>
